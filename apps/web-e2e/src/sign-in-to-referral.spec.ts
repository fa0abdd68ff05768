import AxeBuilder from '@axe-core/playwright';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { seedDemoData } from '@hub/agencies';
import { DEMO_AGENCY_IDS } from '@hub/demo-data';
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
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const SCREENSHOTS = resolve(WORKSPACE, 'tmp/web-e2e');

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

async function gql<T>(api: TestApi, token: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** A referral with a survivor, sent by Harbor Light to Safe Passage sharing CONTACT and NEEDS only. */
async function sendReferral(api: TestApi, token: string): Promise<string> {
  const { createSurvivor } = await gql<{ createSurvivor: { survivor: { id: string } } }>(
    api,
    token,
    'mutation($input: CreateSurvivorInput!) { createSurvivor(input: $input) { survivor { id } } }',
    {
      input: {
        givenName: 'Ana',
        familyName: 'Example',
        phone: '+1 555 0100',
        preferredLanguage: 'es',
        interpreterNeeded: true,
        situationSummary: 'Narrative that the referral does not share',
      },
    },
  );
  const survivorId = createSurvivor.survivor.id;
  const { recordConsent } = await gql<{ recordConsent: { consent: { id: string } } }>(
    api,
    token,
    'mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }',
    {
      input: {
        survivorId,
        grantor: { type: 'SELF' },
        recipientAgencyIds: [DEMO_AGENCY_IDS.safePassage],
        purposes: ['SERVICE'],
        dataClasses: ['CONTACT', 'NEEDS'],
        validUntil: new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString(),
        obtainedHow: 'WRITTEN',
        language: 'es',
        interpreterUsed: true,
        interpreterName: 'Certified interpreter #42',
        acknowledgements: { rightToRevoke: true, notConditionOfService: true, redisclosureRisk: true },
        documentReference: 'DMS-WEB-E2E',
      },
    },
  );
  const { createReferral } = await gql<{ createReferral: { referral: { id: string; version: number } } }>(
    api,
    token,
    'mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id version } } }',
    {
      input: {
        toAgencyId: DEMO_AGENCY_IDS.safePassage,
        needs: ['LEGAL', 'IMMIGRATION_LEGAL'],
        urgency: 'URGENT',
        survivorId,
        consentId: recordConsent.consent.id,
        sharedClasses: ['CONTACT', 'NEEDS'],
        notes: 'Needs a lawyer this week',
      },
    },
  );
  const { id, version } = createReferral.referral;
  await gql(
    api,
    token,
    'mutation($input: ReferralTransitionInput!) { sendReferral(input: $input) { referral { id } } }',
    { input: { referralId: id, expectedVersion: version } },
  );
  return id;
}

/** axe-core on the screen as it is: no serious or critical violation (WCAG 2.1 A and AA rules). */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const grave = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  expect({ screen, grave }).toEqual({ screen, grave: [] });
}

