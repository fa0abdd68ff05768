import { catalogsFetched, expectAccessible, field, people, screenshot } from '../support/browser';
import { sendReferralWithSurvivor } from '../support/set-up';
import type { WebHub } from '../support/web-hub';

/** Sign-in through the login page, the inbox and a received referral's shared fields; sign-out. */
export function signInFlow(hub: () => WebHub): void {
  it('signs legal.caseworker in through the login page, shows the received referral, its shared fields and timeline', async () => {
    const { webUrl, idp, api } = hub();
    const referralId = await sendReferralWithSurvivor(api, await idp.tokenFor('ngo.caseworker'));
    const person = await people(hub().browser, 1);
    const [page] = person.pages;

    const catalogs = catalogsFetched(page);
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
    // Only English's strings came down, on the first load and after the login page.
    expect(catalogs).toEqual(['en']);
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
    await screenshot(page, 'inbox');

    // The referral: shared fields shown, the others "not shared", the timeline.
    await table.getByRole('link', { name: 'Harbor Light Survivor Services' }).click();
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/referrals/${referralId}`);
    await expect(field(page, 'Phone').textContent()).resolves.toBe('+1 555 0100');
    await expect(field(page, 'Interpreter needed').textContent()).resolves.toBe('Yes');
    await expect(field(page, 'Given name').textContent()).resolves.toBe('Not shared with your agency');
    await expect(field(page, 'Situation summary').textContent()).resolves.toBe('Not shared with your agency');
    const timeline = page.locator('.usa-process-list');
    await expect(timeline.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual([
      'Draft',
      'Sent',
    ]);
    // No survivor data in the title or the address.
    expect(await page.title()).toBe('Referral · Task Force Hub');
    await expectAccessible(page, 'referral');
    await screenshot(page, 'referral');

    // Sign out: back to the sign-in screen, the session's tokens gone.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(
      await page.evaluate('Object.keys(window.sessionStorage).filter((k) => k.startsWith("oidc.user"))'),
    ).toEqual([]);
    expect(person.problems).toEqual([]);
    await person.close();
  });
}
