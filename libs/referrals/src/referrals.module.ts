import { Module } from '@nestjs/common';
import { AgenciesModule } from '@hub/agencies';
import { ConsentsModule } from '@hub/consents';
import { NotificationsModule } from '@hub/notifications';
import { ReferralRepository } from './referral/referral.repository';
import { ReferralResolver } from './referral/referral.resolver';
import { ReferralService } from './referral/referral.service';

/** Closed-loop referrals between agencies, their threads, and child-safety reports. */
@Module({
  imports: [AgenciesModule, ConsentsModule, NotificationsModule],
  providers: [ReferralRepository, ReferralService, ReferralResolver],
  exports: [ReferralService],
})
export class ReferralsModule {}
