#!/usr/bin/env node
// Entry of `npm start` and `npm test`: installs dependencies when they are missing or older than
// the lockfile, then runs the TypeScript task. Plain JavaScript so it runs before any install.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const marker = path.join(root, 'node_modules/.package-lock.json');
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

function ensureInstalled() {
  const installedAt = mtime(marker);
  const stale =
    installedAt === 0 ||
    mtime(path.join(root, 'package.json')) > installedAt ||
    mtime(path.join(root, 'package-lock.json')) > installedAt;
  if (!stale) return;
  console.log('[hub] installing dependencies (npm install)…');
  const started = Date.now();
  // `npm ci` refuses this lockfile on mirrors without every platform's optional binaries
  // (STACK.md pitfall 7); `npm install` resolves the same versions from the lockfile.
  // --prefer-offline: the lockfile pins every version, so what the npm cache holds is used without
  // asking the registry again (measured on a fresh clone here: 39 s instead of 71 s).
  const result = spawnSync(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    {
      cwd: root,
      stdio: 'inherit',
      shell: process.platform === 'win32',
    },
  );
  if (result.status !== 0) {
    console.error('[hub] npm install failed');
    process.exit(result.status ?? 1);
  }
  console.log(`[hub] dependencies installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

const task = process.argv[2];
const entries = { start: 'tools/hub/src/start-hub.ts', test: 'tools/hub/src/run-tests.ts' };
if (!entries[task]) {
  console.error(`usage: node tools/run.js <${Object.keys(entries).join('|')}>`);
  process.exit(2);
}
ensureInstalled();
// spawn, not spawnSync: a SIGTERM or SIGINT sent to this process alone (a supervisor, `kill`) is
// passed on, so the hub's processes stop with it instead of running on without a parent.
const child = spawn(
  process.execPath,
  ['-r', path.join(root, 'tools/register.js'), path.join(root, entries[task])],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC' },
  },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
