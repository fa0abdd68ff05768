import { CreateAgencies1763780000000 } from './1763780000000-create-agencies';
import { AddAgencyNotificationLanguage1765000100000 } from './1765000100000-add-agency-notification-language';

export const agenciesMigrations = [CreateAgencies1763780000000, AddAgencyNotificationLanguage1765000100000];
