import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { TestHub } from '@hub/testing';
import { startHub } from './hub';

const DAY = 24 * 60 * 60 * 1000;

const CREATE = `mutation($input: CreateSurvivorInput!) { createSurvivor(input: $input) { survivor { id reference version minor ageBand } } }`;
const RECORD = `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id status recipientAgencyIds dataClasses purposes validUntil } } }`;
const REVOKE = `mutation($input: RevokeConsentInput!) { revokeConsent(input: $input) { consent { id status revocation { channel revokedByAgencyId } } } }`;
const READ = `query($id: ID!) { survivor(id: $id) { id reference minor givenName familyName dateOfBirth phone email address needs { need priority } preferredLanguage situationSummary immigrationStatus medicalNotes } }`;
const LIST = `{ survivors(first: 50) { edges { node { id reference givenName phone situationSummary } } } }`;

const PERSONAL = {
  givenName: 'Ana',
  familyName: 'Perez',
  dateOfBirth: '1995-04-12',
  phone: '+1-555-0199',
  email: 'ana@example.org',
  address: '12 Hidden Lane',
  needs: [{ need: 'LEGAL', priority: 'HIGH' }],
  preferredLanguage: 'es',
  situationSummary: 'Labour trafficking in agriculture.',
  immigrationStatus: 'Undocumented',
  medicalNotes: 'Back injury',
};

export function consentInput(survivorId: string, overrides: Record<string, unknown> = {}) {
  return {
    survivorId,
    grantor: { type: 'SELF' },
    recipientAgencyIds: [DEMO_AGENCY_IDS.safePassage],
    purposes: ['SERVICE'],
    dataClasses: ['IDENTITY', 'CONTACT', 'NEEDS'],
    validUntil: new Date(Date.now() + 60 * DAY).toISOString(),
    obtainedHow: 'WRITTEN',
    language: 'es',
    interpreterUsed: true,
    interpreterName: 'Certified interpreter #42',
    acknowledgements: { rightToRevoke: true, notConditionOfService: true, redisclosureRisk: true },
    documentReference: 'DMS-2026-0042',
    ...overrides,
  };
}

describe('survivor records under consent (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  async function createSurvivor(extra: Record<string, unknown> = {}, user = 'ngo.caseworker') {
    const { body } = await hub.gql<{ createSurvivor: { survivor: { id: string; reference: string } } }>(
      CREATE,
      { input: { ...PERSONAL, ...extra } },
      { user },
    );
    expect(body.errors).toBeUndefined();
    return body.data?.createSurvivor.survivor as { id: string; reference: string };
  }

  it('legal aid sees exactly the consented classes; police see nothing; a revocation cuts access at once', async () => {
    const survivor = await createSurvivor();
    const recorded = await hub.gql<{ recordConsent: { consent: { id: string; status: string } } }>(
      RECORD,
      { input: consentInput(survivor.id) },
      { user: 'ngo.caseworker' },
    );
    expect(recorded.body.errors).toBeUndefined();
    expect(recorded.body.data?.recordConsent.consent.status).toBe('ACTIVE');

    const legal = await hub.gql<{ survivor: Record<string, unknown> }>(
      READ,
      { id: survivor.id },
      { user: 'legal.caseworker' },
    );
    expect(legal.body.errors).toBeUndefined();
    expect(legal.body.data?.survivor).toEqual({
      id: survivor.id,
      reference: survivor.reference,
      minor: false,
      givenName: 'Ana',
      familyName: 'Perez',
      dateOfBirth: '1995-04-12',
      phone: '+1-555-0199',
      email: 'ana@example.org',
      address: '12 Hidden Lane',
      needs: [{ need: 'LEGAL', priority: 'HIGH' }],
      preferredLanguage: 'es',
      situationSummary: null,
      immigrationStatus: null,
      medicalNotes: null,
    });
    const redacted = (legal.body.extensions?.redactions as { path: string[]; reason: string }[]).map((r) =>
      r.path.join('.'),
    );
    expect(redacted.sort()).toEqual([
      'survivor.immigrationStatus',
      'survivor.medicalNotes',
      'survivor.situationSummary',
    ]);
    expect(new Set((legal.body.extensions?.redactions as { reason: string }[]).map((r) => r.reason))).toEqual(
      new Set(['NOT_PERMITTED']),
    );

    const police = await hub.gql(READ, { id: survivor.id }, { user: 'pd.investigator' });
    expect(police.body.data ?? null).toBeNull();
    expect(police.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const policeList = await hub.gql<{ survivors: { edges: { node: { id: string } }[] } }>(
      LIST,
      {},
      { user: 'pd.investigator' },
    );
    expect(policeList.body.data?.survivors.edges.map((e) => e.node.id)).not.toContain(survivor.id);

    const revoked = await hub.gql<{ revokeConsent: { consent: { status: string } } }>(
      REVOKE,
      {
        input: {
          consentId: recorded.body.data?.recordConsent.consent.id,
          channel: 'IN_PERSON',
          reason: 'Survivor asked',
        },
      },
      { user: 'ngo.caseworker' },
    );
    expect(revoked.body.errors).toBeUndefined();
    expect(revoked.body.data?.revokeConsent.consent.status).toBe('REVOKED');

    const after = await hub.gql(READ, { id: survivor.id }, { user: 'legal.caseworker' });
    expect(after.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const afterList = await hub.gql<{ survivors: { edges: { node: { id: string } }[] } }>(
      LIST,
      {},
      { user: 'legal.caseworker' },
    );
    expect(afterList.body.data?.survivors.edges.map((e) => e.node.id)).not.toContain(survivor.id);
  });

  it('a consent naming the police for INVESTIGATION lets them see an adult, never a minor', async () => {
    const adult = await createSurvivor();
    const minor = await createSurvivor({ dateOfBirth: '2012-06-01' });
    const forPolice = {
      recipientAgencyIds: [DEMO_AGENCY_IDS.bayviewPolice],
      purposes: ['INVESTIGATION'],
      dataClasses: ['IDENTITY', 'NARRATIVE'],
    };
    const adultConsent = await hub.gql(
      RECORD,
      { input: consentInput(adult.id, forPolice) },
      { user: 'ngo.caseworker' },
    );
    expect(adultConsent.body.errors).toBeUndefined();
    const minorConsent = await hub.gql(
      RECORD,
      {
        input: consentInput(minor.id, {
          ...forPolice,
          grantor: {
            type: 'PARENT',
            name: 'Maria Perez',
            relationship: 'mother',
            notSuspectedAttestation: true,
          },
        }),
      },
      { user: 'ngo.caseworker' },
    );
    expect(minorConsent.body.errors).toBeUndefined();

    const seenAdult = await hub.gql<{ survivor: Record<string, unknown> }>(
      READ,
      { id: adult.id },
      { user: 'pd.investigator' },
    );
    expect(seenAdult.body.data?.survivor).toMatchObject({
      givenName: 'Ana',
      situationSummary: 'Labour trafficking in agriculture.',
      phone: null,
      medicalNotes: null,
    });
    const seenMinor = await hub.gql(READ, { id: minor.id }, { user: 'pd.investigator' });
    expect(seenMinor.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