/** Through the app's sign-in button and dev-idp's login page, as a person does. */
async function signIn(page: Page, webUrl: string, username: string): Promise<void> {
  await page.goto(`${webUrl}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username or e-mail').fill(username);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'What needs your attention' }).waitFor();
}

/** Opens an action's form on the referral screen, confirms it, and waits for the announced result. */
async function act(page: Page, button: string, confirm: string, done: string): Promise<void> {
  await page.getByRole('region', { name: 'What you can do' }).getByRole('button', { name: button }).click();
  await page.getByRole('button', { name: confirm }).click();
  await page.getByRole('heading', { name: done }).waitFor();
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

describe('the web app in Chromium against the real API, dev-idp and PostgreSQL', () => {
  let db: TestDatabase;
  let idp: TestIdp;
  let api: TestApi;
  let web: TestProcess;
  let webUrl: string;
  let viteCache: string;
  let browser: Browser;
  let referralId: string;

  beforeAll(async () => {
    ensureChromium();
    const webPort = await freePort();
    webUrl = `http://127.0.0.1:${webPort}`;
    viteCache = await mkdtemp(join(tmpdir(), 'hub-web-vite-'));
    [db, idp] = await Promise.all([migratedByTheApi(seedDemoData), startTestIdp({ webOrigins: [webUrl] })]);
    api = await startTestApi(db.apiUrl, idp.url);
    // Vite's dev server, as `npm start` runs it: /graphql proxied to the API, the realm as authority.
    web = watch(
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
    const [id] = await Promise.all([
      idp.tokenFor('ngo.caseworker').then((token) => sendReferral(api, token)),
      waitForHttp(webUrl, web, 60_000),
      mkdir(SCREENSHOTS, { recursive: true }),
    ]);
    referralId = id;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    if (web && web.child.exitCode === null) {
      web.child.kill('SIGTERM');
      await web.exited();
    }
    await api?.close();
    await idp?.close();
    await db?.drop();
    if (viteCache) await rm(viteCache, { recursive: true, force: true });
  });

  it('signs legal.caseworker in through the login page, shows the received referral, its shared fields and timeline', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${webUrl}/`);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // dev-idp's login page (Keycloak's URL layout).
    await page.getByLabel('Username or e-mail').waitFor();
    expect(new URL(page.url()).pathname).toBe('/realms/taskforce/protocol/openid-connect/auth');
    await expectAccessible(page, 'login page');
    await page.getByLabel('Username or e-mail').fill('legal.caseworker');
    await page.getByLabel('Password').fill('demo');
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Home: what needs action.
    await page.getByRole('heading', { level: 1, name: 'What needs your attention' }).waitFor();
    expect(page.url()).toBe(`${webUrl}/`);
    const needsAction = page.locator('.usa-card', {
      has: page.getByRole('heading', { name: 'Needs action' }),
    });
    await expect(needsAction.locator('.hub-count').textContent()).resolves.toBe('1');
    await expectAccessible(page, 'home');
    // Tokens live in sessionStorage only.
    expect(await page.evaluate('window.localStorage.length')).toBe(0);
    expect(await page.evaluate('Object.keys(window.sessionStorage)')).toEqual([
      `oidc.user:${idp.issuer}:hub-web`,
    ]);

    // The inbox, received box.
    await page.getByRole('link', { name: 'Open Needs action' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' }).click();
    const table = page.getByRole('table', { name: 'Referrals: Received' });
    await table.waitFor();
    await expect(page.getByRole('link', { name: 'Received (1)' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await expectAccessible(page, 'inbox');
    await page.screenshot({ path: join(SCREENSHOTS, 'inbox.png'), fullPage: true });

    // The referral: shared fields shown, the others "not shared", the timeline.
    await table.getByRole('link', { name: 'Harbor Light Survivor Services' }).click();
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/referrals/${referralId}`);
    const field = (label: string) =>
      page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('+ dd');
    await expect(field('Phone').textContent()).resolves.toBe('+1 555 0100');
    await expect(field('Interpreter needed').textContent()).resolves.toBe('Yes');
    await expect(field('Given name').textContent()).resolves.toBe('Not shared with your agency');
    await expect(field('Situation summary').textContent()).resolves.toBe('Not shared with your agency');
    const timeline = page.locator('.usa-process-list');
    await expect(timeline.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual([
      'Draft',
      'Sent',
    ]);
    // No survivor data in the title or the address.
    expect(await page.title()).toBe('Referral · Task Force Hub');
    await expectAccessible(page, 'referral');
    await page.screenshot({ path: join(SCREENSHOTS, 'referral.png'), fullPage: true });

    // Sign out: back to the sign-in screen, the session's tokens gone.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(
      await page.evaluate('Object.keys(window.sessionStorage).filter((k) => k.startsWith("oidc.user"))'),
    ).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('closes the loop in the browser: Harbor Light creates and sends a de-identified referral; Safe Passage acknowledges, accepts, starts and completes it with an outcome; Harbor Light sees the outcome', async () => {
    const sender = await browser.newContext({ locale: 'en-US' });
    const recipient = await browser.newContext({ locale: 'en-US' });
    const problems: string[] = [];
    const senderPage = await sender.newPage();
    const recipientPage = await recipient.newPage();
    for (const page of [senderPage, recipientPage])
      page.on('pageerror', (error) => problems.push(error.message));

    // The sender: the directory, then the referral's needs, urgency and callback; create and send.
    await signIn(senderPage, webUrl, 'ngo.caseworker');
    await senderPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'New referral' })
      .click();
    await senderPage.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await senderPage.getByLabel('Service needed').selectOption('LEGAL');
    await senderPage.getByRole('button', { name: 'Find agencies' }).click();
    const recipients = senderPage.getByRole('group', { name: /Receiving agency/ });
    // USWDS draws its own radios and checkboxes: people click the label.
    await recipients.locator('label', { hasText: 'Safe Passage Legal Aid' }).click();
    await senderPage
      .getByRole('group', { name: /^Needs/ })
      .getByText('Legal help', { exact: true })
      .click();
    await senderPage
      .getByRole('group', { name: /^Urgency/ })
      .getByText('Routine', { exact: true })
      .click();
    await senderPage.getByLabel(/How to reach back/).fill('Call Harbor Light intake, case desk 3');
    await expectAccessible(senderPage, 'new referral');
    await senderPage.screenshot({ path: join(SCREENSHOTS, 'new-referral.png'), fullPage: true });
    await senderPage.getByRole('button', { name: 'Create and send' }).click();
    await senderPage.getByRole('heading', { name: 'Referral sent' }).waitFor();
    const referralPath = new URL(senderPage.url()).pathname;
    expect(referralPath).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);
    // The sender may only withdraw it (and write in its thread).
    await expect(
      senderPage.getByRole('region', { name: 'What you can do' }).getByRole('button').allTextContents(),
    ).resolves.toEqual(['Withdraw']);
    await expectAccessible(senderPage, 'referral (sender)');

    // The recipient: in the inbox, then each step of the closed loop.
    await signIn(recipientPage, webUrl, 'legal.caseworker');
    await recipientPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Referrals' })
      .click();
    const table = recipientPage.getByRole('table', { name: 'Referrals: Received' });
    await table.locator(`a[href="${referralPath}"]`).click();
    await recipientPage.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await act(recipientPage, 'Acknowledge', 'Acknowledge referral', 'Referral acknowledged');
    await act(recipientPage, 'Accept', 'Accept referral', 'Referral accepted');
    await act(recipientPage, 'Start work', 'Confirm: start work', 'Work started');
    await recipientPage
      .getByRole('region', { name: 'What you can do' })
      .getByRole('button', { name: 'Complete' })
      .click();
    await recipientPage.getByLabel('Outcome notes').fill('T-visa application filed');
    await expectAccessible(recipientPage, 'referral (complete form)');
    await recipientPage.screenshot({ path: join(SCREENSHOTS, 'complete-referral.png'), fullPage: true });
    await recipientPage.getByRole('button', { name: 'Complete referral' }).click();
    await recipientPage.getByRole('heading', { name: 'Referral completed' }).waitFor();
    // The result is announced and focused; a closed referral offers no transition.
    expect(await recipientPage.evaluate('document.activeElement?.className')).toBe('hub-flash');
    expect(await recipientPage.getByRole('region', { name: 'What you can do' }).count()).toBe(0);
    await recipientPage.getByLabel(/New message/).fill('Closed on our side; thank you.');
    await recipientPage.getByRole('button', { name: 'Send message' }).click();
    await recipientPage
      .getByRole('list', { name: 'Messages' })
      .getByText('Closed on our side; thank you.')
      .waitFor();
    await expectAccessible(recipientPage, 'referral (recipient, completed)');

    // The sender sees the outcome (closed loop) and the message.
    await senderPage.reload();
    await senderPage.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    const outcome = senderPage.locator('dt', { hasText: /^Outcome$/ }).locator('+ dd');
    await expect(outcome.textContent()).resolves.toBe('Legal help — T-visa application filed');
    await expect(
      senderPage.locator('.usa-process-list').getByRole('heading', { level: 3 }).allTextContents(),
    ).resolves.toEqual(['Draft', 'Sent', 'Acknowledged', 'Accepted', 'In progress', 'Completed']);
    await senderPage.getByText('Closed on our side; thank you.').waitFor();
    await senderPage.screenshot({ path: join(SCREENSHOTS, 'outcome.png'), fullPage: true });
    expect(problems).toEqual([]);
    await Promise.all([sender.close(), recipient.close()]);
  });

  it('shares under consent and stops at revocation, in the browser: Harbor Light creates a survivor, records consent for Safe Passage and refers with it; Safe Passage sees the phone until Harbor Light revokes the consent', async () => {
    const sender = await browser.newContext({ locale: 'en-US' });
    const recipient = await browser.newContext({ locale: 'en-US' });
    const problems: string[] = [];
    const senderPage = await sender.newPage();
    const recipientPage = await recipient.newPage();
    for (const page of [senderPage, recipientPage])
      page.on('pageerror', (error) => problems.push(error.message));
    const field = (page: Page, label: string) =>
      page.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('+ dd');
    // USWDS draws its own radios and checkboxes: people click the label, inside its labelled group.
    const tick = (page: Page, group: RegExp, option: string) =>
      page
        .getByRole('group', { name: group })
        // The label starts with the option's name; a description may follow it.
        .locator('label', { hasText: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) })
        .click();

    // The survivors list, then a new record with a phone.
    await signIn(senderPage, webUrl, 'ngo.caseworker');
    await senderPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Survivors', exact: true })
      .click();
    await senderPage.getByRole('heading', { level: 1, name: 'Survivors' }).waitFor();
    await senderPage.getByRole('table', { name: /Survivor records you may see/ }).waitFor();
    await expectAccessible(senderPage, 'survivors');
    await senderPage.getByRole('link', { name: 'New survivor record' }).click();
    await senderPage.getByRole('heading', { level: 1, name: 'New survivor record' }).waitFor();
    await senderPage.getByLabel('Given name', { exact: true }).fill('Marta');
    await senderPage.getByLabel('Phone', { exact: true }).fill('+1 555 0199');
    await senderPage.getByLabel(/^Preferred language/).fill('es');
    await expectAccessible(senderPage, 'survivor form');
    await senderPage.getByRole('button', { name: 'Create record' }).click();
    await senderPage.getByRole('heading', { name: 'Survivor record created' }).waitFor();
    const survivorPath = new URL(senderPage.url()).pathname;
    expect(survivorPath).toMatch(/^\/survivors\/[0-9a-f-]{36}$/);
    const reference = (await field(senderPage, 'Reference').textContent()) ?? '';
    expect(reference).toMatch(/^S-[0-9A-Z]{10}$/);
    await expect(field(senderPage, 'Phone').textContent()).resolves.toBe('+1 555 0199');
    expect(await senderPage.title()).toBe('Survivor record · Task Force Hub');
    await expectAccessible(senderPage, 'survivor record');

    // Consent: the survivor grants Safe Passage CONTACT and NEEDS for services, the statements read aloud.
    await senderPage.getByRole('link', { name: 'Record consent' }).click();
    await senderPage.getByRole('heading', { level: 1, name: 'Record consent' }).waitFor();
    await tick(senderPage, /^Who gives consent/, 'The survivor');
    await tick(senderPage, /^Purposes/, 'Services');
    await tick(senderPage, /^Agencies that may receive/, 'Safe Passage Legal Aid');
    await tick(senderPage, /^Information that may be shared/, 'Contact');
    await tick(senderPage, /^Information that may be shared/, 'Needs');
    const lastDay = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await senderPage.getByLabel(/^Valid until/).fill(lastDay);
    await tick(senderPage, /^How consent was obtained/, 'Signed paper form');
    await senderPage.getByLabel(/^Reference of the signed document/).fill('DMS-WEB-E2E-2');
    await senderPage.getByLabel(/^Language the consent was explained/).fill('es');
    for (const statement of [
      /^Your right to take back consent/,
      /^Services do not depend on consent/,
      /^Risk that information is shared further/,
    ])
      await tick(senderPage, statement, 'I read this to the survivor and they understood it.');
    await expectAccessible(senderPage, 'consent form');
    await senderPage.screenshot({ path: join(SCREENSHOTS, 'consent-form.png'), fullPage: true });
    await senderPage.getByRole('button', { name: 'Record consent' }).click();
    await senderPage.getByRole('heading', { name: 'Consent recorded' }).waitFor();

    // A referral with that survivor and the consent that covers Safe Passage.
    await senderPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'New referral' })
      .click();
    await senderPage.getByLabel('Service needed').selectOption('LEGAL');
    await senderPage.getByRole('button', { name: 'Find agencies' }).click();
    await tick(senderPage, /^Receiving agency/, 'Safe Passage Legal Aid');
    await senderPage
      .getByRole('group', { name: /^Needs/ })
      .getByText('Legal help', { exact: true })
      .click();
    await senderPage
      .getByRole('group', { name: /^Urgency/ })
      .getByText('Urgent', { exact: true })
      .click();
    await tick(senderPage, /^Who is referred/, 'A survivor record, under their consent');
    await senderPage.getByLabel(/^Survivor reference/).fill(reference.toLowerCase());
    await senderPage.getByRole('button', { name: 'Find', exact: true }).click();
    await senderPage.getByRole('status').getByText(`Found ${reference}`).waitFor();
    await tick(senderPage, /^Consent/, 'In force until');
    await tick(senderPage, /^Information to share/, 'Contact');
    await tick(senderPage, /^Information to share/, 'Needs');
    await expectAccessible(senderPage, 'new referral with a survivor');
    await senderPage.screenshot({ path: join(SCREENSHOTS, 'new-referral-survivor.png'), fullPage: true });
    await senderPage.getByRole('button', { name: 'Create and send' }).click();
    await senderPage.getByRole('heading', { name: 'Referral sent' }).waitFor();
    const referralPath = new URL(senderPage.url()).pathname;

    // Safe Passage sees the shared phone, and nothing the consent does not share.
    await signIn(recipientPage, webUrl, 'legal.caseworker');
    await recipientPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Referrals' })
      .click();
    await recipientPage
      .getByRole('table', { name: 'Referrals: Received' })
      .locator(`a[href="${referralPath}"]`)
      .click();
    await recipientPage.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await expect(field(recipientPage, 'Phone').textContent()).resolves.toBe('+1 555 0199');
    await expect(field(recipientPage, 'Given name').textContent()).resolves.toBe(
      'Not shared with your agency',
    );

    // Harbor Light revokes the consent on the survivor's record.
    await senderPage
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Survivors', exact: true })
      .click();
    await senderPage.getByRole('link', { name: reference }).click();
    await senderPage.getByRole('button', { name: 'Revoke this consent' }).click();
    await senderPage.getByLabel(/^How the survivor revoked/).selectOption('IN_PERSON');
    await senderPage.getByLabel(/^Reason/).fill('Wants to pause sharing');
    await senderPage.getByRole('button', { name: 'Revoke consent' }).click();
    await senderPage.getByRole('heading', { name: /^Consent revoked/ }).waitFor();
    await expect(field(senderPage, 'Revoked').textContent()).resolves.toMatch(
      /by Harbor Light Survivor Services, In person — Wants to pause sharing$/,
    );
    expect(new URL(senderPage.url()).pathname).toBe(survivorPath);

    // At once: Safe Passage's next read of the referral gets no survivor field at all (the API answers
    // `survivor: null` once no live grant covers it), and the screen says the record is no longer shared.
    await recipientPage.reload();
    await recipientPage.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await recipientPage
      .getByRole('region', { name: 'Survivor' })
      .getByText("The survivor's record is no longer shared with your agency.")
      .waitFor();
    expect(await field(recipientPage, 'Phone').count()).toBe(0);
    expect(await recipientPage.getByText('+1 555 0199').count()).toBe(0);
    await recipientPage.screenshot({
      path: join(SCREENSHOTS, 'referral-after-revocation.png'),
      fullPage: true,
    });
    expect(problems).toEqual([]);
    await Promise.all([sender.close(), recipient.close()]);
  });
});
