import { Module } from '@nestjs/common';
import { ConfigModule } from '@hub/config';
import { mailConfig } from './mail.config';
import { Mailer } from './mailer';

/** Outgoing e-mail (SMTP_URL, MAIL_FROM). */
@Module({
  imports: [ConfigModule.forFeature(mailConfig)],
  providers: [Mailer],
  exports: [Mailer],
})
export class MailModule {}
