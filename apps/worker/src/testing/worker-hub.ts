import { DataSource } from 'typeorm';
import { seedDemoData } from '@hub/agencies';
import { createTestDatabase, startTsProcess, TestDatabase } from '@hub/testing';

/**
 * The hub's database as the API's migrate entry builds it (apps/api/src/migrate.ts, run as a
 * process: the worker never migrates, and an app never imports another), with the demo agencies.
 * Built once per test run into a template (createTestDatabase), copied for each suite.
 */
export function hubDatabase(): Promise<TestDatabase> {
  return createTestDatabase([], async function migratedByTheApiWithDemoData(dataSource: DataSource) {
    const { url } = dataSource.options as { url: string };
    const migrate = startTsProcess('apps/api/src/migrate.ts', { DATABASE_OWNER_URL: url });
    const { code } = await migrate.exited();
    if (code !== 0) throw new Error(`migrate.ts exited ${code}:\n${migrate.lines.join('\n')}`);
    await seedDemoData(dataSource);
  });
}
