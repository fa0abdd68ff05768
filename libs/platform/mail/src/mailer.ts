import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { mailConfig, MailConfig } from './mail.config';

/** One plain-text message. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** `<…@…>`: the same on every attempt, so a receiver can tell a resent copy. */
  messageId: string;
  /** BCP 47 tag of the text (Content-Language). */
  language: string;
}

/**
 * The SMTP server refused the message for good (a 5xx answer, e.g. an unknown mailbox): sending
 * it again would fail the same way. Anything else (no connection, timeout, 4xx) may pass later.
 */
export class MailRejectedError extends Error {
  constructor(readonly responseCode: number) {
    super(`the SMTP server rejected the message (${responseCode})`);
    this.name = 'MailRejectedError';
  }
}

/** Sends e-mail over SMTP (nodemailer, pooled connections). */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(mailConfig.token) private readonly config: MailConfig) {
    const url = new URL(config.SMTP_URL);
    const secure = url.protocol === 'smtps:';
    this.transport = createTransport({
      host: url.hostname,
      port: Number(url.port) || (secure ? 465 : 587),
      secure,
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      pool: true,
      maxConnections: config.SMTP_MAX_CONNECTIONS,
      connectionTimeout: config.SMTP_TIMEOUT_MS,
      greetingTimeout: config.SMTP_TIMEOUT_MS,
      socketTimeout: config.SMTP_TIMEOUT_MS,
      // Messages are built from text only; never let a message pull in a file or a URL.
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  /** Resolves once the server accepted the message; rejects with MailRejectedError on a 5xx. */
  async send(mail: OutgoingMail): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.config.MAIL_FROM,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: {
          'Content-Language': mail.language,
          // RFC 3834: an automatic message; well-behaved responders do not answer it.
          'Auto-Submitted': 'auto-generated',
        },
      });
    } catch (error) {
      const code = (error as { responseCode?: unknown }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600) throw new MailRejectedError(code);
      throw error;
    }
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
