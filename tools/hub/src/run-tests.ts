import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dropTemplates } from '@hub/testing';
import { findOrStartPostgres } from './postgres-server';
import { runCommand } from './processes';

const log = (line: string) => process.stdout.write(`[test] ${line}\n`);

type Step = [name: string, command: string, args: string[]];

// Three API suites run in the other lanes, to even the lanes out: the production-bundle test (a
// build, an install and three starts) with the protocols suite, and the longest end-to-end suite.
const BUNDLE = 'src/production-bundle\\.spec\\.ts$';
const PROTOCOLS_E2E = 'src/e2e/protocols\\.spec\\.ts$';
const REFERRALS_E2E = 'src/e2e/referrals\\.spec\\.ts$';

/**
 * `npm test`: a PostgreSQL for throw-away test databases (local, else embedded), then type check,
 * format check, lint and every project's tests (unit, integration, end-to-end), in two lanes side
 * by side. Nothing is cached, and every test picks its own free ports, so it also runs while
 * `npm start` is up.
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
  // The libraries whose property-based suites take longest, in a lane of their own.
  const heavy = ['consents', 'referrals', 'technical-assistance'];
  // Every other project's suites in one jest run (--projects): one process and one worker pool
  // instead of one Nx task and one jest start per project (98 s instead of 168 s here).
  const others = jestConfigs().filter(
    (config) =>
      config !== 'apps/api/jest.config.cts' && !heavy.some((lib) => config === `libs/${lib}/jest.config.cts`),
  );
  // Three lanes side by side, about equally long: the API's end-to-end suites (the longest
  // project) start at once instead of after every library; the suites wait on PostgreSQL and
  // HTTP often enough that a third lane fills the two cores (one lane per core left ~30% idle).
  // Every step runs; all failures are reported.
  const lanes: Step[][] = [
    [
      // @nx/enforce-module-boundaries (lint, other lane) reads the cached project graph and
      // silently skips itself without one (a fresh clone): compute it first, once.
      ['project graph', 'npx', ['nx', 'show', 'projects', '--json']],
      // jest directly: one Nx process at a time computes the project graph.
      [
        'api tests',
        'npx',
        [
          'jest',
          '-c',
          'apps/api/jest.config.cts',
          '--testPathIgnorePatterns',
          BUNDLE,
          PROTOCOLS_E2E,
          REFERRALS_E2E,
        ],
      ],
    ],
    [
      ['type check', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.typecheck.json']],
      ['format check', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']],
      // One ESLint process for the whole workspace (every project's config is the root one): the
      // type-aware rules build one TypeScript program service instead of one per project.
      ['lint', 'npx', ['eslint', '.']],
      ['other tests', 'npx', ['jest', '--passWithNoTests', '--projects', ...others]],
      [
        'production bundle and protocols e2e',
        'npx',
        ['jest', '-c', 'apps/api/jest.config.cts', BUNDLE, PROTOCOLS_E2E],
      ],
    ],
    [
      ...heavy.map((lib): Step => [`${lib} tests`, 'npx', ['jest', '-c', `libs/${lib}/jest.config.cts`]]),
      ['api referrals e2e', 'npx', ['jest', '-c', 'apps/api/jest.config.cts', REFERRALS_E2E]],
    ],
  ];
  const failed: string[] = [];
  try {
    await Promise.all(
      lanes.map(async (steps) => {
        for (const [name, command, args] of steps) {
          const stepStart = Date.now();
          log(`${name}…`);
          const code = await runCommand(command, args, env);
          log(
            `${name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${((Date.now() - stepStart) / 1000).toFixed(0)} s`,
          );
          if (code !== 0) failed.push(name);
        }
      }),
    );
  } finally {
    await dropTemplates(postgres.adminUrl, runId).catch((error: unknown) =>
      log(`could not drop templates: ${String(error)}`),
    );
    await postgres.stop();
  }
  log(
    `${failed.length ? `FAILED: ${failed.join(', ')}` : 'all passed'} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`error: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);

/** Every project's jest config (a project is a folder with one), relative to the workspace root. */
function jestConfigs(): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    if (existsSync(join(dir, 'jest.config.cts'))) found.push(join(dir, 'jest.config.cts'));
    if (depth === 0) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) {
        visit(join(dir, entry.name), depth - 1);
      }
    }
  };
  for (const root of ['apps', 'libs', 'tools']) visit(root, 2);
  return found.sort();
}
