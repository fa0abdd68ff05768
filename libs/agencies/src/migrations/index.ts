import { CreateAgencies1763780000000 } from './1763780000000-create-agencies';

export const agenciesMigrations = [CreateAgencies1763780000000];
