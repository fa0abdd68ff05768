import { CreateAgencies1763780000000 } from './1763780000000-create-agencies';
import { PlatformAdministration1764810000000 } from './1764810000000-platform-administration';

export const agenciesMigrations = [CreateAgencies1763780000000, PlatformAdministration1764810000000];
