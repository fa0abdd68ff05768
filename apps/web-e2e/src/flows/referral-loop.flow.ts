import { act, expectAccessible, people, screenshot, signIn } from '../support/browser';
import type { WebHub } from '../support/web-hub';

/** The closed loop of a de-identified referral, sender and recipient in two browsers. */
export function referralLoopFlow(hub: () => WebHub): void {
  it('closes the loop in the browser: Harbor Light creates and sends a de-identified referral; Safe Passage acknowledges, accepts, starts and completes it with an outcome; Harbor Light sees the outcome', async () => {
    const { webUrl } = hub();
    const two = await people(hub().browser, 2);
    const [senderPage, recipientPage] = two.pages;

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
    await screenshot(senderPage, 'new-referral');
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
    await screenshot(recipientPage, 'complete-referral');
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
    await screenshot(senderPage, 'outcome');
    expect(two.problems).toEqual([]);
    await two.close();
  });
}
