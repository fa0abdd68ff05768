import { DataSource } from 'typeorm';
import { seedDemoData } from '@hub/agencies';
import { createTestDatabase, startTsProcess, TestDatabase, TestProcess } from '@hub/testing';

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

/** Settings that make a test's worker quick to notice work and to retry; everything else as in production. */
export const FAST_WORKER = {
  OUTBOX_POLL_INTERVAL_MS: '200',
  JOBS_POLLING_INTERVAL_MS: '500',
  JOBS_MAINTENANCE_INTERVAL_SECONDS: '1',
  DELIVERY_RETRY_DELAY_SECONDS: '1',
  DELIVERY_TIMEOUT_SECONDS: '2',
  SMTP_TIMEOUT_MS: '2000',
};

/** apps/worker/src/main.ts as a process (kill -9 is a real one), against `db`, sending through `smtpUrl`. */
export async function startWorker(
  db: TestDatabase,
  smtpUrl: string,
  env: Record<string, string> = {},
): Promise<TestProcess> {
  const worker = startTsProcess('apps/worker/src/main.ts', {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_URL: db.apiUrl,
    DATABASE_POOL_SIZE: '6',
    SMTP_URL: smtpUrl,
    HUB_WEB_URL: 'https://hub.test',
    ...FAST_WORKER,
    ...env,
  });
  await worker.waitForLog((line) => line.msg === 'worker ready', 90_000);
  return worker;
}
