import { CreateNotifications1763800000000 } from './1763800000000-create-notifications';
import { DeliverNotifications1765000200000 } from './1765000200000-deliver-notifications';
import { CreateNotificationQueues1765000300000 } from './1765000300000-create-notification-queues';
import { CreateReminders1765100000000 } from './1765100000000-create-reminders';

export const notificationsMigrations = [
  CreateNotifications1763800000000,
  DeliverNotifications1765000200000,
  CreateReminders1765100000000,
];

/** The delivery and digest queues, in the job queue's schema: gathered after `jobsMigrations` (@hub/jobs). */
export const notificationQueueMigrations = [CreateNotificationQueues1765000300000];
