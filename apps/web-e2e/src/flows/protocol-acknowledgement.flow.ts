import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expectAccessible, navigate, people, screenshot, signIn, tick } from '../support/browser';
import { expectFocus, press } from '../support/keyboard';
import type { WebHub } from '../support/web-hub';

const HARBOR_LIGHT = 'Harbor Light Survivor Services';

/** The acknowledgement tracker's row for an agency: its last cell says whether it acknowledged. */
function trackerStatus(page: Page, agency: string) {
  return page
    .getByRole('table', { name: 'Each agency in the audience and whether it acknowledged' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: agency }) })
    .locator('td')
    .last();
}

/**
 * A protocol from draft to acknowledged, coordinator and agency lead in two browsers; then the lead
 * edits their agency's directory entry, and the coordinator looks at the task force's members.
 */
export function protocolAcknowledgementFlow(hub: () => WebHub): void {
  it('tf.coordinator creates a protocol, previews and publishes it for NGOs with acknowledgement required; ngo.lead finds it pending, reads and acknowledges it; the tracker shows Harbor Light acknowledged', async () => {
    const { webUrl } = hub();
    const two = await people(hub().browser, 2);
    const [coordinator, lead] = two.pages;
    const title = `Intake and referral protocol ${randomUUID().slice(0, 8)}`;

    // The coordinator writes the draft and previews it through the API's renderer.
    await signIn(coordinator, webUrl, 'tf.coordinator');
    await navigate(coordinator, 'Protocols');
    await coordinator.getByRole('heading', { level: 1, name: 'Protocols' }).waitFor();
    await expectAccessible(coordinator, 'protocols');
    await screenshot(coordinator, 'protocols');
    await coordinator.getByRole('link', { name: 'New protocol' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'New protocol' }).waitFor();
    await coordinator.getByLabel(/^Title/).fill(title);
    await coordinator.getByLabel(/^Category/).selectOption('REFERRAL');
    await tick(coordinator, /^Addressed to/, 'Victim services');
    await coordinator.getByLabel(/^Review by/).fill('2099-01-01');
    await coordinator.getByLabel(/^What changed/).fill('First version');
    await coordinator
      .getByLabel(/^Text/)
      .fill(
        '# Intake\n\n1. Call the **intake line** first.\n2. Send the referral through the hub.\n\n<script>alert(1)</script>',
      );
    await coordinator.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = coordinator.getByRole('article', { name: 'Preview' });
    await preview.getByRole('heading', { level: 1, name: 'Intake' }).waitFor();
    // The raw HTML stays text in the preview, exactly as it will in the published version.
    await preview.getByText('<script>alert(1)</script>').waitFor();
    expect(await preview.locator('script').count()).toBe(0);
    await expectAccessible(coordinator, 'protocol editor with preview');
    await screenshot(coordinator, 'protocol-editor');
    await coordinator.getByRole('button', { name: 'Create draft' }).click();
    await coordinator.getByRole('heading', { name: 'Protocol created as a draft' }).waitFor();
    const protocolPath = new URL(coordinator.url()).pathname;
    expect(protocolPath).toMatch(/^\/protocols\/[0-9a-f-]{36}$/);
    await expectAccessible(coordinator, 'protocol (draft)');

    // Publish: the form says what will be published and to whom.
    await coordinator.getByRole('button', { name: 'Publish the draft' }).click();
    const publish = coordinator.getByRole('form', { name: 'Publish the draft' });
    await publish.getByText('Victim services', { exact: true }).waitFor();
    await expectAccessible(coordinator, 'publish form');
    await screenshot(coordinator, 'protocol-publish');
    await publish.getByRole('button', { name: 'Publish version 1' }).click();
    await coordinator.getByRole('heading', { name: 'Version 1 published' }).waitFor();
    await expect(trackerStatus(coordinator, HARBOR_LIGHT).textContent()).resolves.toBe('Outstanding');
    await expect(trackerStatus(coordinator, 'Safe Passage Legal Aid').textContent()).resolves.toBe(
      'Outstanding',
    );

    // The lead: the count on home, the pending list, the text as published, the acknowledgement.
    await signIn(lead, webUrl, 'ngo.lead');
    await lead.getByRole('heading', { level: 2, name: 'Protocols to acknowledge' }).waitFor();
    await lead.getByRole('link', { name: 'See what is waiting' }).click();
    await lead
      .getByRole('heading', { level: 1, name: "Waiting for your agency's acknowledgement" })
      .waitFor();
    const pending = lead.getByRole('table', { name: 'Protocol versions your agency has yet to acknowledge' });
    await pending.getByRole('link', { name: title }).waitFor();
    await expectAccessible(lead, 'pending acknowledgements');
    await screenshot(lead, 'pending-acknowledgements');
    await pending.getByRole('link', { name: title }).click();
    const text = lead.getByRole('article', { name: 'Text of version 1' });
    await text.getByRole('heading', { name: 'Intake' }).waitFor();
    await expect(text.locator('strong').textContent()).resolves.toBe('intake line');
    expect(await text.locator('script').count()).toBe(0);
    // The lead may only acknowledge: no editing, publishing or archiving.
    await expect(
      lead.getByRole('region', { name: 'What you can do' }).getByRole('button').allTextContents(),
    ).resolves.toEqual(['Acknowledge for my agency']);
    await expectAccessible(lead, 'protocol (lead)');
    await screenshot(lead, 'protocol-lead');
    await lead.getByRole('button', { name: 'Acknowledge for my agency' }).click();
    await lead.getByText(`on behalf of ${HARBOR_LIGHT}`, { exact: false }).waitFor();
    await expectAccessible(lead, 'acknowledge form');
    await lead.getByRole('button', { name: 'Acknowledge version 1' }).click();
    await lead.getByRole('heading', { name: 'Version 1 acknowledged for your agency' }).waitFor();
    expect(await lead.getByRole('region', { name: 'What you can do' }).count()).toBe(0);
    await screenshot(lead, 'protocol-acknowledged');

    // The coordinator's tracker: Harbor Light acknowledged, Safe Passage still outstanding.
    await coordinator.reload();
    await coordinator.getByRole('heading', { name: 'Acknowledgements of version 1' }).waitFor();
    await expect(trackerStatus(coordinator, HARBOR_LIGHT).textContent()).resolves.toMatch(/^Acknowledged /);
    await expect(trackerStatus(coordinator, 'Safe Passage Legal Aid').textContent()).resolves.toBe(
      'Outstanding',
    );
    await expectAccessible(coordinator, 'acknowledgement tracker');
    await screenshot(coordinator, 'acknowledgement-tracker');
    expect(two.problems).toEqual([]);
    await two.close();
    // Two people, nine screens, each checked by axe: more than the suite's default on a busy machine.
  }, 240_000);

  it("ngo.lead edits Harbor Light's directory entry (a wrong e-mail is caught at its field); tf.coordinator sees the task force's members and opens and cancels their forms by keyboard", async () => {
    const { webUrl } = hub();
    const two = await people(hub().browser, 2);
    const [lead, coordinator] = two.pages;
    const hours = `Mon–Fri 09:00–17:00; crisis line 24/7 (${randomUUID().slice(0, 4)})`;

    await signIn(lead, webUrl, 'ngo.lead');
    await navigate(lead, 'Agency profile');
    await lead.getByRole('heading', { level: 1, name: HARBOR_LIGHT }).waitFor();
    await expectAccessible(lead, 'agency profile');
    await screenshot(lead, 'agency-profile');
    await lead.getByRole('link', { name: 'Edit the profile' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Edit the agency profile' }).waitFor();
    const email = lead.getByLabel('Intake e-mail');
    const previousEmail = await email.inputValue();
    await email.fill('intake-at-harborlight');
    await lead.getByLabel(/^Hours/).fill(hours);
    await lead.getByRole('button', { name: 'Save the profile' }).click();
    await lead.getByText('Enter an e-mail address, such as intake@example.org.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(lead, 'agency profile form with an error');
    await screenshot(lead, 'agency-profile-form');
    await email.fill(previousEmail);
    await lead.getByRole('button', { name: 'Save the profile' }).click();
    await lead.getByRole('heading', { name: 'Profile saved' }).waitFor();
    await lead.getByText(hours).waitFor();

    await signIn(coordinator, webUrl, 'tf.coordinator');
    await navigate(coordinator, 'Task force');
    const members = coordinator.getByRole('table', {
      name: 'Member agencies of Bay County Human Trafficking Task Force',
    });
    await members.getByRole('link', { name: HARBOR_LIGHT }).waitFor();
    // Their own agency can change role but never be removed by them.
    expect(
      await coordinator.getByRole('button', { name: 'Remove Bay County Task Force Office' }).count(),
    ).toBe(0);
    // By keyboard: a member action's button opens its form and stays pressed while it is open;
    // Cancel closes it and gives the focus back to the button (ActionToggle).
    const add = coordinator.getByRole('button', { name: 'Add a member' });
    await press(coordinator, add);
    await coordinator.getByRole('heading', { level: 3, name: 'Add a member' }).waitFor();
    expect(await add.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(coordinator, 'task force members with the add form');
    await screenshot(coordinator, 'task-force');
    await press(coordinator, coordinator.getByRole('button', { name: 'Cancel' }));
    await expectFocus(coordinator, add);
    expect(await add.getAttribute('aria-expanded')).toBe('false');
    const changeRole = coordinator.getByRole('button', {
      name: 'Change role of Bay County Task Force Office',
    });
    await press(coordinator, changeRole);
    await coordinator.getByRole('button', { name: 'Save the role' }).waitFor();
    expect(await changeRole.getAttribute('aria-expanded')).toBe('true');
    await press(coordinator, coordinator.getByRole('button', { name: 'Cancel' }));
    await expectFocus(coordinator, changeRole);
    expect(two.problems).toEqual([]);
    await two.close();
  });
}
