import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  dropDatabase,
  MigrationList,
  provisionDatabase,
  runMigrations,
} from '@hub/database';

/** The server tests use: set by `npm test` (local server or embedded), else the local default. */
export function testAdminUrl(): string {
  return process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  apiUrl: string;
  drop(): Promise<void>;
}

/** A throw-away database with the real roles and the real migrations applied. */
export async function createTestDatabase(migrations: MigrationList): Promise<TestDatabase> {
  const adminUrl = testAdminUrl();
  const name = `hub_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const provisioned = await provisionDatabase({
    adminUrl,
    database: name,
    ownerPassword: 'hub_owner_test',
    apiPassword: 'hub_api_test',
  });
  await runMigrations(provisioned.ownerUrl, migrations);
  return {
    name,
    ownerUrl: provisioned.ownerUrl,
    apiUrl: provisioned.apiUrl,
    drop: () => dropDatabase(adminUrl, name),
  };
}

/** Opens a data source for the duration of `work` (seeding, inspecting rows in assertions). */
export async function withDataSource<T>(
  url: string,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions({ url, applicationName: 'hub-test' }));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
