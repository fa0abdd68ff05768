import { DynamicModule, Module } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { SURVIVOR_PERSONAL_FIELDS } from '@hub/access';
import { ClockModule } from '@hub/config';
import { DatabaseModule } from '@hub/database';
import { JobsModule } from '@hub/jobs';
import { NotificationDeliveryModule } from '@hub/notifications';
import { LoggingModule } from '@hub/observability';
import { HealthController } from './health.controller';
import { noticeFacts } from './notice-facts';

/**
 * The background jobs, each a module: e-mail delivery of the outbox today; time-based sweeps and
 * a /metrics endpoint are further modules in `imports`. No GraphQL, no entities (jobs use SQL
 * through their repositories), no state between jobs: run as many replicas as needed.
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
        DatabaseModule.forRoot({ entities: [], applicationName: 'hub-worker' }),
        JobsModule,
        NotificationDeliveryModule.forRoot({ facts: noticeFacts }),
      ],
      controllers: [HealthController],
    };
  }
}
