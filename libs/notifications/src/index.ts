export * from './notifications.module';
export * from './notification-publishing.module';
export { type DueReminder, reminderDueSql, Reminders } from './reminder/reminders';
export * from './notifications.entities';
export * from './migrations';
export {
  MAX_EVENT_TYPE_LENGTH,
  MAX_MESSAGE_LENGTH,
  type Notice,
  NotificationPublisher,
  notificationPublisherOn,
} from './notification/notification-publisher';
export {
  NOTIFICATION_CHANNEL,
  NOTIFICATION_CREATED_TOPIC,
  type NotificationCreatedPayload,
  type NotificationSignal,
} from './notification/notification.repository';
export { type AgencySignal, NotificationSignals, RESYNC } from './live/notification-signals';
export { NotificationDeliveryModule } from './delivery/notification-delivery.module';
export { deliveryConfig, type DeliveryConfig } from './delivery/delivery.config';
export { DELIVERY_QUEUE, DIGEST_QUEUE } from './delivery/delivery-queue';
export type { NoticeFactsSql } from './delivery/notice-facts';
export {
  HEADLINES as EMAIL_HEADLINES,
  type EmailLanguage,
  type NoticeFacts,
} from './delivery/email-templates';
