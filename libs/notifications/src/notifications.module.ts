import { Module } from '@nestjs/common';
import { NotificationPublisher } from './notification/notification-publisher';
import { NotificationRepository } from './notification/notification.repository';
import { NotificationResolver } from './notification/notification.resolver';
import { NotificationService } from './notification/notification.service';

/**
 * Notifications: the feed and read marks (GraphQL), and the publisher every other domain
 * imports this module for, to notify agencies inside its own transaction.
 */
@Module({
  providers: [NotificationRepository, NotificationPublisher, NotificationService, NotificationResolver],
  exports: [NotificationPublisher],
})
export class NotificationsModule {}
