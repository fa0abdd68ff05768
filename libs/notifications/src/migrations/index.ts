import { CreateNotifications1763800000000 } from './1763800000000-create-notifications';

export const notificationsMigrations = [CreateNotifications1763800000000];
