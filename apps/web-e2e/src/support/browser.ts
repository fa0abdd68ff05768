import axe from 'axe-core';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SCREENSHOTS } from './web-hub';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core on the screen as it is: no serious or critical violation (WCAG 2.1 A and AA rules).
 *
 * axe-core itself, not `@axe-core/playwright`'s builder: the builder injects axe's 600 kB anew and
 * opens a blank page (a new renderer) to merge every run's results, ≈ 3× the CPU of the check
 * itself. The app is one page with no frames, so axe is injected once per document (it stays
 * across the app's own navigation) and runs in place; only violations come back in full.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const violations = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof axe }).axe
        .run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
        .then((results) => results.violations),
    WCAG_21_AA,
  );
  const grave = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
  expect({ screen, grave }).toEqual({ screen, grave: [] });
}

/**
 * The languages whose strings the page fetches from now on (`catalog.<language>` chunks of the
 * production bundle, in the order fetched): a first load carries the reader's language only.
 */
export function catalogsFetched(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (request) => {
    const chunk = /^\/assets\/catalog\.([a-z]+)-[\w-]+\.js$/.exec(new URL(request.url()).pathname);
    if (chunk && !fetched.includes(chunk[1])) fetched.push(chunk[1]);
  });
  return fetched;
}

/** A full-page screenshot under tmp/web-e2e, named after the screen. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Browser contexts (one per person) whose pages record every uncaught page error and every
 * Content-Security-Policy violation: a flow ends with `expect(people.problems).toEqual([])` and
 * `people.close()`.
 */
export async function people(browser: Browser, count: number, locale = 'en-US') {
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];
  const pages: Page[] = [];
  for (let i = 0; i < count; i++) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(error.message));
    await page.exposeFunction('hubReportCspViolation', (text: string) => problems.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const report = (window as unknown as { hubReportCspViolation(text: string): void })
          .hubReportCspViolation;
        report(`CSP refused ${event.blockedURI || 'inline'} (${event.violatedDirective})`);
      });
    });
    contexts.push(context);
    pages.push(page);
  }
  return { pages, problems, close: () => Promise.all(contexts.map((context) => context.close())) };
}

/** Through the app's sign-in button and dev-idp's login page, as a person does. */
export async function signIn(page: Page, webUrl: string, username: string): Promise<void> {
  await page.goto(`${webUrl}/`);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Username or e-mail').fill(username);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'What needs your attention' }).waitFor();
}

/** Follows a link of the main navigation. */
export async function navigate(page: Page, link: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
}

/** Opens an action's form on the referral screen, confirms it, and waits for the announced result. */
export async function act(page: Page, button: string, confirm: string, done: string): Promise<void> {
  await page.getByRole('region', { name: 'What you can do' }).getByRole('button', { name: button }).click();
  await page.getByRole('button', { name: confirm }).click();
  await page.getByRole('heading', { name: done }).waitFor();
}

/** The value (`dd`) a description list shows for a label (`dt`). */
export function field(page: Page, label: string) {
  return page.locator('dt', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }).locator('+ dd');
}

/**
 * USWDS draws its own radios and checkboxes: people click the label, inside its labelled group. The
 * label starts with the option's name; a description may follow it.
 */
export async function tick(page: Page, group: RegExp, option: string): Promise<void> {
  await page
    .getByRole('group', { name: group })
    .locator('label', { hasText: new RegExp(`^${escapeRegExp(option)}`) })
    .click();
}

/**
 * The consent form filled in as a caseworker does it with the survivor: valid for 30 days, a signed
 * paper form explained in Spanish, the three statements read aloud and ticked. Recording it is the
 * flow's. A grantor other than the survivor needs `relationship` (and attests).
 */
export async function fillConsentForm(
  page: Page,
  consent: {
    grantor: string;
    relationship?: string;
    purposes: string[];
    recipients: string[];
    classes: string[];
    documentReference: string;
  },
): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Record consent' }).waitFor();
  await tick(page, /^Who gives consent/, consent.grantor);
  if (consent.relationship) {
    await page.getByLabel(/^Relationship to the survivor/).fill(consent.relationship);
    await tick(page, /^Attestation/, 'I attest that');
  }
  for (const purpose of consent.purposes) await tick(page, /^Purposes/, purpose);
  for (const agency of consent.recipients) await tick(page, /^Agencies that may receive/, agency);
  for (const dataClass of consent.classes) await tick(page, /^Information that may be shared/, dataClass);
  const lastDay = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.getByLabel(/^Valid until/).fill(lastDay);
  await tick(page, /^How consent was obtained/, 'Signed paper form');
  await page.getByLabel(/^Reference of the signed document/).fill(consent.documentReference);
  await page.getByLabel(/^Language the consent was explained/).fill('es');
  for (const statement of [
    /^Your right to take back consent/,
    /^Services do not depend on consent/,
    /^Risk that information is shared further/,
  ])
    await tick(page, statement, 'I read this to the survivor and they understood it.');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
