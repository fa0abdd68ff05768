import { Module } from '@nestjs/common';
import { WORKFLOW_NOTIFIER } from '@hub/workflow';
import { NotificationPublisher } from './notification/notification-publisher';
import { NotificationRepository } from './notification/notification.repository';
import { Reminders } from './reminder/reminders';

/**
 * Writing notifications, and nothing else: the publisher (also the workflow kernel's notifier
 * port) and the reminders of the time-based rules. NotificationsModule re-exports it for the API;
 * the worker imports it alone (no feed, no subscriptions).
 */
@Module({
  providers: [
    NotificationRepository,
    NotificationPublisher,
    Reminders,
    // The workflow kernel's notifier port is this publisher (platform knows no domain).
    { provide: WORKFLOW_NOTIFIER, useExisting: NotificationPublisher },
  ],
  exports: [NotificationRepository, NotificationPublisher, Reminders, WORKFLOW_NOTIFIER],
})
export class NotificationPublishingModule {}
