import { DynamicModule, Module } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { SURVIVOR_PERSONAL_FIELDS } from '@hub/access';
import { auditEntities } from '@hub/audit';
import { ClockModule } from '@hub/config';
import { DatabaseModule } from '@hub/database';
import { JobsModule } from '@hub/jobs';
import { NotificationDeliveryModule } from '@hub/notifications';
import { LoggingModule, MetricsModule } from '@hub/observability';
import { referralsEntities } from '@hub/referrals';
import { HealthController } from './health.controller';
import { noticeFacts } from './notice-facts';
import { TimeRulesModule } from './time-rules/time-rules.module';

/**
 * The background jobs, each a module: e-mail delivery of the outbox, the time-based rules (expiry
 * sweep, reminders); /health and /metrics beside them. No GraphQL, no state between jobs: run as
 * many replicas as needed. Entities: only the tables the workflow kernel and the audit writer
 * write through TypeORM (a referral's guarded UPDATE, an audit row); jobs otherwise use SQL.
 */
@Module({})
export class WorkerModule {
  static register(options: { logDestination?: Writable } = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ClockModule,
        LoggingModule.forRoot({
          destination: options.logDestination,
          personalFields: SURVIVOR_PERSONAL_FIELDS,
        }),
        DatabaseModule.forRoot({
          entities: [...referralsEntities, ...auditEntities],
          applicationName: 'hub-worker',
        }),
        MetricsModule,
        JobsModule,
        NotificationDeliveryModule.forRoot({ facts: noticeFacts }),
        TimeRulesModule,
      ],
      controllers: [HealthController],
    };
  }
}
