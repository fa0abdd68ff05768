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
  NOTIFICATION_CHANNEL,
  NOTIFICATION_CREATED_TOPIC,
  type NotificationCreatedPayload,
  type NotificationSignal,
} from './notification/notification.repository';
export { type AgencySignal, NotificationSignals, RESYNC } from './live/notification-signals';
