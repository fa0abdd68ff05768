import { GrantApiRole1763770000000 } from './1763770000000-grant-api-role';

/** Platform-level migrations; each domain lib exports its own list beside this one. */
export const databaseMigrations = [GrantApiRole1763770000000];
