import { Module } from '@nestjs/common';
import { ConfigModule } from '@hub/config';
import { databaseConfig } from '@hub/database';
import { Refusals, WORKFLOW_NOTIFIER } from '@hub/workflow';
import { LiveNotifications } from './live/live-notifications';
import { NotificationSignals } from './live/notification-signals';
import { OutboxMetrics } from './outbox/outbox-metrics';
import { OutboxRepository } from './outbox/outbox.repository';
import { NotificationPublisher } from './notification/notification-publisher';
import { NotificationRepository } from './notification/notification.repository';
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
  imports: [ConfigModule.forFeature(databaseConfig)],
  providers: [
    NotificationSignals,
    LiveNotifications,
    OutboxRepository,
    OutboxMetrics,
    NotificationRepository,
    NotificationPublisher,
    NotificationService,
    NotificationResolver,
    NotificationPreferenceRepository,
    NotificationPreferenceService,
    NotificationPreferenceResolver,
    Refusals,
    // The workflow kernel's notifier port is this publisher (platform knows no domain).
    { provide: WORKFLOW_NOTIFIER, useExisting: NotificationPublisher },
  ],
  exports: [NotificationPublisher, NotificationSignals, WORKFLOW_NOTIFIER],
})
export class NotificationsModule {}
