import { Module } from '@nestjs/common';
import { AuditWriterModule } from '@hub/audit';
import { ConfigModule } from '@hub/config';
import { ConsentReminders } from '@hub/consents';
import { JobsModule } from '@hub/jobs';
import { NotificationPublishingModule } from '@hub/notifications';
import { ProtocolReminders } from '@hub/protocols';
import { ReferralExpiry, ReferralReminders } from '@hub/referrals';
import { recordWorkflowProviders } from '@hub/workflow';
import { timeRulesConfig } from './time-rules.config';
import { TimeRules } from './time-rules';

/**
 * The worker's time-based rules: the domains' sweeps and reminders (their rules and queries), run
 * on a schedule. Changes go through the workflow kernel, which writes the audit row and the
 * notifications (AuditWriterModule, NotificationPublishingModule: the API's own writers).
 */
@Module({
  imports: [
    ConfigModule.forFeature(timeRulesConfig),
    JobsModule,
    AuditWriterModule,
    NotificationPublishingModule,
  ],
  providers: [
    // The runner for the referral expiry sweep; the sweeps create nothing (no CreateOnce).
    ...recordWorkflowProviders,
    ReferralExpiry,
    ReferralReminders,
    ConsentReminders,
    ProtocolReminders,
    TimeRules,
  ],
  exports: [TimeRules],
})
export class TimeRulesModule {}
