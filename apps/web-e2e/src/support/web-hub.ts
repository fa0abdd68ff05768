import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { seedDemoData } from '@hub/agencies';
import {
  buildWebBundle,
  freePort,
  migratedByTheApi,
  startTestApi,
  startTestIdp,
  type TestApi,
  type TestDatabase,
  type TestIdp,
  WORKSPACE,
} from '@hub/testing';

/** Debian's Chromium (apt-get install chromium), never a browser a test tool downloads. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Each flow saves its screenshots here (the CI keeps `tmp/`). */
export const SCREENSHOTS = resolve(WORKSPACE, 'tmp/web-e2e');

/**
 * Everything a browser flow runs against, started once for every flow (web.spec.ts): PostgreSQL
 * with the real migrations and the demo data, dev-idp, the API serving the web app's production
 * bundle, and Debian's Chromium. Flows share it, so each makes its own records and never assumes
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

/**
 * The hub as production runs it: the web app's production bundle served by the API itself
 * (WEB_APP_DIR) under its strict Content-Security-Policy, so every flow also proves the screens
 * work under that policy (a violation fails the flow: see `people`).
 */
export async function startWebHub(): Promise<WebHub> {
  ensureChromium();
  const apiPort = await freePort();
  const webUrl = `http://127.0.0.1:${apiPort}`;
  const bundle = await mkdtemp(join(tmpdir(), 'hub-web-bundle-'));
  const [db, idp] = await Promise.all([
    migratedByTheApi(seedDemoData),
    startTestIdp({ webOrigins: [webUrl] }),
    mkdir(SCREENSHOTS, { recursive: true }),
  ]);
  await buildWebBundle(bundle, idp.issuer);
  const api = await startTestApi(db.apiUrl, idp.url, { PORT: String(apiPort), WEB_APP_DIR: bundle });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  return {
    db,
    idp,
    api,
    webUrl,
    browser,
    async close() {
      await browser.close();
      await api.close();
      await idp.close();
      await db.drop();
      await rm(bundle, { recursive: true, force: true });
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
