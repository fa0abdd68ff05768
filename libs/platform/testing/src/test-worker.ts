import { startTsProcess, TestProcess } from './test-process';

/** Settings that make a test's worker quick to notice work and to retry, and its schedule quiet; everything else as in production. */
export const FAST_WORKER: Record<string, string> = {
  OUTBOX_POLL_INTERVAL_MS: '200',
  JOBS_POLLING_INTERVAL_MS: '500',
  JOBS_MAINTENANCE_INTERVAL_SECONDS: '1',
  DELIVERY_RETRY_DELAY_SECONDS: '1',
  DELIVERY_TIMEOUT_SECONDS: '2',
  SMTP_TIMEOUT_MS: '2000',
  // The time-based rules run when a test sends their job: a tick of the schedule in the middle of
  // a suite would add notifications it did not expect (once a year, at New Year UTC).
  TIME_RULES_CRON: '0 0 1 1 *',
};

/**
 * The worker (apps/worker/src/main.ts) as a process of its own — SIGKILL is a real kill -9 —
 * against a suite's database (the API role's URL), sending through `smtpUrl`; resolves once it
 * is ready. A process, not an import: a lib never imports an app.
 */
export async function startTestWorker(
  databaseUrl: string,
  smtpUrl: string,
  env: Record<string, string> = {},
): Promise<TestProcess> {
  const worker = startTsProcess('apps/worker/src/main.ts', {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '6',
    SMTP_URL: smtpUrl,
    HUB_WEB_URL: 'https://hub.test',
    ...FAST_WORKER,
    ...env,
  });
  try {
    await worker.waitForLog((line) => line.msg === 'worker ready', 90_000);
  } catch (error) {
    await worker.kill();
    throw error;
  }
  return worker;
}
