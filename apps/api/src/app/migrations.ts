import { agenciesMigrations } from '@hub/agencies';
import { databaseMigrations } from '@hub/database';

/** Every migration of the API's database, gathered from the libs that own them. */
export const apiMigrations = [...databaseMigrations, ...agenciesMigrations];
