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

/** A survivor, a consent and a referral under it; the revocation cuts the recipient off at once. */
export function consentRevocationFlow(hub: () => WebHub): void {
  it('shares under consent and stops at revocation, in the browser: Harbor Light creates a survivor, records consent for Safe Passage and refers with it; Safe Passage sees the phone until Harbor Light revokes the consent', async () => {
    const { webUrl } = hub();
    const two = await people(hub().browser, 2);
    const [senderPage, recipientPage] = two.pages;

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
    await fillConsentForm(senderPage, {
      grantor: 'The survivor',
      purposes: ['Services'],
      recipients: ['Safe Passage Legal Aid'],
      classes: ['Contact', 'Needs'],
      documentReference: 'DMS-WEB-E2E-2',
    });
    await expectAccessible(senderPage, 'consent form');
    await screenshot(senderPage, 'consent-form');
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
    await screenshot(senderPage, 'new-referral-survivor');
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
    await screenshot(recipientPage, 'referral-after-revocation');
    expect(two.problems).toEqual([]);
    await two.close();
  });
}
