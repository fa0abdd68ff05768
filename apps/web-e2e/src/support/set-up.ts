import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import type { TestApi } from '@hub/testing';
import { gql } from './web-hub';

const DAY_MS = 24 * 3600 * 1000;

/**
 * A flow's set-up through the API: a survivor record of the caller's agency, a consent for Safe
 * Passage (SELF, for services, 30 days, the statements acknowledged) and a referral under it to
 * Safe Passage, sent. `consent` and `referral` override the inputs' defaults.
 */
export async function referredSurvivor(
  api: TestApi,
  token: string,
  options: {
    survivor: Record<string, unknown>;
    consent: { dataClasses: string[] } & Record<string, unknown>;
    referral: { sharedClasses: string[]; needs: string[] } & Record<string, unknown>;
  },
): Promise<{ survivorId: string; referralId: string }> {
  const { createSurvivor } = await gql<{ createSurvivor: { survivor: { id: string } } }>(
    api,
    token,
    'mutation($input: CreateSurvivorInput!) { createSurvivor(input: $input) { survivor { id } } }',
    { input: options.survivor },
  );
  const survivorId = createSurvivor.survivor.id;
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
  const { createReferral } = await gql<{ createReferral: { referral: { id: string; version: number } } }>(
    api,
    token,
    'mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id version } } }',
    {
      input: {
        toAgencyId: DEMO_AGENCY_IDS.safePassage,
        urgency: 'URGENT',
        survivorId,
        consentId: recordConsent.consent.id,
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
