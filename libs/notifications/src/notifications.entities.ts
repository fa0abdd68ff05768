import { NotificationEntity, NotificationReadEntity } from './notification/notification.entity';
import { OutboxEntity } from './outbox/outbox.entity';
import { NotificationPreferenceEntity } from './preference/notification-preference.entity';

/** The tables this domain owns, gathered by the app into its one data source. */
export const notificationsEntities = [
  NotificationEntity,
  NotificationReadEntity,
  OutboxEntity,
  NotificationPreferenceEntity,
];
