import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { TestHub } from '@hub/testing';
import { consentInput } from './survivor-support';
import { startHub } from './hub';

// Findings of the access review, kept as regressions.
describe('access review regressions (e2e)', () => {
  let hub: TestHub;
  let survivorId: string;
  let referralId: string;

  beforeAll(async () => {
    hub = await startHub();
    const created = await hub.gql<{ createSurvivor: { survivor: { id: string } } }>(
      `mutation($input: CreateSurvivorInput!) { createSurvivor(input: $input) { survivor { id } } }`,
      { input: { givenName: 'Amaru', familyName: 'Quispe', phone: '+1 555 0101', address: '9 Quiet Rd' } },
      { user: 'ngo.caseworker' },
    );
    survivorId = created.body.data?.createSurvivor.survivor.id as string;
    const consent = await hub.gql<{ recordConsent: { consent: { id: string } } }>(
      `mutation($input: RecordConsentInput!) { recordConsent(input: $input) { consent { id } } }`,
      {
        input: consentInput(survivorId, {
          grantor: { type: 'SELF', name: 'Amaru Quispe' },
          interpreterName: 'Ines',
        }),
      },
      { user: 'ngo.caseworker' },
    );
    const consentId = consent.body.data?.recordConsent.consent.id as string;
    const referral = await hub.gql<{ createReferral: { referral: { id: string; version: number } } }>(
      `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id version } } }`,
      {
        input: {
          toAgencyId: DEMO_AGENCY_IDS.safePassage,
          needs: ['LEGAL'],
          urgency: 'URGENT',
          survivorId,
          consentId,
          sharedClasses: ['IDENTITY', 'CONTACT'],
        },
      },
      { user: 'ngo.caseworker' },
    );
    referralId = referral.body.data?.createReferral.referral.id as string;
    const sent = await hub.gql(
      `mutation($input: ReferralTransitionInput!) { sendReferral(input: $input) { referral { status } } }`,
      { input: { referralId, expectedVersion: 1 } },
      { user: 'ngo.caseworker' },
    );
    expect(sent.body.errors).toBeUndefined();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('every alias of a survivor read is audited for the fields it selects', async () => {
    const before = await hub.asOwner(async (ds) =>
      Number((await ds.query(`SELECT max(id) AS id FROM audit_event`))[0].id ?? 0),
    );
    const { body } = await hub.gql<{ referral: { a: { reference: string }; b: Record<string, string> } }>(
      `query($id: ID!) { referral(id: $id) { a: survivor { reference } b: survivor { givenName phone } } }`,
      { id: referralId },
      { user: 'legal.caseworker' },
    );
    expect(body.data?.referral.b).toEqual({ givenName: 'Amaru', phone: '+1 555 0101' });
    const rows = await hub.asOwner(
      (ds) =>
        ds.query(
          `SELECT fields FROM audit_event WHERE id > $1 AND action = 'READ_SURVIVOR' AND subject_id = $2`,
          [before, survivorId],
        ) as Promise<{ fields: string[] }[]>,
    );
    expect(rows.map((row) => [...row.fields].sort())).toEqual([['givenName', 'phone']]);
  });

  it('a recipient agency never sees the grantor’s or interpreter’s name; the owner does', async () => {
    const query = `query($id: ID!) { consents(survivorId: $id) { grantor { type name relationship } interpreterName } }`;
    const recipient = await hub.gql<{
      consents: { grantor: Record<string, unknown>; interpreterName: string | null }[];
    }>(query, { id: survivorId }, { user: 'legal.caseworker' });
    expect(recipient.body.data?.consents).toEqual([
      { grantor: { type: 'SELF', name: null, relationship: null }, interpreterName: null },
    ]);
    const redacted = (
      recipient.body.extensions?.redactions as { path: (string | number)[]; reason: string }[]
    ).map((r) => `${r.path.join('.')}:${r.reason}`);
    expect(redacted.sort()).toEqual([
      'consents.0.grantor.name:NOT_PERMITTED',
      'consents.0.grantor.relationship:NOT_PERMITTED',
      'consents.0.interpreterName:NOT_PERMITTED',
    ]);
    const owner = await hub.gql<{ consents: { grantor: { name: string | null } }[] }>(
      query,
      { id: survivorId },
      { user: 'ngo.caseworker' },
    );
    expect(owner.body.data?.consents[0].grantor.name).toBe('Amaru Quispe');
    expect(owner.body.extensions?.redactions).toBeUndefined();
  });
});
