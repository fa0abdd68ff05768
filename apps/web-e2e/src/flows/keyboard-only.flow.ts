import type { Page } from 'playwright-core';
import { people, screenshot } from '../support/browser';
import {
  chooseRadio,
  expectFocus,
  press,
  signInByKeyboard,
  tabTo,
  tickByKeyboard,
  typeInto,
} from '../support/keyboard';
import type { WebHub } from '../support/web-hub';

const navLink = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/** The announced result of an action: it takes the focus once the screen shows the change. */
const announced = (page: Page, heading: string | RegExp) =>
  page.locator('.hub-flash', { has: page.getByRole('heading', { name: heading }) });

/** Follows a link of the main navigation by keyboard; the new screen's main region takes the focus. */
async function navigateByKeyboard(page: Page, link: string, heading: string): Promise<void> {
  await press(page, navLink(page, link));
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await expectFocus(page, page.getByRole('main'));
}

/** Opens an action's form (its heading takes the focus), confirms it, and the result takes the focus. */
async function actByKeyboard(page: Page, button: string, confirm: string, done: string): Promise<void> {
  await press(
    page,
    page.getByRole('region', { name: 'What you can do' }).getByRole('button', { name: button }),
  );
  await expectFocus(page, page.getByRole('heading', { level: 3, name: button }));
  await press(page, page.getByRole('button', { name: confirm }));
  await expectFocus(page, announced(page, done));
}

/**
 * The keyboard-only flows of issue 15: no click and no fill anywhere. Each step moves with Tab,
 * arrow keys in radio groups, Space on checkboxes and Enter on buttons and links, and checks that
 * the focus is where a keyboard user needs it (and visibly so) after each announced result.
 */
