import { Module } from '@nestjs/common';
import { AgenciesModule } from '@hub/agencies';
import { ConsentsModule } from '@hub/consents';
import { ConfigModule } from '@hub/config';
import { NotificationsModule } from '@hub/notifications';
import { workflowProviders } from '@hub/workflow';
import { breakGlassConfig } from './break-glass/break-glass.config';
import { BreakGlassRepository } from './break-glass/break-glass.repository';
import { BreakGlassResolver } from './break-glass/break-glass.resolver';
import { BreakGlassService } from './break-glass/break-glass.service';
import { ChildSafetyService } from './referral/child-safety.service';
import { ReferralIntakeService } from './referral/referral-intake.service';
import { ReferralRecord } from './referral/referral-record';
import { ReferralHandBack } from './referral/referral-hand-back';
import { ReferralRepository } from './referral/referral.repository';
import { LiveInboxCounts } from './referral/live-inbox-counts';
import { ReferralLiveResolver } from './referral/referral-live.resolver';
import { ReferralResolver } from './referral/referral.resolver';
import { ReferralActionsResolver } from './referral/referral-actions.resolver';
import { ReferralService } from './referral/referral.service';
import {
  ReferralSurvivorActionsResolver,
  SurvivorActionsResolver,
} from './survivor-actions/survivor-actions.resolver';
import { SurvivorActionsService } from './survivor-actions/survivor-actions.service';

/** Closed-loop referrals between agencies, their threads, child-safety reports, and break-glass. */
@Module({
  imports: [AgenciesModule, ConsentsModule, NotificationsModule, ConfigModule.forFeature(breakGlassConfig)],
  providers: [
    ...workflowProviders,
    ReferralRepository,
    ReferralRecord,
    ReferralIntakeService,
    ReferralService,
    ChildSafetyService,
    ReferralResolver,
    ReferralActionsResolver,
    // Hands a deactivated agency's open referrals back to their senders (AgencyDeactivationListeners).
    ReferralHandBack,
    LiveInboxCounts,
    ReferralLiveResolver,
    BreakGlassRepository,
    BreakGlassService,
    BreakGlassResolver,
    // What a survivor record (or a referral's) offers: child-safety report, break-glass.
    SurvivorActionsService,
    SurvivorActionsResolver,
    ReferralSurvivorActionsResolver,
  ],
  exports: [ReferralService],
})
export class ReferralsModule {}
