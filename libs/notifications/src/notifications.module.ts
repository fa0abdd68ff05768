import { Module } from '@nestjs/common';
import { ConfigModule } from '@hub/config';
import { databaseConfig } from '@hub/database';
import { Refusals } from '@hub/workflow';
import { LiveNotifications } from './live/live-notifications';
import { NotificationSignals } from './live/notification-signals';
import { OutboxMetrics } from './outbox/outbox-metrics';
import { OutboxRepository } from './outbox/outbox.repository';
import { NotificationPublishingModule } from './notification-publishing.module';
import { NotificationResolver } from './notification/notification.resolver';
import { NotificationService } from './notification/notification.service';
import { NotificationPreferenceRepository } from './preference/notification-preference.repository';
import { NotificationPreferenceResolver } from './preference/notification-preference.resolver';
import { NotificationPreferenceService } from './preference/notification-preference.service';

/**
 * Notifications: the feed and read marks and each user's delivery preference (GraphQL), live
 * updates (a subscription, and the signals other domains' subscriptions wake on), and the publisher
 * every other domain imports this module for, to notify agencies inside its own transaction. The
 * worker's side (outbox relay, e-mail) is NotificationDeliveryModule.
 */
@Module({
  imports: [ConfigModule.forFeature(databaseConfig), NotificationPublishingModule],
  providers: [
    NotificationSignals,
    LiveNotifications,
    OutboxRepository,
    OutboxMetrics,
    NotificationService,
    NotificationResolver,
    NotificationPreferenceRepository,
    NotificationPreferenceService,
    NotificationPreferenceResolver,
    Refusals,
  ],
  exports: [NotificationPublishingModule, NotificationSignals],
})
export class NotificationsModule {}
