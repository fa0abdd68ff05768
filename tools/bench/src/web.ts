import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CDPSession, chromium, type Page } from 'playwright-core';
import { buildWebBundle, freePort, startTestIdp } from '@hub/testing';
import { copyDataset, Dataset } from './dataset';
import { HubRuntime, startHub, Target } from './targets';

/** Debian's Chromium, as the browser tests use it. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** Harbor Light receives thousands of referrals in every dataset. */
const USER = 'ngo.caseworker';

/**
 * How the page is reached: this machine's loopback as it is, and Lighthouse's mobile profile
 * (Slow 4G: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s up; the CPU 4× slower).
 */
const CONDITIONS = [
  { name: 'loopback, no throttling', network: null, cpuSlowdown: 1 },
  {
    name: 'Slow 4G, 4× CPU slowdown',
    network: {
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    },
    cpuSlowdown: 4,
  },
] as const;

export interface WebFile {
  url: string;
  type: 'script' | 'stylesheet' | 'font' | 'image' | 'document';
  /** As sent (gzip where the API compresses it) and as the browser unpacked it. */
  sentBytes: number;
  bytes: number;
}

export interface WebResult {
  /** What the first visit to the inbox downloads, cache empty. */
  files: WebFile[];
  /** Per condition: milliseconds from navigation to the inbox's first row, each run. */
  timings: { condition: string; cold: number[]; warm: number[] }[];
}

/**
 * The time to the first meaningful screen of the inbox: a signed-in caseworker opens
 * /referrals, and the clock runs from the navigation to the first row of the received box
 * (recorded in the page by a MutationObserver, so the harness's own round trips do not count).
 * "Cold": the browser cache emptied first; "warm": the same visit again. The hub is the
 * production bundle serving the production web bundle (WEB_APP_DIR), on a copy of `dataset`.
 */
export async function benchWeb(options: {
  adminUrl: string;
  dataset: Dataset;
  runtime: HubRuntime;
  runs: number;
  log: (line: string) => void;
}): Promise<WebResult> {
  const { log } = options;
  if (!existsSync(CHROMIUM))
    throw new Error(`--web needs Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const idp = await startTestIdp({ webOrigins: [origin] });
  const bundle = await mkdtemp(join(tmpdir(), 'hub-bench-web-'));
  let hub: Target | undefined;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    const [db] = await Promise.all([
      copyDataset(options.adminUrl, options.dataset, 'web'),
      buildWebBundle(bundle, idp.issuer),
    ]);
    hub = await startHub(options.runtime, {
      databaseUrl: db.apiUrl,
      issuer: idp.issuer,
      idpUrl: idp.url,
      env: { PORT: String(port), WEB_APP_DIR: bundle },
    });
    log(`web: hub serving the web bundle at ${origin}`);
    let files: WebFile[] = [];
    const timings: WebResult['timings'] = [];
    for (const condition of CONDITIONS) {
      const cold: number[] = [];
      const warm: number[] = [];
      for (let run = 0; run < options.runs; run++) {
        const context = await browser.newContext({ locale: 'en-US' });
        const page = await context.newPage();
        await page.addInitScript({ content: INBOX_PROBE });
        await signIn(page, origin);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.clearBrowserCache');
        await throttle(cdp, condition);
        const loaded = run === 0 && condition.network === null ? collectFiles(page) : undefined;
        cold.push(await inboxAt(page, origin));
        if (loaded) files = await loaded.done();
        warm.push(await inboxAt(page, origin));
        await context.close();
      }
      timings.push({ condition: condition.name, cold, warm });
      log(
        `web: ${condition.name}: cold ${median(cold)} ms, warm ${median(warm)} ms (median of ${options.runs})`,
      );
    }
    return { files, timings };
  } finally {
    await browser.close();
    await hub?.stop();
    await idp.close();
    await rm(bundle, { recursive: true, force: true });
  }
}

async function signIn(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username or e-mail').fill(USER);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'What needs your attention' }).waitFor();
}

async function throttle(cdp: CDPSession, condition: (typeof CONDITIONS)[number]): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpuSlowdown });
  if (condition.network)
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...condition.network });
}

/** In the page: the time its inbox table's first row appeared, from this document's navigation start. */
const INBOX_PROBE = `new MutationObserver((changes, observer) => {
  if (!document.querySelector('main table tbody tr')) return;
  window.hubInboxAt = performance.now();
  observer.disconnect();
}).observe(document, { childList: true, subtree: true });`;

/** Opens the inbox and answers when its first row appeared, in ms after the navigation began. */
async function inboxAt(page: Page, origin: string): Promise<number> {
  await page.goto(`${origin}/referrals`, { waitUntil: 'commit' });
  // Functions, not strings: the page's CSP refuses a string evaluated as script.
  const probed = () => (globalThis as { hubInboxAt?: number }).hubInboxAt;
  await page.waitForFunction(probed, null, { timeout: 60_000 });
  return Math.round(Number(await page.evaluate(probed)));
}

/** Every file of the page's own origin the next navigation downloads, with its sizes. */
function collectFiles(page: Page) {
  const pending: Promise<WebFile | undefined>[] = [];
  const listener = (response: import('playwright-core').Response) => {
    const type = response.request().resourceType();
    if (!['script', 'stylesheet', 'font', 'image', 'document'].includes(type)) return;
    pending.push(
      Promise.all([response.request().sizes(), response.body()]).then(
        ([sizes, body]) => ({
          url: new URL(response.url()).pathname,
          type: type as WebFile['type'],
          sentBytes: sizes.responseBodySize,
          bytes: body.length,
        }),
        () => undefined,
      ),
    );
  };
  page.on('response', listener);
  return {
    async done(): Promise<WebFile[]> {
      page.off('response', listener);
      return (await Promise.all(pending)).filter((file): file is WebFile => file !== undefined);
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}
