import { GrantApiRole1763770000000 } from './1763770000000-grant-api-role';
import { CreateCallerBudget1763890000000 } from './1763890000000-create-caller-budget';

/** Platform-level migrations; each domain lib exports its own list beside this one. */
export const databaseMigrations = [GrantApiRole1763770000000, CreateCallerBudget1763890000000];
