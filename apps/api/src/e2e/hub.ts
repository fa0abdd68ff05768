import { seedDemoData } from '@hub/agencies';
import { startTestHub, TestHub, TestHubOptions } from '@hub/testing';
import { createApp } from '../app/create-app';
import { apiMigrations } from '../app/migrations';

export { apiMigrations };

/** The hub with demo data, for end-to-end suites. */
export function startHub(options: Partial<TestHubOptions> = {}): Promise<TestHub> {
  return startTestHub({ createApp, migrations: apiMigrations, seed: seedDemoData, ...options });
}
