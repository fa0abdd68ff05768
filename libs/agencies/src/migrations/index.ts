import { CreateAgencies1763780000000 } from './1763780000000-create-agencies';
import { PlatformAdministration1764810000000 } from './1764810000000-platform-administration';
import { AddAgencyNotificationLanguage1765000100000 } from './1765000100000-add-agency-notification-language';
import { ManageResources1765200000000 } from './1765200000000-manage-resources';

export const agenciesMigrations = [
  CreateAgencies1763780000000,
  PlatformAdministration1764810000000,
  AddAgencyNotificationLanguage1765000100000,
  ManageResources1765200000000,
];
