import { randomUUID } from 'node:crypto';
import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { demoUser, expectNothingWritten, expectOnlyDenied, inputFields, TestHub } from '@hub/testing';
import { startHub } from './hub';
import {
  CONSENTS,
  ConsentNode,
  consentInput,
  createSurvivor,
  expectError,
  FEDERAL,
  HARBOR,
  ok,
  ownerQuery,
  personalData,
  POLICE,
  RECORD_CONSENT,
  recordConsent,
  REVOKE_CONSENT,
  SAFE_PASSAGE,
  SURVIVOR_BY_ID,
  SurvivorNode,
  tag,
  UPDATE_SURVIVOR,
} from './survivor-support';

/**
 * The access rules moved into the policy (libs/access), end to end: who can receive a consent,
 * refusals answered as NOT_FOUND audited for auditors only, consent names and their disclosure
 * audited, and a reversed audit window refused.
 */

const EVENTS = `query Events($filter: AuditEventFilter, $first: Int) {
  auditEvents(filter: $filter, first: $first) {
    edges { node { id action subjectType subjectId decision reason subjectAgencyIds } }
  }
}`;
type EventsPage = {
  auditEvents: {
    edges: {
      node: {
        id: string;
        action: string;
        subjectId: string | null;
        decision: string;
        reason: string | null;
        subjectAgencyIds: string[];
      };
    }[];
  };
};
const TA = DEMO_AGENCY_IDS.regionalTa;

