import { expectAccessible, field, people, screenshot, signIn, tick } from '../support/browser';
import { referredSurvivor } from '../support/set-up';
import type { WebHub } from '../support/web-hub';

/**
 * Break-glass: Safe Passage's lead, party to a referral that does not share the survivor's name or
 * phone, opens them for an imminent danger after reading what will happen; Harbor Light's lead,
 * whose record it is, finds the use, reviews it and ends it.
 */
export function breakGlassFlow(hub: () => WebHub): void {
  it('break-glass: legal.lead opens a referred survivor’s identity and contact from the referral for an imminent danger; ngo.lead reviews and ends the use', async () => {
    const { webUrl, idp, api } = hub();
    // Harbor Light refers a survivor to Safe Passage sharing needs only: not their name or phone.
    const { survivorId, referralId } = await referredSurvivor(api, await idp.tokenFor('ngo.caseworker'), {
      survivor: { givenName: 'Mireya', phone: '+1 555 0177', preferredLanguage: 'es' },
      consent: { dataClasses: ['NEEDS'], documentReference: 'DMS-WEB-E2E-BG' },
      referral: { needs: ['IMMIGRATION_LEGAL'], sharedClasses: ['NEEDS'] },
    });
    const two = await people(hub().browser, 2);
    const [opener, owner] = two.pages;
    const danger = `The trafficker found the survivor's shelter address today (${referralId.slice(0, 8)})`;

    // The referral shares needs only; the API offers legal.lead break-glass on its survivor.
    await signIn(opener, webUrl, 'legal.lead');
    await opener.goto(`${webUrl}/referrals/${referralId}`);
    await opener.getByRole('heading', { level: 2, name: 'Timeline' }).waitFor();
    await expect(field(opener, 'Preferred language').textContent()).resolves.toBe('es');
    await opener.getByRole('button', { name: 'Break glass (imminent danger)' }).click();
    await opener.getByRole('heading', { name: 'Break glass: imminent danger' }).waitFor();
    await opener
      .getByText(
        'The agency that owns the record is notified at once and can end your access early and review it.',
      )
      .waitFor();
    await opener.getByLabel(/^The imminent danger/).fill(danger);
    await expectAccessible(opener, 'break-glass form');
    await screenshot(opener, 'break-glass-form');
    await opener.getByRole('button', { name: 'Break glass and open the record' }).click();

    // The record itself, opened to them: name and phone.
    await opener.getByRole('heading', { name: /^Break-glass access is open to you until/ }).waitFor();
    expect(new URL(opener.url()).pathname).toBe(`/survivors/${survivorId}`);
    await expect(field(opener, 'Given name').textContent()).resolves.toBe('Mireya');
    await expect(field(opener, 'Phone').textContent()).resolves.toBe('+1 555 0177');
    expect(await opener.getByRole('button', { name: 'Break glass (imminent danger)' }).count()).toBe(0);
    await expectAccessible(opener, 'survivor record opened by break-glass');
    await screenshot(opener, 'break-glass-record-opened');

    // Harbor Light's lead sees the use, reviews it once and ends it.
    await signIn(owner, webUrl, 'ngo.lead');
    await owner.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Break-glass' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Break-glass uses' }).waitFor();
    const use = owner
      .getByRole('region', { name: /^Opened by Safe Passage Legal Aid/ })
      .filter({ hasText: danger });
    await use.getByText('Open', { exact: true }).waitFor();
    await expectAccessible(owner, 'break-glass uses');
    await screenshot(owner, 'break-glass-uses');
    await use.getByRole('button', { name: 'Review this use' }).click();
    await tick(owner, /^Finding/, 'Justified');
    await use.getByLabel(/^What the review found/).fill('Confirmed with the shelter manager');
    await expectAccessible(owner, 'break-glass review form');
    await use.getByRole('button', { name: 'Record the review' }).click();
    await owner.getByRole('heading', { name: 'The review was recorded' }).waitFor();
    await use.getByText(/^Justified · .* — Confirmed with the shelter manager$/).waitFor();
    await use.getByRole('button', { name: 'End access now' }).click();
    await use.getByLabel(/^Why it ends now/).fill('The survivor is safe at another shelter');
    await use.getByRole('button', { name: 'End the access' }).click();
    await owner.getByRole('heading', { name: 'The access was ended' }).waitFor();
    await use.getByText('Ended', { exact: true }).waitFor();
    expect(await use.getByRole('button').count()).toBe(0);

    // At once: the opener's next read shows only what the consent shares again.
    await opener.reload();
    await opener.getByRole('heading', { level: 1, name: 'Survivor record' }).waitFor();
    await expect(field(opener, 'Given name').textContent()).resolves.toBe('Not shared with your agency');
    await expect(field(opener, 'Phone').textContent()).resolves.toBe('Not shared with your agency');
    expect(two.problems).toEqual([]);
    await two.close();
  });
}
