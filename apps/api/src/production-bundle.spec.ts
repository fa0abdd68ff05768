import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import * as ts from 'typescript';
import { seedDemoData } from '@hub/agencies';
import { MIGRATIONS_TABLE } from '@hub/database';
import {
  buildApiBundle,
  createTestDatabase,
  installProductionDependencies,
  mustRun,
  PRODUCTION_NODE_VERSION,
  productionNode,
  runCommandOutput,
  startTestIdp,
  TestDatabase,
  TestIdp,
  withDataSource,
} from '@hub/testing';
import { apiMigrations } from './app/migrations';

/**
 * What docker/api.Dockerfile builds and runs, without Docker (the build, the production install
 * and the image's Node come from @hub/testing's production-bundle.ts): migrate.js as compose's
 * `migrate` service runs it, main.js as the API, against a throw-away database and dev-idp.
 */

const WORKSPACE = resolve(__dirname, '../../..');
const NODE_VERSION = PRODUCTION_NODE_VERSION;
const MINUTES = 60_000;
const run = runCommandOutput;

interface Output {
  lines: string[];
  /** Lines that are not JSON objects (production logs are JSON only). */
  notJson(): string[];
  json(): Record<string, unknown>[];
}

function collect(child: ChildProcess): Output {
  const lines: string[] = [];
  let rest = '';
  const take = (chunk: Buffer) => {
    const text = rest + chunk.toString();
    const parts = text.split('\n');
    rest = parts.pop() ?? '';
    lines.push(...parts.filter((line) => line.trim() !== ''));
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const parse = (line: string): Record<string, unknown> | undefined => {
    try {
      const value: unknown = JSON.parse(line);
      return value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    lines,
    notJson: () => lines.filter((line) => parse(line) === undefined),
    json: () => lines.map(parse).filter((value): value is Record<string, unknown> => value !== undefined),
  };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
}

/** Waits until a log line satisfies `found`, or fails when the process exits or time runs out. */
async function waitForLog(
  child: ChildProcess,
  output: Output,
  found: (line: Record<string, unknown>) => boolean,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const line = output.json().find(found);
    if (line) return line;
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline)
      throw new Error(`gave up waiting; output:\n${output.lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Only what the container gets: nothing inherited from the test runner. */
function containerEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', TZ: 'UTC', NODE_ENV: 'production', ...env };
}

/** The files a tsconfig compiles, relative to the workspace. */
function filesOf(tsconfig: string): string[] {
  const path = join(WORKSPACE, tsconfig);
  const { config } = ts.readConfigFile(path, (file) => ts.sys.readFile(file));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(path));
  return parsed.fileNames.map((file) => file.slice(WORKSPACE.length + 1));
}

// The bundle below is built without its type checker (npm test type-checks in its own step), so
// the app build's file list is checked here: test files there break `nx build api` (no jest types).
describe('the app build (apps/api/tsconfig.app.json)', () => {
  const isTest = (file: string) => /\.(spec|test)\.ts$/.test(file) || file.startsWith('apps/api/src/e2e/');

  it('compiles the entry points and no test or test support file', () => {
    const files = filesOf('apps/api/tsconfig.app.json');
    expect(files).toEqual(expect.arrayContaining(['apps/api/src/main.ts', 'apps/api/src/migrate.ts']));
    expect(files.filter(isTest)).toEqual([]);
  });

  it('leaves them to the type check of the whole tree (tsconfig.typecheck.json)', () => {
    const apiFiles = filesOf('tsconfig.typecheck.json').filter((file) => file.startsWith('apps/api/src/'));
    expect(
      apiFiles.filter((file) => file.startsWith('apps/api/src/e2e/') && !file.endsWith('.spec.ts')).length,
    ).toBeGreaterThan(0);
    expect(apiFiles).toEqual(expect.arrayContaining(filesOf('apps/api/tsconfig.app.json')));
  });
});

describe('the production bundle (docker/api.Dockerfile without Docker)', () => {
  let bundle: string;
  let node: string;
  let db: TestDatabase;
  let idp: TestIdp;
  let api: ChildProcess | undefined;

  beforeAll(async () => {
    bundle = await mkdtemp(join(tmpdir(), 'hub-bundle-'));
    // Database and identity provider come up while the bundle builds and Node downloads; all
    // settle before a failure is reported, so afterAll closes whatever did start.
    const setup = await Promise.allSettled([
      productionNode().then((path) => (node = path)),
      // An empty database with the real roles: the bundle's migrate.js applies the migrations.
      createTestDatabase([]).then((created) => (db = created)),
      startTestIdp().then((started) => (idp = started)),
      buildApiBundle(bundle).then(() => installProductionDependencies(bundle)),
    ]);
    const failed = setup.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }, 15 * MINUTES);

  afterAll(async () => {
    if (api && api.exitCode === null && api.signalCode === null) {
      api.kill('SIGKILL');
      await exited(api);
    }
    await Promise.all([
      idp?.close(),
      db?.drop(),
      bundle ? rm(bundle, { recursive: true, force: true }) : undefined,
    ]);
  });

  it(
    'runs on the Node major of the Dockerfile',
    async () => {
      const { stdout } = await mustRun(node, ['-p', 'process.versions.node'], { cwd: bundle });
      expect(stdout.trim()).toBe(NODE_VERSION);
      const images = [
        ...readFileSync(join(WORKSPACE, 'docker/api.Dockerfile'), 'utf8').matchAll(/^FROM\s+(\S+)/gm),
      ];
      const majors = new Set(images.map((m) => /^node:(\d+)/.exec(m[1])?.[1]));
      expect([...majors]).toEqual([NODE_VERSION.split('.')[0]]);
    },
    3 * MINUTES,
  );

  it(
    'applies every migration with migrate.js, and a second run changes nothing',
    async () => {
      const count = () =>
        withDataSource(db.ownerUrl, (ds) =>
          ds.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${MIGRATIONS_TABLE}`),
        ).then((rows) => rows[0].n);
      const env = containerEnv({ DATABASE_OWNER_URL: db.ownerUrl });
      const first = await run(node, ['migrate.js'], { cwd: bundle, env });
      expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
      expect(await count()).toBe(apiMigrations.length);
      const second = await run(node, ['migrate.js'], { cwd: bundle, env });
      expect(second.code).toBe(0);
      expect(await count()).toBe(apiMigrations.length);
    },
    3 * MINUTES,
  );

  it(
    'serves an authenticated GraphQL query from main.js, then stops cleanly on SIGTERM',
    async () => {
      // A token must name a registered agency: the demo agencies stand in for a real task force's.
      await withDataSource(db.ownerUrl, seedDemoData);
      api = spawn(node, ['main.js'], {
        cwd: bundle,
        env: containerEnv({
          HOST: '127.0.0.1',
          PORT: '0',
          DATABASE_URL: db.apiUrl,
          AUTH_SERVER_URL: idp.url,
          AUTH_REALM: 'taskforce',
          AUTH_CLIENT_ID: 'hub-api',
        }),
      });
      const output = collect(api);
      const ready = await waitForLog(api, output, (line) => line.msg === 'api ready', 2 * MINUTES);
      const base = String(ready.graphql).replace(/\/graphql$/, '');

      const health = await fetch(`${base}/health/ready`);
      expect({ status: health.status, body: (await health.json()) as unknown }).toEqual({
        status: 200,
        body: { status: 'ok', checks: { database: true, signingKeys: true } },
      });

      const token = await idp.tokenFor('ngo.caseworker');
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { username } }' }),
      });
      expect({ status: response.status, body: (await response.json()) as unknown }).toEqual({
        status: 200,
        body: { data: { me: { username: 'ngo.caseworker' } } },
      });

      api.kill('SIGTERM');
      expect(await exited(api)).toEqual({ code: 0, signal: null });
      expect(output.notJson()).toEqual([]);
      expect(output.json().filter((line) => Number(line.level) >= 50)).toEqual([]);
      expect(output.json().map((line) => line.msg)).toContain('api stopped');
    },
    3 * MINUTES,
  );
});