export function keyboardOnlyFlow(hub: () => WebHub): void {
  it('by keyboard only: Harbor Light signs in, skips to the content, creates and sends a referral from the directory; Safe Passage opens it from the inbox, acknowledges, cancels and then accepts it, and writes in the thread', async () => {
    const { webUrl } = hub();
    const two = await people(hub().browser, 2);
    const [sender, recipient] = two.pages;

    await signInByKeyboard(sender, webUrl, 'ngo.caseworker');
    // The first stop is the skip link; it leads into the main region, then to the first link there.
    const skip = sender.getByRole('link', { name: 'Skip to main content' });
    await tabTo(sender, skip, { max: 1 });
    await expectFocus(sender, skip);
    await sender.keyboard.press('Enter');
    await expectFocus(sender, sender.getByRole('main'));
    const firstLink = sender.getByRole('link', { name: 'Open Needs action' });
    await tabTo(sender, firstLink, { max: 1 });
    await expectFocus(sender, firstLink);

    // Back up into the main navigation, to the new-referral screen.
    await tabTo(sender, navLink(sender, 'New referral'), { backward: true });
    await sender.keyboard.press('Enter');
    await sender.getByRole('heading', { level: 1, name: 'New referral' }).waitFor();
    await expectFocus(sender, sender.getByRole('main'));

    // The directory: a need typed into the closed select (type-ahead), then Find agencies.
    const need = sender.getByLabel('Service needed');
    await tabTo(sender, need);
    await sender.keyboard.type('Legal');
    expect(await need.inputValue()).toBe('LEGAL');
    await press(sender, sender.getByRole('button', { name: 'Find agencies' }));
    await sender
      .getByRole('status')
      .getByText(/agenc(y|ies) found/)
      .waitFor();

    // The referral: recipient and urgency by arrow keys, a need by Space, the callback typed.
    await chooseRadio(
      sender,
      sender.getByRole('group', { name: /^Receiving agency/ }),
      sender.getByRole('radio', { name: /^Safe Passage Legal Aid/ }),
    );
    await tickByKeyboard(
      sender,
      sender
        .getByRole('group', { name: /^Needs/ })
        .getByRole('checkbox', { name: 'Legal help', exact: true }),
    );
    await chooseRadio(
      sender,
      sender.getByRole('group', { name: /^Urgency/ }),
      sender.getByRole('radio', { name: 'Routine', exact: true }),
    );
    await typeInto(sender, sender.getByLabel(/How to reach back/), 'Call Harbor Light intake, case desk 5');
    await screenshot(sender, 'keyboard-new-referral');
    await press(sender, sender.getByRole('button', { name: 'Create and send' }));
    await expectFocus(sender, announced(sender, 'Referral sent'));
    const referralPath = new URL(sender.url()).pathname;
    expect(referralPath).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);

    // The recipient: the inbox through the navigation, the referral's row link.
    await signInByKeyboard(recipient, webUrl, 'legal.caseworker');
    await navigateByKeyboard(recipient, 'Referrals', 'Referrals');
    await press(
      recipient,
      recipient.getByRole('table', { name: 'Referrals: Received' }).locator(`a[href="${referralPath}"]`),
    );
    await recipient.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await expectFocus(recipient, recipient.getByRole('main'));

    await actByKeyboard(recipient, 'Acknowledge', 'Acknowledge referral', 'Referral acknowledged');
    // Cancel closes the form and gives the focus back to the button that opened it.
    const accept = recipient.getByRole('region', { name: 'What you can do' }).getByRole('button', {
      name: 'Accept',
    });
    await press(recipient, accept);
    await expectFocus(recipient, recipient.getByRole('heading', { level: 3, name: 'Accept' }));
    await press(recipient, recipient.getByRole('button', { name: 'Cancel' }));
    await expectFocus(recipient, accept);
    await actByKeyboard(recipient, 'Accept', 'Accept referral', 'Referral accepted');

    // The thread: the message field keeps the focus for the next message.
    const message = recipient.getByLabel(/New message/);
    await typeInto(recipient, message, 'Accepted; we will call case desk 5 today.');
    await press(recipient, recipient.getByRole('button', { name: 'Send message' }));
    await recipient
      .getByRole('list', { name: 'Messages' })
      .getByText('Accepted; we will call case desk 5 today.')
      .waitFor();
    await expectFocus(recipient, message);
    expect(await message.inputValue()).toBe('');
    await screenshot(recipient, 'keyboard-referral-accepted');
    expect(two.problems).toEqual([]);
    await two.close();
  });

  it('by keyboard only: Harbor Light creates a survivor record, records a consent on it and revokes it, the focus on each result', async () => {
    const { webUrl } = hub();
    const one = await people(hub().browser, 1);
    const [page] = one.pages;

    await signInByKeyboard(page, webUrl, 'ngo.caseworker');
    await navigateByKeyboard(page, 'Survivors', 'Survivors');
    await press(page, page.getByRole('link', { name: 'New survivor record' }));
    await page.getByRole('heading', { level: 1, name: 'New survivor record' }).waitFor();
    await expectFocus(page, page.getByRole('main'));
    await typeInto(page, page.getByLabel('Given name', { exact: true }), 'Lucía');
    await typeInto(page, page.getByLabel('Phone', { exact: true }), '+1 555 0142');
    await press(page, page.getByRole('button', { name: 'Create record' }));
    await expectFocus(page, announced(page, 'Survivor record created'));

    // The consent form, every element by keyboard.
    await press(page, page.getByRole('link', { name: 'Record consent' }));
    await page.getByRole('heading', { level: 1, name: 'Record consent' }).waitFor();
    await expectFocus(page, page.getByRole('main'));
    await chooseRadio(
      page,
      page.getByRole('group', { name: /^Who gives consent/ }),
      page.getByRole('radio', { name: 'The survivor', exact: true }),
    );
    await tickByKeyboard(page, page.getByRole('checkbox', { name: /^Services/ }));
    await tickByKeyboard(
      page,
      page
        .getByRole('group', { name: /^Agencies that may receive/ })
        .getByRole('checkbox', { name: /^Safe Passage Legal Aid/ }),
    );
    const classes = page.getByRole('group', { name: /^Information that may be shared/ });
    await tickByKeyboard(page, classes.getByRole('checkbox', { name: /^Contact/ }));
    await tickByKeyboard(page, classes.getByRole('checkbox', { name: /^Needs/ }));
    const lastDay = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await typeInto(page, page.getByLabel(/^Valid until/), lastDay);
    await chooseRadio(
      page,
      page.getByRole('group', { name: /^How consent was obtained/ }),
      page.getByRole('radio', { name: 'Signed paper form', exact: true }),
    );
    await typeInto(page, page.getByLabel(/^Reference of the signed document/), 'DMS-KBD-1');
    await typeInto(page, page.getByLabel(/^Language the consent was explained/), 'es');
    for (const statement of [
      /^Your right to take back consent/,
      /^Services do not depend on consent/,
      /^Risk that information is shared further/,
    ])
      await tickByKeyboard(page, page.getByRole('group', { name: statement }).getByRole('checkbox'));
    await press(page, page.getByRole('button', { name: 'Record consent' }));
    await expectFocus(page, announced(page, 'Consent recorded'));

    // Revocation: the form's heading takes the focus; Cancel gives it back; the result takes it.
    const revoke = page.getByRole('button', { name: 'Revoke this consent' });
    await press(page, revoke);
    await expectFocus(page, page.getByRole('heading', { name: 'Revoke consent' }));
    await press(page, page.getByRole('button', { name: 'Cancel' }));
    await expectFocus(page, revoke);
    await page.keyboard.press('Enter');
    await expectFocus(page, page.getByRole('heading', { name: 'Revoke consent' }));
    const channel = page.getByLabel(/^How the survivor revoked/);
    await tabTo(page, channel);
    await page.keyboard.type('In p');
    expect(await channel.inputValue()).toBe('IN_PERSON');
    await typeInto(page, page.getByLabel(/^Reason/), 'Asked to stop sharing');
    await press(page, page.getByRole('button', { name: 'Revoke consent' }));
    await expectFocus(page, announced(page, /^Consent revoked/));
    expect(await page.getByRole('button', { name: 'Revoke this consent' }).count()).toBe(0);
    await screenshot(page, 'keyboard-consent-revoked');
    expect(one.problems).toEqual([]);
    await one.close();
  });
}
