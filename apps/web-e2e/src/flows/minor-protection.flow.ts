import {
  expectAccessible,
  field,
  fillConsentForm,
  people,
  screenshot,
  signIn,
  tick,
} from '../support/browser';
import type { WebHub } from '../support/web-hub';

/** Finds a record by its reference on the survivors screen; the status line says when there is none. */
async function findByReference(page: import('playwright-core').Page, reference: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Survivors', exact: true })
    .click();
  await page.getByRole('heading', { level: 1, name: 'Survivors' }).waitFor();
  await page.getByLabel(/^Survivor reference/).fill(reference);
  await page.getByRole('button', { name: 'Find', exact: true }).click();
}

/**
 * Police never see a minor (DESIGN.md §4): not through a consent naming them for investigation, not
 * by the record's reference; only through a child-safety referral (a mandatory report) made by a
 * supervisor of the owning agency, after which they see the record through that referral.
 */
export function minorProtectionFlow(hub: () => WebHub): void {
  it('police never see a minor: a consent naming Bayview Police does not open the record to pd.investigator; ngo.lead’s child-safety report from the survivor screen does', async () => {
    const { webUrl } = hub();
    const three = await people(hub().browser, 3);
    const [caseworker, investigator, lead] = three.pages;

    // Harbor Light's caseworker records a minor.
    await signIn(caseworker, webUrl, 'ngo.caseworker');
    await caseworker
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Survivors', exact: true })
      .click();
    await caseworker.getByRole('link', { name: 'New survivor record' }).click();
    await caseworker.getByRole('heading', { level: 1, name: 'New survivor record' }).waitFor();
    await caseworker.locator('label', { hasText: /^The survivor is a minor/ }).click();
    await caseworker.getByLabel('Given name', { exact: true }).fill('Lucía');
    await caseworker.getByLabel('Phone', { exact: true }).fill('+1 555 0142');
    await caseworker.getByRole('button', { name: 'Create record' }).click();
    await caseworker.getByRole('heading', { name: 'Survivor record created' }).waitFor();
    const survivorPath = new URL(caseworker.url()).pathname;
    const reference = (await field(caseworker, 'Reference').textContent()) ?? '';
    expect(reference).toMatch(/^S-[0-9A-Z]{10}$/);
    await expect(field(caseworker, 'Minor').textContent()).resolves.toBe('Yes');
    // A caseworker makes no mandatory report: the screen does not offer one.
    expect(await caseworker.getByRole('link', { name: 'Make a child-safety report' }).count()).toBe(0);

    // A consent from a parent naming Bayview Police Department for investigation: the hub records it
    // (the minor may come of age within it), but it opens nothing to the police while they are a minor.
    await caseworker.getByRole('link', { name: 'Record consent' }).click();
    await fillConsentForm(caseworker, {
      grantor: 'A parent',
      relationship: 'Mother',
      purposes: ['Investigation'],
      recipients: ['Bayview Police Department'],
      classes: ['Identity', 'Contact'],
      documentReference: 'DMS-WEB-E2E-MINOR',
    });
    await caseworker.getByRole('button', { name: 'Record consent' }).click();
    await caseworker.getByRole('heading', { name: 'Consent recorded' }).waitFor();
    await expect(field(caseworker, 'Agencies named').first().textContent()).resolves.toBe(
      'Bayview Police Department',
    );

    // The investigator cannot find the minor: not in the list, not by reference, not by the address.
    await signIn(investigator, webUrl, 'pd.investigator');
    await findByReference(investigator, reference);
    await investigator.getByRole('status').getByText('No survivor record found.').waitFor();
    expect(await investigator.getByRole('link', { name: reference }).count()).toBe(0);
    await expectAccessible(investigator, 'survivors: the minor not found by police');
    await screenshot(investigator, 'minor-not-found-by-police');
    await investigator.goto(`${webUrl}${survivorPath}`);
    await investigator
      .getByRole('heading', {
        level: 1,
        name: 'This survivor record does not exist or is not shared with your agency.',
      })
      .waitFor();
    expect(await investigator.getByText('Lucía').count()).toBe(0);

    // Harbor Light's lead (a supervisor) makes the mandatory report from the survivor screen.
    await signIn(lead, webUrl, 'ngo.lead');
    await findByReference(lead, reference);
    await lead.getByRole('link', { name: reference }).click();
    await lead.getByRole('heading', { level: 1, name: 'Survivor record' }).waitFor();
    await expectAccessible(lead, 'survivor record with the child-safety report offered');
    await lead.getByRole('link', { name: 'Make a child-safety report' }).click();
    await lead.getByRole('heading', { level: 1, name: 'Child-safety report' }).waitFor();
    expect(await lead.title()).toBe('Child-safety report · Task Force Hub');
    await tick(lead, /^Report to/, 'Bayview Police Department');
    await lead.getByLabel(/^Legal basis of the report/).fill('State mandated-reporter statute § 11166');
    await lead
      .getByLabel(/^Why you are making the report/)
      .fill('Disclosure of exploitation by a third party at intake');
    const happens = lead.getByRole('heading', { name: 'What will happen when you send it' }).locator('..');
    await happens
      .getByText(
        "Bayview Police Department is law enforcement: it will see this minor's record, which the police otherwise never see.",
      )
      .waitFor();
    await expectAccessible(lead, 'child-safety report form');
    await screenshot(lead, 'child-safety-report');
    await lead.getByRole('button', { name: 'Send the mandatory report' }).click();
    await lead.getByRole('heading', { name: 'Referral sent' }).waitFor();
    const referralPath = new URL(lead.url()).pathname;
    expect(referralPath).toMatch(/^\/referrals\/[0-9a-f-]{36}$/);
    await expect(field(lead, 'Kind').textContent()).resolves.toBe('Child-safety report');

    // The investigator now sees the minor's record through the referral, and only through it.
    await investigator
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Referrals' })
      .click();
    await investigator
      .getByRole('table', { name: 'Referrals: Received' })
      .locator(`a[href="${referralPath}"]`)
      .click();
    await investigator.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await expect(field(investigator, 'Given name').textContent()).resolves.toBe('Lucía');
    await expect(field(investigator, 'Phone').textContent()).resolves.toBe('+1 555 0142');
    await expect(field(investigator, 'Reference').textContent()).resolves.toBe(reference);
    await expectAccessible(investigator, 'child-safety referral received by police');
    await screenshot(investigator, 'child-safety-referral-police');

    expect(three.problems).toEqual([]);
    await three.close();
  });
}
