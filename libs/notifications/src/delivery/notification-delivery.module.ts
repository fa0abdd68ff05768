import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@hub/config';
import { databaseConfig } from '@hub/database';
import { JobsModule } from '@hub/jobs';
import { MailModule } from '@hub/mail';
import { deliveryConfig } from './delivery.config';
import { DeliveryJobs } from './delivery-jobs';
import { DeliveryRepository } from './delivery.repository';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NOTICE_FACTS, NoticeFactsSql } from './notice-facts';
import { OutboxRelay } from './outbox-relay';
import { OutboxMetrics } from '../outbox/outbox-metrics';
import { OutboxRepository } from '../outbox/outbox.repository';

/**
 * The worker's side of notifications: the outbox relay and the e-mail delivery jobs. `facts`:
 * the domains' query scopes for what a message may say about each subject type (NoticeFactsSql).
 */
@Module({})
export class NotificationDeliveryModule {
  static forRoot(options: { facts: NoticeFactsSql }): DynamicModule {
    return {
      module: NotificationDeliveryModule,
      imports: [ConfigModule.forFeature(deliveryConfig, databaseConfig), JobsModule, MailModule],
      providers: [
        { provide: NOTICE_FACTS, useValue: options.facts },
        DeliveryRepository,
        NotificationDeliveryService,
        OutboxRelay,
        DeliveryJobs,
        // Outbox lag at each scrape of the worker's /metrics (the same gauges as the API's).
        OutboxRepository,
        OutboxMetrics,
      ],
    };
  }
}
