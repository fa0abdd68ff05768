import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { expectAccessible, people, screenshot, signIn, tick } from '../support/browser';
import { gql, type WebHub } from '../support/web-hub';

/** A count as a screen shows it (formatted in the reader's language). */
const countIn = async (text: Promise<string | null>) => Number((await text)?.replace(/\D/g, ''));

/**
 * Live updates end to end: the recipient's screen changes while they look at it, over the
 * subscriptions (a WebSocket through the web server's own origin), then the notifications screen,
 * marking read, and the notification settings.
 */
export function liveUpdatesFlow(hub: () => WebHub): void {
  it("shows Safe Passage a referral Harbor Light sends without a reload: Home's needs-action count and the unread badge move; the notification is listed, links to the referral, and marking it read clears the badge", async () => {
    const { webUrl, idp, api } = hub();
    const person = await people(hub().browser, 1);
    const [page] = person.pages;
    // The live connection: its URL, and the moment the box counts first arrive over it (the
    // subscription is then in place, so the change below cannot slip by before it).
    const sockets: string[] = [];
    let subscribed!: () => void;
    const countsArrived = new Promise<void>((resolve) => (subscribed = resolve));
    page.on('websocket', (socket) => {
      sockets.push(socket.url());
      socket.on('framereceived', ({ payload }) => {
        if (String(payload).includes('"inboxCounts"')) subscribed();
      });
    });

    await signIn(page, webUrl, 'legal.caseworker');
    const card = (heading: string) =>
      page.locator('.usa-card', { has: page.getByRole('heading', { name: heading }) }).locator('.hub-count');
    await card('Needs action').waitFor();
    await countsArrived;
    // (Vite's own socket for reloading the code in development is not the app's.)
    expect(sockets.filter((url) => !url.includes('?token='))).toEqual([
      `${webUrl.replace(/^http/, 'ws')}/graphql`,
    ]);
    const needsAction = await countIn(card('Needs action').textContent());
    const unread = await countIn(card('Unread notifications').textContent());
    const header = page.getByRole('banner');
    // A reload would lose this.
    await page.evaluate('window.sameDocument = true');

    // Harbor Light sends Safe Passage a de-identified referral, through the API.
    const sender = await idp.tokenFor('ngo.caseworker');
    const { createReferral } = await gql<{ createReferral: { referral: { id: string; version: number } } }>(
      api,
      sender,
      'mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id version } } }',
      {
        input: {
          toAgencyId: DEMO_AGENCY_IDS.safePassage,
          needs: ['LEGAL'],
          urgency: 'URGENT',
          ageBand: 'AGE_25_34',
          language: 'es',
          callback: 'Call Harbor Light intake, desk 2',
        },
      },
    );
    const referral = createReferral.referral;
    await gql(
      api,
      sender,
      'mutation($input: ReferralTransitionInput!) { sendReferral(input: $input) { referral { id } } }',
      { input: { referralId: referral.id, expectedVersion: referral.version } },
    );

    // The recipient's Home and header change on their own.
    await card('Needs action')
      .filter({ hasText: new RegExp(`^${needsAction + 1}$`) })
      .waitFor();
    await header.getByRole('link', { name: `Notifications ${unread + 1} unread` }).waitFor();
    await card('Unread notifications')
      .filter({ hasText: new RegExp(`^${unread + 1}$`) })
      .waitFor();
    expect(await page.evaluate("'sameDocument' in window")).toBe(true);
    await expectAccessible(page, 'home with live counts');
    await screenshot(page, 'home-live');

    // The notification: newest first, linking to the referral.
    await header.getByRole('link', { name: `Notifications ${unread + 1} unread` }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const list = page.getByRole('list', { name: 'All notifications, newest first' });
    const newest = list.getByRole('heading', { level: 2 }).first();
    await expect(newest.textContent()).resolves.toBe('New referral received');
    await expect(newest.getByRole('link').getAttribute('href')).resolves.toBe(`/referrals/${referral.id}`);
    expect(await page.title()).toBe('Notifications · Task Force Hub');
    await expectAccessible(page, 'notifications');
    await screenshot(page, 'notifications');

    // Marking all read clears the badge.
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.getByRole('heading', { name: /^\d+ notifications? marked as read$/ }).waitFor();
    await header.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
    await expect(list.getByRole('button', { name: /^Mark as read/ }).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'Unread (0)' }).click();
    await page.getByText('You have read every notification.').waitFor();

    // The settings: e-mail goes to the account's address.
    await page.getByRole('link', { name: 'Choose how you hear of notifications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
    await expectAccessible(page, 'notification settings');
    await tick(page, /How you hear of your agency's notifications/, 'By e-mail, as they happen');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Your choice was saved' }).waitFor();
    await page
      .getByText('Each notification will also be e-mailed to legal.caseworker@demo.taskforce.example.')
      .waitFor();
    await screenshot(page, 'notification-settings');

    // From the list to the referral it is about; the badge stays clear.
    await header.getByRole('link', { name: 'Notifications', exact: true }).click();
    await list.getByRole('link', { name: 'New referral received' }).first().click();
    await page.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/referrals/${referral.id}`);
    await header.getByRole('link', { name: 'Notifications', exact: true }).waitFor();

    expect(person.problems).toEqual([]);
    await person.close();
  });
}
