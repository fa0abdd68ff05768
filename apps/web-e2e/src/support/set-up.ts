import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import type { TestApi } from '@hub/testing';
import { gql } from './web-hub';

/**
 * Set-up through the API: a survivor owned by Harbor Light (Ana, phone +1 555 0100, Spanish,
 * interpreter needed, a situation summary) and a consent naming Safe Passage for services with
 * CONTACT and NEEDS, valid 30 days.
 */
export async function createSurvivorWithConsent(
  api: TestApi,
  token: string,
): Promise<{ survivorId: string; reference: string; consentId: string }> {
  const { createSurvivor } = await gql<{ createSurvivor: { survivor: { id: string; reference: string } } }>(
    api,
    token,
    'mutation($input: CreateSurvivorInput!) { createSurvivor(input: $input) { survivor { id reference } } }',
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
  const { id: survivorId, reference } = createSurvivor.survivor;
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
  return { survivorId, reference, consentId: recordConsent.consent.id };
}

/**
 * Set-up for flows about what a recipient sees: the survivor and consent above, and a referral from
 * Harbor Light to Safe Passage under it, sent, sharing CONTACT and NEEDS only. Answers its id.
 */
export async function sendReferralWithSurvivor(api: TestApi, token: string): Promise<string> {
  const { survivorId, consentId } = await createSurvivorWithConsent(api, token);
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
        consentId,
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