describe('access rules in the policy (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const survivor = (): Promise<SurvivorNode> => createSurvivor(hub, 'ngo.caseworker', personalData(tag()));

  /** The audit events about `subjectId` a user can read through `auditEvents`. */
  async function eventsSeenBy(user: string, subjectId: string) {
    const response = await hub.gql<EventsPage>(EVENTS, { filter: { subjectId }, first: 50 }, { user });
    return ok(response).auditEvents.edges.map((edge) => edge.node);
  }

  /** The newest audit row about `subjectId` with its agencies (read as the owner of the database). */
  async function lastRow(subjectId: string) {
    const [row] = await ownerQuery<{ subject_agency_ids: string[]; reason: string | null }>(
      hub,
      `SELECT subject_agency_ids, reason FROM audit_event WHERE subject_id = $1 ORDER BY id DESC LIMIT 1`,
      [subjectId],
    );
    return row;
  }

  describe('who can receive a consent (DESIGN.md §4)', () => {
    it.each([
      ['the federal partner office', () => FEDERAL, ['SERVICE', 'INVESTIGATION']],
      ['the TA provider', () => TA, ['SERVICE']],
      ['the police for SERVICE only', () => POLICE, ['SERVICE']],
      ['an NGO for INVESTIGATION only', () => SAFE_PASSAGE, ['INVESTIGATION']],
    ])(
      'naming %s is BAD_USER_INPUT (RECIPIENT_CANNOT_READ) and nothing is written',
      async (_name, agency, purposes) => {
        const person = await survivor();
        const before = await hub.watermark();
        const response = await hub.gql(
          RECORD_CONSENT,
          { input: consentInput(person.id, { recipientAgencyIds: [agency()], purposes }) },
          { user: 'ngo.caseworker' },
        );
        const error = expectError(response, 'BAD_USER_INPUT');
        expect(inputFields(error)).toEqual(['recipientAgencyIds[0]']);
        expect(error.extensions?.problems).toEqual([
          expect.objectContaining({ field: 'recipientAgencyIds[0]', reason: 'RECIPIENT_CANNOT_READ' }),
        ]);
        await expectNothingWritten(hub, before);
      },
    );

    it('names the offending item among good ones; the police for INVESTIGATION are a good one', async () => {
      const person = await survivor();
      const before = await hub.watermark();
      const response = await hub.gql(
        RECORD_CONSENT,
        {
          input: consentInput(person.id, {
            recipientAgencyIds: [SAFE_PASSAGE, POLICE, FEDERAL],
            purposes: ['SERVICE', 'INVESTIGATION'],
          }),
        },
        { user: 'ngo.caseworker' },
      );
      expect(inputFields(expectError(response, 'BAD_USER_INPUT'))).toEqual(['recipientAgencyIds[2]']);
      await expectNothingWritten(hub, before);
      // Without the federal office it is recorded, and the police read the record.
      await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, {
          recipientAgencyIds: [SAFE_PASSAGE, POLICE],
          purposes: ['SERVICE', 'INVESTIGATION'],
        }),
      );
      const read = await hub.gql<{ survivor: SurvivorNode }>(
        SURVIVOR_BY_ID('id givenName'),
        { id: person.id },
        { user: 'pd.investigator' },
      );
      expect(ok(read).survivor.id).toBe(person.id);
    });
  });

  describe('a refusal answered as NOT_FOUND is audited DENIED, for auditors only', () => {
    it('updateSurvivor on another agency’s record', async () => {
      const person = await survivor();
      const before = await hub.watermark();
      const response = await hub.gql(
        UPDATE_SURVIVOR,
        { input: { id: person.id, expectedVersion: 1, givenName: 'Hijacked' } },
        { user: 'legal.caseworker' },
      );
      expectError(response, 'NOT_FOUND');
      await expectOnlyDenied(hub, before, {
        user: 'legal.caseworker',
        action: 'UPDATE_SURVIVOR',
        subjectType: 'Survivor',
        subjectId: person.id,
        reason: 'NOT_FOUND',
      });
      expect(await lastRow(person.id)).toEqual({ subject_agency_ids: [HARBOR], reason: 'NOT_FOUND' });
      // The auditor sees it; neither the caller's agency admin nor the owner's learns of it.
      expect((await eventsSeenBy('tf.auditor', person.id)).map((e) => [e.action, e.decision])).toContainEqual(
        ['UPDATE_SURVIVOR', 'DENIED'],
      );
      expect((await eventsSeenBy('legal.lead', person.id)).filter((e) => e.decision === 'DENIED')).toEqual(
        [],
      );
      expect((await eventsSeenBy('ngo.lead', person.id)).filter((e) => e.decision === 'DENIED')).toEqual([]);
    });

    it('recordConsent on another agency’s record', async () => {
      const person = await survivor();
      const before = await hub.watermark();
      const response = await hub.gql(
        RECORD_CONSENT,
        { input: consentInput(person.id) },
        { user: 'pd.investigator' },
      );
      expectError(response, 'NOT_FOUND');
      await expectOnlyDenied(hub, before, {
        user: 'pd.investigator',
        action: 'RECORD_CONSENT',
        subjectType: 'Survivor',
        subjectId: person.id,
        reason: 'NOT_FOUND',
      });
      expect(await lastRow(person.id)).toEqual({ subject_agency_ids: [HARBOR], reason: 'NOT_FOUND' });
      expect((await eventsSeenBy('pd.supervisor', person.id)).filter((e) => e.decision === 'DENIED')).toEqual(
        [],
      );
      expect((await eventsSeenBy('tf.auditor', person.id)).map((e) => e.reason)).toContain('NOT_FOUND');
    });

    it('revokeConsent by the police on a consent they cannot see', async () => {
      const person = await survivor();
      const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(person.id));
      const before = await hub.watermark();
      const response = await hub.gql(
        REVOKE_CONSENT,
        { input: { consentId: consent.id, channel: 'PHONE' } },
        { user: 'pd.investigator' },
      );
      expectError(response, 'NOT_FOUND');
      await expectOnlyDenied(hub, before, {
        user: 'pd.investigator',
        action: 'REVOKE_CONSENT',
        subjectType: 'Consent',
        subjectId: consent.id,
        reason: 'NOT_FOUND',
      });
      expect(await lastRow(consent.id)).toEqual({ subject_agency_ids: [HARBOR], reason: 'NOT_FOUND' });
      expect(await eventsSeenBy('pd.supervisor', consent.id)).toEqual([]);
      expect(await eventsSeenBy('ngo.lead', consent.id)).toEqual([
        expect.objectContaining({ action: 'RECORD_CONSENT', decision: 'ALLOWED' }),
      ]);
      expect((await eventsSeenBy('tf.auditor', consent.id)).map((e) => e.action)).toContain('REVOKE_CONSENT');
    });

    it('survivor(id) probes: an invisible record, and a record that does not exist ([] agencies)', async () => {
      const person = await survivor();
      const missing = randomUUID();
      for (const [id, agencies] of [
        [person.id, [HARBOR]],
        [missing, []],
      ] as const) {
        const before = await hub.watermark();
        expectError(await hub.gql(SURVIVOR_BY_ID('id'), { id }, { user: 'pd.investigator' }), 'NOT_FOUND');
        await expectOnlyDenied(hub, before, {
          user: 'pd.investigator',
          action: 'READ_SURVIVOR',
          subjectType: 'Survivor',
          subjectId: id,
          reason: 'NOT_FOUND',
        });
        expect(await lastRow(id)).toEqual({ subject_agency_ids: agencies, reason: 'NOT_FOUND' });
      }
    });

    it('consents(survivorId) on an invisible survivor', async () => {
      const person = await survivor();
      await recordConsent(hub, 'ngo.caseworker', consentInput(person.id));
      const before = await hub.watermark();
      expectError(
        await hub.gql(CONSENTS, { survivorId: person.id }, { user: 'pd.investigator' }),
        'NOT_FOUND',
      );
      await expectOnlyDenied(hub, before, {
        user: 'pd.investigator',
        action: 'READ_CONSENTS',
        subjectType: 'Survivor',
        subjectId: person.id,
        reason: 'NOT_FOUND',
      });
      expect((await eventsSeenBy('pd.supervisor', person.id)).filter((e) => e.decision === 'DENIED')).toEqual(
        [],
      );
    });
  });

  describe('consent names: the owner only, and their disclosure audited', () => {
    it('the owner reads the names, and each consent disclosing them writes a READ_CONSENT event', async () => {
      const person = await survivor();
      const consent = await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, { grantor: { type: 'SELF', name: 'Ana Example' } }),
      );
      const before = await hub.watermark();
      const read = ok(
        await hub.gql<{ consents: ConsentNode[] }>(
          CONSENTS,
          { survivorId: person.id },
          { user: 'ngo.caseworker' },
        ),
      );
      expect(read.consents).toEqual([
        expect.objectContaining({
          id: consent.id,
          grantor: expect.objectContaining({ name: 'Ana Example' }),
          interpreterName: 'Certified interpreter #42',
        }),
      ]);
      expect(await hub.tablesWrittenSince(before)).toEqual([]);
      const { sub } = demoUser('ngo.caseworker');
      expect(await hub.auditEventsSince(before)).toEqual([
        {
          actor_user_id: sub,
          actor_agency_id: HARBOR,
          action: 'READ_CONSENT',
          subject_type: 'Consent',
          subject_id: consent.id,
          fields: ['grantorName', 'interpreterName'],
          purpose: 'SERVICE',
          decision: 'ALLOWED',
          reason: null,
        },
      ]);
      expect(await lastRow(consent.id)).toEqual({ subject_agency_ids: [HARBOR], reason: null });
    });

    it('only the names selected are audited; selecting none writes nothing', async () => {
      const person = await survivor();
      const consent = await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, { grantor: { type: 'SELF', name: 'Ana Example' } }),
      );
      let before = await hub.watermark();
      const onlyGrantor = `query C($survivorId: ID!) { consents(survivorId: $survivorId) { id grantor { name } } }`;
      ok(await hub.gql(onlyGrantor, { survivorId: person.id }, { user: 'ngo.caseworker' }));
      expect((await hub.auditEventsSince(before)).map((e) => [e.subject_id, e.fields])).toEqual([
        [consent.id, ['grantorName']],
      ]);
      before = await hub.watermark();
      const noNames = `query C($survivorId: ID!) { consents(survivorId: $survivorId) { id status } }`;
      ok(await hub.gql(noNames, { survivorId: person.id }, { user: 'ngo.caseworker' }));
      await expectNothingWritten(hub, before);
    });

    it('a recipient gets the names as null with NOT_PERMITTED, and no READ_CONSENT is written', async () => {
      const person = await survivor();
      await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, { grantor: { type: 'SELF', name: 'Ana Example' } }),
      );
      const before = await hub.watermark();
      const response = await hub.gql<{ consents: ConsentNode[] }>(
        CONSENTS,
        { survivorId: person.id },
        { user: 'legal.caseworker' },
      );
      const [seen] = ok(response).consents;
      expect(seen.grantor.name).toBeNull();
      expect(seen.interpreterName).toBeNull();
      const redactions = (response.body.extensions?.redactions ?? []) as {
        path: unknown[];
        reason: string;
      }[];
      expect(redactions.map((r) => [r.path.join('.'), r.reason])).toEqual(
        expect.arrayContaining([
          ['consents.0.grantor.name', 'NOT_PERMITTED'],
          ['consents.0.interpreterName', 'NOT_PERMITTED'],
        ]),
      );
      await expectNothingWritten(hub, before);
    });
  });

  describe('auditEvents window', () => {
    it.each(['tf.auditor', 'ngo.lead'])(
      '%s: from after to is BAD_USER_INPUT naming filter.from',
      async (user) => {
        const before = await hub.watermark();
        const response = await hub.gql(
          EVENTS,
          { filter: { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' } },
          { user },
        );
        const error = expectError(response, 'BAD_USER_INPUT');
        expect(error.extensions?.problems).toEqual([
          expect.objectContaining({ field: 'filter.from', reason: 'WINDOW_STARTS_AFTER_END' }),
        ]);
        await expectNothingWritten(hub, before);
      },
    );

    it('an empty window (from = to) is an empty page, not an error', async () => {
      const at = '2026-03-01T00:00:00Z';
      const response = await hub.gql<EventsPage>(
        EVENTS,
        { filter: { from: at, to: at } },
        { user: 'tf.auditor' },
      );
      expect(ok(response).auditEvents.edges).toEqual([]);
    });
  });
});
