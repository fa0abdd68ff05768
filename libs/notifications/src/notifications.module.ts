import { Module } from '@nestjs/common';
import { WORKFLOW_NOTIFIER } from '@hub/workflow';
import { NotificationPublisher } from './notification/notification-publisher';
import { NotificationRepository } from './notification/notification.repository';
import { NotificationResolver } from './notification/notification.resolver';
import { NotificationService } from './notification/notification.service';
import { NotificationPreferenceRepository } from './preference/notification-preference.repository';
import { NotificationPreferenceResolver } from './preference/notification-preference.resolver';
import { NotificationPreferenceService } from './preference/notification-preference.service';

/**
 * Notifications: the feed and read marks, each user's delivery preference (GraphQL), and the
 * publisher every other domain imports this module for, to notify agencies inside its own
 * transaction. The worker's side (outbox relay, e-mail) is NotificationDeliveryModule.
 */
@Module({
  providers: [
    NotificationRepository,
    NotificationPublisher,
    NotificationService,
    NotificationResolver,
    NotificationPreferenceRepository,
    NotificationPreferenceService,
    NotificationPreferenceResolver,
    // The workflow kernel's notifier port is this publisher (platform knows no domain).
    { provide: WORKFLOW_NOTIFIER, useExisting: NotificationPublisher },
  ],
  exports: [NotificationPublisher, WORKFLOW_NOTIFIER],
})
export class NotificationsModule {}
