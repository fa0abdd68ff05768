import { agenciesMigrations, seedDemoData } from '@hub/agencies';
import { databaseMigrations } from '@hub/database';
import { startTestHub, TestHub, TestHubOptions } from '@hub/testing';
import { createApp } from '../app/create-app';

/** Every migration the API's database needs, in the order the libs own them. */
export const apiMigrations = [...databaseMigrations, ...agenciesMigrations];

/** The hub with demo data, for end-to-end suites. */
export function startHub(options: Partial<TestHubOptions> = {}): Promise<TestHub> {
  return startTestHub({ createApp, migrations: apiMigrations, seed: seedDemoData, ...options });
}
