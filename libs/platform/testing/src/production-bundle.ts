import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat, symlink, utimes } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { NX_ONE_SHOT, packageBin, WORKSPACE } from './test-process';

/**
 * What a docker/*.Dockerfile builds and runs, without Docker: the production webpack build of an
 * app, `npm install --omit=dev` of the package.json it generates (nothing else on the module path),
 * and the image's Node major from the npm registry. Node and the production dependencies are
 * installed once into a cache outside the workspace (a node_modules above the bundle would hide a
 * missing dependency), keyed by version and by lockfile.
 */

/** The Node version of the images (docker/*.Dockerfile use its major). */
export const IMAGE_NODE_VERSION = '24.22.3';
const CACHE = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'task-force-hub');
const DAY_MS = 24 * 60 * 60_000;

/** Runs a command to its end; resolves with its exit code and output. */
export function run(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

/** As `run`, but rejects with the output when the command fails. */
export async function mustRun(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}

/** Fills `dir` by `install(tmp)` unless it exists; the rename makes an interrupted install harmless. */
async function cached(dir: string, install: (into: string) => Promise<void>): Promise<string> {
  if (existsSync(dir)) return dir;
  await mkdir(CACHE, { recursive: true });
  const into = await mkdtemp(`${dir}.partial-`);
  try {
    await install(into);
    await rename(into, dir).catch((error: NodeJS.ErrnoException) => {
      // Another run finished the same install first.
      if (!existsSync(dir)) throw error;
    });
  } finally {
    await rm(into, { recursive: true, force: true });
  }
  return dir;
}

/** The Node binary of the image's major, from the npm registry (not on the workspace's path). */
export async function imageNodeRuntime(): Promise<string> {
  const platform = process.platform === 'win32' ? 'win' : process.platform;
  const name = `node-${platform}-${process.arch}`;
  const dir = await cached(join(CACHE, `${name}-${IMAGE_NODE_VERSION}`), (into) =>
    mustRun(
      'npm',
      [
        'install',
        '--prefix',
        into,
        '--no-save',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--prefer-offline',
        `${name}@${IMAGE_NODE_VERSION}`,
      ],
      { cwd: into },
    ).then(() => undefined),
  );
  return join(dir, 'node_modules', name, 'bin', 'node');
}

/**
 * The production build of `apps/<app>` into `outDir`, made installable as its Dockerfile makes it;
 * from another checkout of the workspace when `workspace` is given (the benchmark's baseline).
 */
export async function buildBundle(app: string, outDir: string, workspace = WORKSPACE): Promise<void> {
  // Nx's webpack plugin reads the project graph Nx keeps on disk (the app's root, and the packages
  // its generated package.json lists) and fails without one: on a fresh clone nothing has made it
  // yet. `nx build` would make it first; so does this (it only re-reads files changed since).
  await mustRun(process.execPath, [packageBin('nx', 'nx', workspace), 'show', 'projects'], {
    cwd: workspace,
    env: { ...process.env, ...NX_ONE_SHOT },
  });
  await mustRun(
    process.execPath,
    [packageBin('webpack-cli', 'webpack-cli', workspace), 'build', '--output-path', outDir],
    {
      cwd: join(workspace, 'apps', app),
      env: {
        ...process.env,
        // What `nx build <app>` (configuration production) sets; the plugin reads the target from them.
        NODE_ENV: 'production',
        NX_TASK_TARGET_PROJECT: app,
        NX_TASK_TARGET_TARGET: 'build',
        ...NX_ONE_SHOT,
        // `npm test` type-checks the whole tree in its own step; the emitted bundle is the same.
        HUB_BUILD_SKIP_TYPECHECK: 'true',
      },
    },
  );
  await mustRun(process.execPath, ['docker/scripts/prepare-runtime-package.cjs', outDir], { cwd: workspace });
}

/** `npm install --omit=dev` of the bundle's package.json and lockfile, reused while they are unchanged. */
export async function installProductionDependencies(app: string, bundle: string): Promise<void> {
  const manifest = ['package.json', 'package-lock.json'].map((file) => readFileSync(join(bundle, file)));
  const key = createHash('sha256').update(manifest[0]).update(manifest[1]).digest('hex').slice(0, 16);
  const prefix = `${app}-runtime-`;
  const dir = join(CACHE, `${prefix}${key}`);
  // Each install is ≈ 150 MB: drop those no run used for a day (not merely older ones, which a
  // run in another checkout with another lockfile may be using right now).
  const dayAgo = Date.now() - DAY_MS;
  for (const name of (await readdir(CACHE).catch(() => [])).filter((n) => n.startsWith(prefix))) {
    const used = await stat(join(CACHE, name)).then(
      (s) => s.mtimeMs,
      () => Date.now(),
    );
    if (used < dayAgo) await rm(join(CACHE, name), { recursive: true, force: true });
  }
  await cached(dir, async (into) => {
    for (const file of ['package.json', 'package-lock.json'])
      await copyFile(join(bundle, file), join(into, file));
    // --prefer-offline: the workspace's own install has just put these exact versions in npm's cache
    // (a fresh CI machine has no install of ours to reuse, but has that cache).
    await mustRun(
      'npm',
      ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline'],
      {
        cwd: into,
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
  });
  const now = new Date();
  await utimes(dir, now, now);
  await symlink(join(dir, 'node_modules'), join(bundle, 'node_modules'), 'dir');
}

/** Only what a container gets: nothing inherited from the test runner. */
export function containerEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', TZ: 'UTC', NODE_ENV: 'production', ...env };
}

/**
 * The web app's static bundle as docker/api.Dockerfile builds it (`vite build`) into `outDir`,
 * signing people in at `authority` (VITE_* settings are fixed at build time). The API serves it
 * with WEB_APP_DIR.
 */
export async function buildWebBundle(outDir: string, authority: string): Promise<void> {
  await mustRun(
    process.execPath,
    [
      packageBin('vite'),
      'build',
      '--config',
      'apps/web/vite.config.mts',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: WORKSPACE, env: { ...process.env, NODE_ENV: 'production', VITE_HUB_AUTHORITY: authority } },
  );
}
