import { ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildBundle, imageNodeRuntime, installProductionDependencies, mustRun } from '@hub/testing';
import { ROOT } from '@hub/tools';

/** A server under measurement: the hub, the floor or the worker, in its own process. */
export interface Target {
  kind: 'hub' | 'floor' | 'worker';
  /** Base URL (the hub's GraphQL endpoint, the floor's root, the worker's readiness probe). */
  url: string;
  pid: number;
  /** The inspector's ws:// address, when the process was started with one (the worker). */
  inspector?: string;
  stop(): Promise<void>;
  /** With `probe` (the memory workload): the process's memory after a full garbage collection. */
  memory?(): Promise<MemoryReading>;
  /** With `probe`: writes a heap snapshot (after a collection) to `file`. */
  heapSnapshot?(file: string): Promise<string>;
}

export interface MemoryReading {
  rss: number;
  /** V8's heap as reserved from the system, and the part of it in use. */
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** How the hub runs: the production bundle on the image's Node (a benchmark), or the sources (the smoke test). */
export interface HubRuntime {
  node: string;
  /** Arguments and working directory of the API's entry point. */
  args: string[];
  cwd: string;
  /** The worker's, when asked for (the delivery workload). */
  worker?: { args: string[]; cwd: string };
  dispose(): Promise<void>;
}

const REGISTER = resolve(ROOT, 'tools/register.js');
const MEMORY_PROBE = resolve(__dirname, 'memory-probe.js');
/** Every server process started and not yet exited, for an interrupted run to stop. */
const running = new Set<ChildProcess>();

/** Stops every server still running (Ctrl-C during a run). */
export async function stopAllTargets(): Promise<void> {
  await Promise.all([...running].map(stop));
}

/**
 * The production bundle as docker/api.Dockerfile makes it (and docker/worker.Dockerfile the
 * worker's, when `worker`), run by the image's Node.
 */
export async function bundleRuntime(
  log: (line: string) => void,
  options: { worker?: boolean } = {},
): Promise<HubRuntime> {
  const started = Date.now();
  const dir = await mkdtemp(join(tmpdir(), 'hub-bench-bundle-'));
  const workerDir = join(dir, 'worker');
  const bundle = (app: string, into: string) =>
    buildBundle(app, into).then(() => installProductionDependencies(app, into));
  const [node] = await Promise.all([
    imageNodeRuntime(),
    // One webpack build at a time: two side by side only compete for the same two cores.
    bundle('api', dir).then(() => (options.worker ? bundle('worker', workerDir) : undefined)),
  ]);
  log(`production bundle built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return {
    node,
    args: ['main.js'],
    cwd: dir,
    ...(options.worker && { worker: { args: ['main.js'], cwd: workerDir } }),
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * The API's production bundle as it was at commit `ref` (`--baseline`), to measure beside this
 * checkout's in the same run: the commit's files from git (`git archive`, nothing of the repository
 * changes), this workspace's node_modules, the same build. Answers the runtime and the commit.
 */
export async function baselineRuntime(
  ref: string,
  log: (line: string) => void,
): Promise<HubRuntime & { commit: string }> {
  const started = Date.now();
  const commit = (
    await mustRun('git', ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], { cwd: ROOT })
  ).stdout.trim();
  const dir = await mkdtemp(join(tmpdir(), 'hub-bench-baseline-'));
  const sources = join(dir, 'sources');
  const bundle = join(dir, 'bundle');
  try {
    await mkdir(sources);
    await mustRun('sh', ['-c', `git archive --format=tar "$1" | tar -x -C "$2"`, 'sh', commit, sources], {
      cwd: ROOT,
    });
    await symlink(join(ROOT, 'node_modules'), join(sources, 'node_modules'), 'dir');
    await buildBundle('api', bundle, sources);
    await installProductionDependencies('api', bundle);
    await rm(sources, { recursive: true, force: true });
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  log(
    `baseline ${commit.slice(0, 10)}: production bundle built in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return {
    commit,
    node: await imageNodeRuntime(),
    args: ['main.js'],
    cwd: bundle,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The API (and worker) from their TypeScript sources on this Node, in production mode (quick to start: no build). */
export function sourceRuntime(): HubRuntime {
  return {
    node: process.execPath,
    args: ['-r', REGISTER, resolve(ROOT, 'apps/api/src/main.ts')],
    cwd: ROOT,
    worker: { args: ['-r', REGISTER, resolve(ROOT, 'apps/worker/src/main.ts')], cwd: ROOT },
    dispose: async () => undefined,
  };
}

export interface StartOptions {
  /** CPU to pin the process to (`taskset -c`), or none. */
  cpu?: number;
  databaseUrl: string;
  issuer: string;
  /** Load memory-probe.js (and expose gc) into the process: Target.memory and heapSnapshot. */
  probe?: boolean;
  /** Settings beside production's (e.g. PORT and WEB_APP_DIR for the web workload). */
  env?: Record<string, string>;
}

/** The hub in production mode, configured only by its environment, as a container would be. */
export function startHub(runtime: HubRuntime, options: StartOptions & { idpUrl: string }): Promise<Target> {
  const args = options.probe ? ['--expose-gc', '-r', MEMORY_PROBE, ...runtime.args] : runtime.args;
  return start('hub', runtime.node, args, runtime.cwd, options.cpu, 'api ready', !!options.probe, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: options.databaseUrl,
    AUTH_SERVER_URL: options.idpUrl,
    AUTH_REALM: 'taskforce',
    AUTH_CLIENT_ID: 'hub-api',
    // One user sends every request of a workload: the budget is kept (its cost is measured), not hit.
    GRAPHQL_RATE_LIMIT_POINTS: '1000000000',
    // The sealer's cost grows with the trail and is measured on its own (--seal-events).
    AUDIT_SEAL_INTERVAL_SECONDS: '0',
    ...options.env,
  });
}

/**
 * The worker in production mode, configured only by its environment as its container is, with
 * its inspector open on loopback (heapAfterGcMb asks it for a garbage collection). Production's
 * settings, except that the time-based rules stay quiet (a tick would add notifications of its
 * own to the e-mail being measured).
 */
export function startWorker(
  runtime: HubRuntime,
  options: Omit<StartOptions, 'issuer'> & { smtpUrl: string },
): Promise<Target> {
  if (!runtime.worker) throw new Error('this runtime was built without the worker');
  return start(
    'worker',
    runtime.node,
    ['--inspect=127.0.0.1:0', ...runtime.worker.args],
    runtime.worker.cwd,
    options.cpu,
    'worker ready',
    false,
    {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: options.databaseUrl,
      SMTP_URL: options.smtpUrl,
      HUB_WEB_URL: 'https://hub.bench.invalid',
      TIME_RULES_CRON: '0 0 1 1 *',
      ...options.env,
    },
  );
}

/** The floor server (floor.ts), on the same Node as the hub. */
export function startFloor(node: string, options: StartOptions): Promise<Target> {
  return start(
    'floor',
    node,
    ['-r', REGISTER, resolve(__dirname, 'floor.ts')],
    ROOT,
    options.cpu,
    'floor ready',
    false,
    { DATABASE_URL: options.databaseUrl, ISSUER: options.issuer, PORT: '0' },
  );
}

function start(
  kind: Target['kind'],
  node: string,
  args: string[],
  cwd: string,
  cpu: number | undefined,
  readyMessage: string,
  ipc: boolean,
  env: Record<string, string>,
): Promise<Target> {
  const [command, argv] = cpu === undefined ? [node, args] : ['taskset', ['-c', String(cpu), node, ...args]];
  const child = spawn(command, argv, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', ...env },
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const tail: string[] = [];
  let inspector: string | undefined;
  return new Promise((done, fail) => {
    const timeout = setTimeout(
      () => fail(new Error(`${kind} did not start in 180 s:\n${tail.join('\n')}`)),
      180_000,
    );
    let rest = '';
    const take = (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        inspector ??= /Debugger listening on (ws:\/\/\S+)/.exec(line)?.[1];
        if (!line.includes(readyMessage)) continue;
        const ready = JSON.parse(line) as { graphql?: string; url?: string; health?: string };
        clearTimeout(timeout);
        done({
          kind,
          url: String(ready.graphql ?? ready.url ?? ready.health).replace('[::1]', '127.0.0.1'),
          pid: child.pid as number,
          inspector,
          stop: () => stop(child),
          ...(ipc && {
            memory: () => ask<MemoryReading>(child, { type: 'memory' }),
            heapSnapshot: (file: string) =>
              ask<{ file: string }>(child, { type: 'snapshot', file }).then((answer) => answer.file),
          }),
        });
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    child.once('exit', (code) => {
      clearTimeout(timeout);
      fail(new Error(`${kind} exited (${code}) before it was ready:\n${tail.join('\n')}`));
    });
  });
}

/** One question to memory-probe.js, and its answer. */
function ask<T>(child: ChildProcess, message: { type: string; file?: string }): Promise<T> {
  return new Promise((done, fail) => {
    const answer = (reply: { type?: string }) => {
      if (reply?.type !== message.type) return;
      child.off('message', answer);
      done(reply as T);
    };
    child.on('message', answer);
    child.send(message, (error) => error && fail(error));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(kill);
      done();
    });
    child.kill('SIGTERM');
  });
}
