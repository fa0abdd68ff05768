import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { seedDemoData } from '@hub/agencies';
import {
  freePort,
  migratedByTheApi,
  startTestApi,
  startTestIdp,
  type TestApi,
  type TestDatabase,
  type TestIdp,
  type TestProcess,
  watch,
  WORKSPACE,
} from '@hub/testing';

/** Debian's Chromium (apt-get install chromium), never a browser a test tool downloads. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Each flow saves its screenshots here (the CI keeps `tmp/`). */
export const SCREENSHOTS = resolve(WORKSPACE, 'tmp/web-e2e');

/**
 * Everything a browser flow runs against, started once for every flow (web.spec.ts): PostgreSQL
 * with the real migrations and the demo data, dev-idp, the API, Vite's dev server as `npm start`
 * runs it, and Debian's Chromium. Flows share it, so each makes its own records and never assumes
 * an empty inbox.
 */
export interface WebHub {
  db: TestDatabase;
  idp: TestIdp;
  api: TestApi;
  webUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  // As root on Debian the test installs it; anywhere else it says what to do.
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit' });
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser test needs Debian's Chromium at ${CHROMIUM}: run \`apt-get install -y chromium\` ` +
        '(or set CHROMIUM_PATH). It never downloads a Playwright browser.',
    );
  }
}

async function waitForHttp(url: string, process: TestProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (process.child.exitCode !== null) throw new Error(`exited early:\n${process.lines.join('\n')}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${url} did not answer:\n${process.lines.join('\n')}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

export async function startWebHub(): Promise<WebHub> {
  ensureChromium();
  const webPort = await freePort();
  const webUrl = `http://127.0.0.1:${webPort}`;
  const viteCache = await mkdtemp(join(tmpdir(), 'hub-web-vite-'));
  const [db, idp] = await Promise.all([
    migratedByTheApi(seedDemoData),
    startTestIdp({ webOrigins: [webUrl] }),
  ]);
  const api = await startTestApi(db.apiUrl, idp.url);
  // Vite's dev server, as `npm start` runs it: /graphql proxied to the API, the realm as authority.
  const web = watch(
    spawn(
      process.execPath,
      [resolve(WORKSPACE, 'node_modules/vite/bin/vite.js'), '--config', 'apps/web/vite.config.mts'],
      {
        cwd: WORKSPACE,
        env: {
          ...process.env,
          NODE_ENV: 'development',
          WEB_PORT: String(webPort),
          WEB_VITE_CACHE_DIR: viteCache,
          HUB_API_URL: api.url,
          VITE_HUB_AUTHORITY: idp.issuer,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    ),
  );
  await Promise.all([waitForHttp(webUrl, web, 60_000), mkdir(SCREENSHOTS, { recursive: true })]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  return {
    db,
    idp,
    api,
    webUrl,
    browser,
    async close() {
      await browser.close();
      if (web.child.exitCode === null) {
        web.child.kill('SIGTERM');
        await web.exited();
      }
      await api.close();
      await idp.close();
      await db.drop();
      await rm(viteCache, { recursive: true, force: true });
    },
  };
}

/** A GraphQL call as a user, for a flow's set-up (what the flow itself tests goes through the screens). */
export async function gql<T>(
  api: TestApi,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}
