import { randomBytes } from 'node:crypto';
import { dropTemplates } from '@hub/testing';
import { findOrStartPostgres } from './postgres-server';
import { runCommand } from './processes';

const log = (line: string) => process.stdout.write(`[test] ${line}\n`);

/**
 * `npm test`: a PostgreSQL for throw-away test databases (local, else embedded), then type check,
 * lint and every project's tests (unit, integration, end-to-end). Nothing is cached, and every
 * test picks its own free ports, so it also runs while `npm start` is up.
 */
async function main(): Promise<number> {
  const started = Date.now();
  const postgres = await findOrStartPostgres({ log });
  // Every project's suites share this run's template databases (one migration per run).
  const runId = `r${randomBytes(4).toString('hex')}`;
  const env = {
    HUB_TEST_PG_URL: postgres.adminUrl,
    HUB_TEST_RUN_ID: runId,
    TZ: 'UTC',
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_SKIP_NX_CACHE: 'true',
    NX_TUI: 'false',
  };
  const steps: [string, string, string[]][] = [
    ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.typecheck.json']],
    ['format check', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
    [
      'lint',
      'npx',
      ['nx', 'run-many', '-t', 'lint', '--parallel=2', '--outputStyle=stream', '--skip-nx-cache'],
    ],
    [
      'tests',
      'npx',
      ['nx', 'run-many', '-t', 'test', '--parallel=2', '--outputStyle=stream', '--skip-nx-cache'],
    ],
  ];
  let failed: string | undefined;
  try {
    for (const [name, command, args] of steps) {
      const stepStart = Date.now();
      log(`${name}…`);
      const code = await runCommand(command, args, env);
      log(
        `${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((Date.now() - stepStart) / 1000).toFixed(0)} s`,
      );
      if (code !== 0) {
        failed = name;
        break;
      }
    }
  } finally {
    await dropTemplates(postgres.adminUrl, runId).catch((error: unknown) =>
      log(`could not drop templates: ${String(error)}`),
    );
    await postgres.stop();
  }
  log(`${failed ? `failed at: ${failed}` : 'all passed'} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`error: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
