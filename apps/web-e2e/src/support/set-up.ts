import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import type { TestApi } from '@hub/testing';
import { gql } from './web-hub';

const DAY_MS = 24 * 3600 * 1000;

/**
 * A flow's set-up through the API: a survivor record of the caller's agency and a consent for Safe
 * Passage (SELF, for services, 30 days, the statements acknowledged). `consent` overrides the
 * input's defaults.
 */
export async function survivorWithConsent(
  api: TestApi,
  token: string,
  options: {
    survivor: Record<string, unknown>;
    consent: { dataClasses: string[] } & Record<string, unknown>;
  },
): Promise<{ survivorId: string; reference: string; consentId: string }> {
  const { createSurvivor } = await gql<{ createSurvivor: { survivor: { id: string; reference: string } } }>(
    api,
    token,
    'mutation($input: CreateSurvivorInput!) { createSurvivor(input: $input) { survivor { id reference } } }',
    { input: options.survivor },
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
        validUntil: new Date(Date.now() + 30 * DAY_MS).toISOString(),
        obtainedHow: 'WRITTEN',
        language: 'es',
        interpreterUsed: false,
        acknowledgements: { rightToRevoke: true, notConditionOfService: true, redisclosureRisk: true },
        documentReference: 'DMS-WEB-E2E',
        ...options.consent,
      },
    },
  );
  return { survivorId, reference, consentId: recordConsent.consent.id };
}

/** As `survivorWithConsent`, then a referral under the consent to Safe Passage, sent. */
export async function referredSurvivor(
  api: TestApi,
  token: string,
  options: {
    survivor: Record<string, unknown>;
    consent: { dataClasses: string[] } & Record<string, unknown>;
    referral: { sharedClasses: string[]; needs: string[] } & Record<string, unknown>;
  },
): Promise<{ survivorId: string; referralId: string }> {
  const { survivorId, consentId } = await survivorWithConsent(api, token, options);
  const { createReferral } = await gql<{ createReferral: { referral: { id: string; version: number } } }>(
    api,
    token,
    'mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id version } } }',
    {
      input: {
        toAgencyId: DEMO_AGENCY_IDS.safePassage,
        urgency: 'URGENT',
        survivorId,
        consentId,
        ...options.referral,
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
  return { survivorId, referralId: id };
}

/**
 * Ana: a survivor owned by Harbor Light (phone +1 555 0100, Spanish, interpreter needed, a situation
 * summary) with a consent naming Safe Passage for services with CONTACT and NEEDS.
 */
const ANA = {
  survivor: {
    givenName: 'Ana',
    familyName: 'Example',
    phone: '+1 555 0100',
    preferredLanguage: 'es',
    interpreterNeeded: true,
    situationSummary: 'Narrative that the referral does not share',
  },
  consent: {
    dataClasses: ['CONTACT', 'NEEDS'],
    interpreterUsed: true,
    interpreterName: 'Certified interpreter #42',
  },
};

export function createSurvivorWithConsent(api: TestApi, token: string) {
  return survivorWithConsent(api, token, ANA);
}

/** Ana referred from Harbor Light to Safe Passage, sent, sharing CONTACT and NEEDS only. Answers its id. */
export async function sendReferralWithSurvivor(api: TestApi, token: string): Promise<string> {
  const { referralId } = await referredSurvivor(api, token, {
    ...ANA,
    referral: {
      needs: ['LEGAL', 'IMMIGRATION_LEGAL'],
      sharedClasses: ['CONTACT', 'NEEDS'],
      notes: 'Needs a lawyer this week',
    },
  });
  return referralId;
}
