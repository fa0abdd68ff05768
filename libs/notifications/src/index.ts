export * from './notifications.module';
export * from './notifications.entities';
export * from './migrations';
export {
  MAX_EVENT_TYPE_LENGTH,
  MAX_MESSAGE_LENGTH,
  type Notice,
  NotificationPublisher,
} from './notification/notification-publisher';
export {
  NOTIFICATION_CREATED_TOPIC,
  type NotificationCreatedPayload,
} from './notification/notification.repository';
