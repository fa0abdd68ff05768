import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dropTemplates, NX_ONE_SHOT, packageBin } from '@hub/testing';
import { findOrStartPostgres } from './postgres-server';
import { runCommand } from './processes';

const log = (line: string) => process.stdout.write(`[test] ${line}\n`);

type Step = [name: string, command: string, args: string[]];

/** A package's command, run by this Node directly (`npx` would load npm first: ≈ 0.5 s of CPU per step). */
const tool = (name: string, pkg: string, ...args: string[]): Step => [
  name,
  process.execPath,
  [packageBin(pkg), ...args],
];

/** `jest -c <project>` with extra arguments. */
const jest = (name: string, project: string, ...args: string[]): Step =>
  tool(name, 'jest', '-c', `${project}/jest.config.js`, ...args);

// The API's end-to-end suites run as four groups (apps/api/src/e2e/e2e-groups.ts), each a step of
// its own so the lanes can be balanced; the API's other suites (unit, production bundle, a group
// added later) run in one more step that leaves out only these four.
const API_GROUPS = ['referrals', 'survivors', 'platform', 'task-force'] as const;
const apiGroup = (group: (typeof API_GROUPS)[number]): Step =>
  jest(`api e2e: ${group}`, 'apps/api', `src/e2e/e2e-${group}\\.spec\\.ts$`);
const apiRest = jest(
  'api: unit, bundle',
  'apps/api',
  '--testPathIgnorePatterns',
  `src/e2e/e2e-(${API_GROUPS.join('|')})\\.spec\\.ts$`,
);

/**
 * `npm test`: a PostgreSQL for throw-away test databases (local, else embedded), then type check,
 * format check, lint and every project's tests (unit, integration, end-to-end), in three lanes
 * side by side. Nothing is cached, and every test picks its own free ports, so it also runs while
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
    ...NX_ONE_SHOT,
    NX_NO_CLOUD: 'true',
    NX_SKIP_NX_CACHE: 'true',
    NX_TUI: 'false',
    // A larger young generation for every Node process of the run (jest, its workers, the APIs the
    // suites start, the checkers): test code allocates fast and briefly, and with V8's default 16 MB
    // semi-spaces it spends much of its CPU in scavenges. An API e2e group: 31 → 26 s of CPU here.
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--max-semi-space-size=64'].filter(Boolean).join(' '),
  };
  // Projects with steps of their own: the API, the libraries whose property-based suites take
  // longest, the worker (two processes and a production build) and the benchmark's smoke test.
  const heavy = ['consents', 'referrals', 'technical-assistance'];
  const ownStep = [
    'apps/api',
    'apps/worker',
    'apps/web-e2e',
    'tools/bench',
    ...heavy.map((lib) => `libs/${lib}`),
  ];
  // Every other project's suites in one jest run (--projects): one process and one worker pool
  // instead of one Nx task and one jest start per project (98 s instead of 168 s here).
  const others = jestConfigs().filter((config) => !ownStep.some((dir) => config === `${dir}/jest.config.js`));
  // Three lanes side by side, balanced by the step times of a quiet fresh clone (docs/testing.md):
  // the suites wait on PostgreSQL and HTTP often enough that a third lane fills the two cores (one
  // lane per core left ~30% idle). Every step runs; all failures are reported.
  const lanes: Step[][] = [
    [
      // The longest single step (one Chromium against one hub, flows one after another, often
      // waiting on the page): started first so it never ends the run alone.
      jest('browser tests', 'apps/web-e2e'),
      apiGroup('referrals'),
      jest('worker tests', 'apps/worker'),
      apiGroup('survivors'),
    ],
    [
      // The three TypeScript programs (the Node tree, the web app, the browser tests) built once for
      // both the type check and ESLint's type-aware rules, and Nx's project graph for the module
      // boundaries (tools/hub/src/check-code.ts).
      ['type check and lint', process.execPath, ['-r', './tools/register.js', 'tools/hub/src/check-code.ts']],
      tool('format check', 'prettier', '--check', '.', '--log-level', 'warn'),
      tool('web tests', 'vitest', 'run', '--config', 'apps/web/vite.config.mts'),
      // After the check: tools/hub's lint-rules suite needs the project graph it leaves.
      tool('other tests', 'jest', '--passWithNoTests', '--projects', ...others),
      jest('bench smoke test', 'tools/bench'),
    ],
    [
      ...heavy.map((lib) => jest(`${lib} tests`, `libs/${lib}`)),
      apiGroup('platform'),
      apiGroup('task-force'),
      apiRest,
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
    if (existsSync(join(dir, 'jest.config.js'))) found.push(join(dir, 'jest.config.js'));
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
