import { randomUUID } from 'node:crypto';
import {
  bornYearsAgo,
  demoUser,
  expectNothingWritten,
  expectOnlyDenied,
  inputFields,
  TestHub,
} from '@hub/testing';
import { startHub } from './hub';
import {
  auditSince,
  CREATE_SURVIVOR,
  consentInput,
  createSurvivor,
  dbState,
  endConsent,
  expectError,
  expectRevocationHidden,
  HARBOR,
  ok,
  ownerQuery,
  personalData,
  personalStrings,
  POLICE,
  RECORD_CONSENT,
  recordConsent,
  REVOKE_CONSENT,
  SAFE_PASSAGE,
  SURVIVOR_BY_ID,
  SURVIVORS,
  SurvivorNode,
  SurvivorPage,
  tag,
  UPDATE_SURVIVOR,
  visibleIds,
  walkSurvivors,
} from './survivor-support';

const REFERENCE = /^S-[0-9A-Z]{10}$/;
/** This suite's CONSENT_MAX_DAYS. */
const CONFIGURED_CAP = 75;
const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The personal fields the create input sets, as the audit must name them. */
const ALL_PERSONAL_FIELDS = [
  'address',
  'aliases',
  'caseNotes',
  'dateOfBirth',
  'email',
  'familyName',
  'gender',
  'givenName',
  'immigrationDocuments',
  'immigrationStatus',
  'interpreterNeeded',
  'medicalNotes',
  'mentalHealthNotes',
  'needs',
  'phone',
  'preferredLanguage',
  'safeContact',
  'situationSummary',
  'substanceUseNotes',
];

describe('survivor records (e2e)', () => {
  let hub: TestHub;
  /** Every personal value sent in this suite: none may ever show up in an audit row. */
  const sentValues: string[] = [];

  beforeAll(async () => {
    // A consent cap other than the default (90), so consentRules is seen to answer the configuration.
    hub = await startHub({ env: { CONSENT_MAX_DAYS: String(CONFIGURED_CAP) } });
  });
  afterAll(async () => {
    await hub.close();
  });

  async function create(user: string, input: Record<string, unknown>): Promise<SurvivorNode> {
    sentValues.push(...personalStrings(input));
    return createSurvivor(hub, user, input);
  }

  describe('createSurvivor', () => {
    it.each([
      ['ngo.caseworker', HARBOR, 'SERVICE'],
      ['ngo.lead', HARBOR, 'SERVICE'],
      ['legal.caseworker', SAFE_PASSAGE, 'SERVICE'],
      ['pd.investigator', POLICE, 'INVESTIGATION'],
      ['pd.supervisor', POLICE, 'INVESTIGATION'],
    ])('%s creates a record owned by its agency, audited by field name', async (user, agencyId, purpose) => {
      const data = personalData(tag());
      const before = await dbState(hub);

      const survivor = await create(user, data);

      expect(survivor.reference).toMatch(REFERENCE);
      expect(survivor).toMatchObject({
        ownerAgencyId: agencyId,
        version: 1,
        minor: false,
        ageBand: 'AGE_25_34',
        ...data,
      });
      const after = await dbState(hub);
      const added = after.survivors.filter((row) => !before.survivors.some((old) => old.id === row.id));
      expect(added).toHaveLength(1);
      expect(added[0]).toMatchObject({
        id: survivor.id,
        reference: survivor.reference,
        owner_agency_id: agencyId,
        created_by: demoUser(user).sub,
        version: 1,
        given_name: data.givenName,
        minor: false,
      });
      // Nothing else but the record and its audit event.
      expect({ ...after, survivors: [], auditMaxId: 0 }).toEqual({ ...before, survivors: [], auditMaxId: 0 });
      const audit = await auditSince(hub, before);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor_user_id: demoUser(user).sub,
        actor_agency_id: agencyId,
        action: 'CREATE_SURVIVOR',
        subject_type: 'Survivor',
        subject_id: survivor.id,
        purpose,
        decision: 'ALLOWED',
      });
      expect([...audit[0].fields].sort()).toEqual(ALL_PERSONAL_FIELDS);
      // The record and its audit event were written in one transaction.
      expect(audit[0].xmin).toBe(added[0].xmin);
    });

    it('audits only the fields that were set, and computes the age band of a minor', async () => {
      const t = tag();
      const before = await hub.watermark();
      const survivor = await create('ngo.caseworker', {
        givenName: `Only${t}`,
        dateOfBirth: bornYearsAgo(10),
        needs: [{ need: 'MEDICAL', priority: 'LOW' }],
      });
      expect(survivor).toMatchObject({ minor: true, ageBand: 'UNDER_12', version: 1, phone: null });
      const audit = await auditSince(hub, before);
      expect(audit.map((row) => [row.action, [...row.fields].sort()])).toEqual([
        ['CREATE_SURVIVOR', ['dateOfBirth', 'givenName', 'needs']],
      ]);
      const flagged = await create('ngo.caseworker', { minor: true });
      expect(flagged).toMatchObject({ minor: true, ageBand: 'MINOR_UNKNOWN_AGE' });
      const teen = await create('ngo.caseworker', { dateOfBirth: bornYearsAgo(15) });
      expect(teen).toMatchObject({ minor: true, ageBand: 'AGE_12_17' });
      const unknown = await create('ngo.caseworker', {});
      expect(unknown).toMatchObject({ minor: false, ageBand: 'UNKNOWN' });
    });

    it.each(['fed.liaison', 'ta.provider', 'tf.coordinator', 'tf.auditor'])(
      '%s (no survivor-staff role) is refused FORBIDDEN, with only a DENIED audit event',
      async (user) => {
        const before = await hub.watermark();
        const response = await hub.gql(CREATE_SURVIVOR, { input: personalData(tag()) }, { user });
        expectError(response, 'FORBIDDEN');
        await expectOnlyDenied(hub, before, {
          user,
          action: 'CREATE_SURVIVOR',
          subjectType: 'Survivor',
          subjectId: null,
        });
      },
    );

    it('without a token answers 401 UNAUTHENTICATED and writes nothing', async () => {
      const before = await hub.watermark();
      const response = await hub.gql(CREATE_SURVIVOR, { input: personalData(tag()) });
      expect(response.status).toBe(401);
      expectError(response, 'UNAUTHENTICATED');
      await expectNothingWritten(hub, before);
    });

    it('an idempotency key makes a retry return the same record; another agency has its own keys', async () => {
      const key = `intake-${randomUUID()}`;
      const first = await create('ngo.caseworker', { givenName: 'Retry', idempotencyKey: key });
      const before = await hub.watermark();
      const again = await create('ngo.caseworker', { givenName: 'Retry', idempotencyKey: key });
      expect(again).toMatchObject({ id: first.id, reference: first.reference, version: 1 });
      // The retry wrote nothing at all (not even a second CREATE_SURVIVOR event).
      await expectNothingWritten(hub, before);

      const byLegal = await create('legal.caseworker', { givenName: 'Retry', idempotencyKey: key });
      expect(byLegal.id).not.toBe(first.id);
      expect(byLegal.ownerAgencyId).toBe(SAFE_PASSAGE);
      const rows = await ownerQuery<{ id: string; owner_agency_id: string }>(
        hub,
        `SELECT s.id, s.owner_agency_id FROM idempotency_key k JOIN survivor s ON s.id = k.subject_id
          WHERE k.subject_type = 'Survivor' AND k.key = $1 ORDER BY s.owner_agency_id`,
        [key],
      );
      expect(rows).toEqual([
        { id: first.id, owner_agency_id: HARBOR },
        { id: byLegal.id, owner_agency_id: SAFE_PASSAGE },
      ]);
    });

    it('the same idempotency key with a different request is CONFLICT (IDEMPOTENCY_KEY_REUSED), nothing written', async () => {
      const key = `intake-${randomUUID()}`;
      await create('ngo.caseworker', { givenName: 'Once', idempotencyKey: key });
      const before = await hub.watermark();
      const response = await hub.gql(
        CREATE_SURVIVOR,
        { input: { givenName: 'Someone else', idempotencyKey: key } },
        { user: 'ngo.caseworker' },
      );
      expectError(response, 'CONFLICT');
      expect(response.body.errors?.[0]?.extensions?.reason).toBe('IDEMPOTENCY_KEY_REUSED');
      await expectNothingWritten(hub, before);
    });
  });

  describe('updateSurvivor', () => {
    it('owner staff change fields with the version they saw; each change is audited', async () => {
      const survivor = await create('ngo.caseworker', personalData(tag()));
      const before = await hub.watermark();
      const t = tag();
      sentValues.push(`Renamed${t}`, `New notes ${t}`);
      const response = await hub.gql<{ updateSurvivor: { survivor: SurvivorNode } }>(
        UPDATE_SURVIVOR,
        {
          input: {
            id: survivor.id,
            expectedVersion: 1,
            givenName: `Renamed${t}`,
            phone: '+1 555 0100',
            caseNotes: `New notes ${t}`,
          },
        },
        { user: 'ngo.caseworker' },
      );
      const updated = ok(response).updateSurvivor.survivor;
      expect(updated).toMatchObject({
        id: survivor.id,
        reference: survivor.reference,
        version: 2,
        givenName: `Renamed${t}`,
        phone: '+1 555 0100',
        caseNotes: `New notes ${t}`,
        familyName: survivor.familyName,
        email: survivor.email,
      });
      const [row] = await ownerQuery<Record<string, unknown>>(
        hub,
        `SELECT version, given_name, phone, case_notes, family_name, xmin::text AS xmin FROM survivor WHERE id = $1`,
        [survivor.id],
      );
      expect(row).toMatchObject({
        version: 2,
        given_name: `Renamed${t}`,
        phone: '+1 555 0100',
        case_notes: `New notes ${t}`,
        family_name: survivor.familyName,
      });
      const audit = await auditSince(hub, before);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'UPDATE_SURVIVOR',
        subject_type: 'Survivor',
        subject_id: survivor.id,
        decision: 'ALLOWED',
        purpose: 'SERVICE',
        actor_user_id: demoUser('ngo.caseworker').sub,
        actor_agency_id: HARBOR,
      });
      expect([...audit[0].fields].sort()).toEqual(['caseNotes', 'givenName', 'phone']);
      expect(audit[0].xmin).toBe(row.xmin);

      // A supervisor of the owning agency may change it too.
      const bySupervisor = await hub.gql<{ updateSurvivor: { survivor: SurvivorNode } }>(
        UPDATE_SURVIVOR,
        { input: { id: survivor.id, expectedVersion: 2, interpreterNeeded: false } },
        { user: 'ngo.lead' },
      );
      expect(ok(bySupervisor).updateSurvivor.survivor).toMatchObject({
        version: 3,
        interpreterNeeded: false,
      });
    });

    it('a stale version is a CONFLICT and changes nothing', async () => {
      const survivor = await create('ngo.caseworker', personalData(tag()));
      // Someone else saved a change since this client read version 1.
      await ownerQuery(hub, `UPDATE survivor SET version = 2, gender = 'f' WHERE id = $1`, [survivor.id]);
      const before = await hub.watermark();
      const stale = await hub.gql(
        UPDATE_SURVIVOR,
        { input: { id: survivor.id, expectedVersion: 1, givenName: 'Overwritten' } },
        { user: 'ngo.caseworker' },
      );
      expectError(stale, 'CONFLICT');
      await expectNothingWritten(hub, before);
    });

    it('null clears a field (aliases and needs become empty)', async () => {
      const survivor = await create('ngo.caseworker', personalData(tag()));
      const response = await hub.gql<{ updateSurvivor: { survivor: SurvivorNode } }>(
        UPDATE_SURVIVOR,
        {
          input: {
            id: survivor.id,
            expectedVersion: 1,
            givenName: null,
            email: null,
            aliases: null,
            needs: null,
            safeContact: null,
          },
        },
        { user: 'ngo.caseworker' },
      );
      expect(ok(response).updateSurvivor.survivor).toMatchObject({
        version: 2,
        givenName: null,
        email: null,
        aliases: [],
        needs: [],
        safeContact: null,
        familyName: survivor.familyName,
        phone: survivor.phone,
      });
      const [row] = await ownerQuery(
        hub,
        `SELECT given_name, email, aliases, needs, safe_contact, family_name FROM survivor WHERE id = $1`,
        [survivor.id],
      );
      expect(row).toEqual({
        given_name: null,
        email: null,
        aliases: [],
        needs: [],
        safe_contact: null,
        family_name: survivor.familyName,
      });
    });

    it('another agency that reads the record through a live grant may not change it: FORBIDDEN, audited, unchanged', async () => {
      const survivor = await create('ngo.caseworker', personalData(tag()));
      await recordConsent(hub, 'ngo.caseworker', consentInput(survivor.id));
      // Precondition: Safe Passage does see the record.
      const seen = await hub.gql<{ survivor: SurvivorNode }>(
        SURVIVOR_BY_ID('id givenName'),
        { id: survivor.id },
        { user: 'legal.caseworker' },
      );
      expect(ok(seen).survivor).toEqual({ id: survivor.id, givenName: survivor.givenName });

      for (const user of ['legal.caseworker', 'legal.lead']) {
        const before = await hub.watermark();
        const response = await hub.gql(
          UPDATE_SURVIVOR,
          { input: { id: survivor.id, expectedVersion: 1, givenName: 'Hijacked' } },
          { user },
        );
        expectError(response, 'FORBIDDEN');
        await expectOnlyDenied(hub, before, {
          user,
          action: 'UPDATE_SURVIVOR',
          subjectType: 'Survivor',
          subjectId: survivor.id,
        });
      }
    });

    it.each(['pd.investigator', 'legal.caseworker', 'fed.liaison', 'tf.coordinator'])(
      '%s, who cannot see the record, gets NOT_FOUND and nothing changes',
      async (user) => {
        const survivor = await create('ngo.caseworker', personalData(tag()));
        const before = await hub.watermark();
        const response = await hub.gql(
          UPDATE_SURVIVOR,
          { input: { id: survivor.id, expectedVersion: 1, givenName: 'Hijacked' } },
          { user },
        );
        const error = expectError(response, 'NOT_FOUND');
        expect(error.message).toBe(`Survivor ${survivor.id} not found`);
        // Only the refusal is written, marked NOT_FOUND: for auditors' eyes only.
        await expectOnlyDenied(hub, before, {
          user,
          action: 'UPDATE_SURVIVOR',
          subjectType: 'Survivor',
          subjectId: survivor.id,
          reason: 'NOT_FOUND',
        });
      },
    );
  });

  describe('what a record offers is what the mutations allow (Survivor and Consent availableActions)', () => {
    const OFFERS = `query Offers($id: ID!) {
      survivor(id: $id) { version availableActions }
      consents(survivorId: $id) { id status availableActions }
    }`;
    type Offers = {
      survivor: { version: number; availableActions: string[] };
      consents: { id: string; status: string; availableActions: string[] }[];
    };
    const offersTo = async (user: string, id: string) => ok(await hub.gql<Offers>(OFFERS, { id }, { user }));
    /**
     * The record and its consents do not exist for `user`: each root field asked alone. Asked
     * together, both are refused, but graphql-js answers at the first non-null field's error, and the
     * other's DENIED row may be written after the answer, into the next step's watermark.
     */
    const expectHiddenFrom = async (user: string, id: string) => {
      const survivor = `query ($id: ID!) { survivor(id: $id) { id } }`;
      const consents = `query ($id: ID!) { consents(survivorId: $id) { id } }`;
      expectError(await hub.gql(survivor, { id }, { user }), 'NOT_FOUND');
      expectError(await hub.gql(consents, { id }, { user }), 'NOT_FOUND');
    };
    let record: SurvivorNode;

    beforeAll(async () => {
      record = await create('ngo.caseworker', personalData(tag()));
      // Safe Passage reads it through this consent (SERVICE: identity, contact, needs).
      await recordConsent(hub, 'ngo.caseworker', consentInput(record.id));
    });

    it.each([
      ['ngo.caseworker', 'the owner’s caseworker', ['UPDATE', 'RECORD_CONSENT']],
      ['ngo.lead', 'the owner’s supervisor', ['UPDATE', 'RECORD_CONSENT']],
      ['legal.caseworker', 'a partner reading it through the consent', []],
      [
        'legal.lead',
        'a partner’s supervisor reading it through the consent (no referral: no break-glass)',
        [],
      ],
    ])(
      '%s (%s) is offered %j; updateSurvivor and recordConsent succeed exactly when offered, else FORBIDDEN and audited',
      async (user, _who, expected) => {
        const offers = await offersTo(user, record.id);
        expect(offers.survivor.availableActions).toEqual(expected);
        const attempts = {
          UPDATE: {
            audited: 'UPDATE_SURVIVOR',
            send: () =>
              hub.gql(
                UPDATE_SURVIVOR,
                {
                  input: { id: record.id, expectedVersion: offers.survivor.version, gender: `seen-${tag()}` },
                },
                { user },
              ),
          },
          RECORD_CONSENT: {
            audited: 'RECORD_CONSENT',
            send: () => hub.gql(RECORD_CONSENT, { input: consentInput(record.id) }, { user }),
          },
        };
        for (const [action, attempt] of Object.entries(attempts)) {
          const before = await hub.watermark();
          const response = await attempt.send();
          if (expected.includes(action)) {
            ok(response);
            continue;
          }
          expectError(response, 'FORBIDDEN');
          await expectOnlyDenied(hub, before, {
            user,
            action: attempt.audited,
            subjectType: 'Survivor',
            subjectId: record.id,
          });
        }
        // Every consent this reader sees is in force and serves them or is their agency's: each
        // offers revocation (the survivor may revoke through any agency a consent serves).
        expect(offers.consents.length).toBeGreaterThan(0);
        expect(offers.consents.map((consent) => [consent.status, consent.availableActions])).toEqual(
          offers.consents.map(() => ['ACTIVE', ['REVOKE']]),
        );
      },
    );

    it('a consent offers REVOKE while in force; once revoked (here through the partner) to nobody, and a second revocation is CONFLICT', async () => {
      const person = await create('ngo.caseworker', personalData(tag()));
      const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(person.id));
      const offeredOn = async (user: string) =>
        (await offersTo(user, person.id)).consents.find((c) => c.id === consent.id)?.availableActions;
      expect(await offeredOn('ngo.caseworker')).toEqual(['REVOKE']);
      expect(await offeredOn('legal.caseworker')).toEqual(['REVOKE']);

      ok(
        await hub.gql(
          REVOKE_CONSENT,
          { input: { consentId: consent.id, channel: 'PHONE' } },
          { user: 'legal.caseworker' },
        ),
      );
      expect(await offeredOn('ngo.caseworker')).toEqual([]);
      const before = await hub.watermark();
      expectError(
        await hub.gql(
          REVOKE_CONSENT,
          { input: { consentId: consent.id, channel: 'PHONE' } },
          { user: 'ngo.caseworker' },
        ),
        'CONFLICT',
      );
      await expectNothingWritten(hub, before);
      // The partner no longer reads the record at all: nothing offered because nothing is there.
      await expectHiddenFrom('legal.caseworker', person.id);
    });

    it('an ended consent still offers REVOKE to the owner’s staff and to nobody else, and revokeConsent takes it exactly so (its revocation is the survivor’s “no” that break-glass honours)', async () => {
      const person = await create('ngo.caseworker', personalData(tag()));
      const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(person.id));
      await endConsent(hub, consent.id);
      const revokeAs = (user: string) =>
        hub.gql<{ revokeConsent: { consent: { status: string } } }>(
          REVOKE_CONSENT,
          { input: { consentId: consent.id, channel: 'PHONE' } },
          { user },
        );

      for (const user of ['ngo.caseworker', 'ngo.lead']) {
        const offers = await offersTo(user, person.id);
        expect(offers.consents).toEqual([
          { id: consent.id, status: 'EXPIRED', availableActions: ['REVOKE'] },
        ]);
        expect(offers.survivor.availableActions).toEqual(['UPDATE', 'RECORD_CONSENT']);
      }
      // The former recipient and the police: the record does not exist for them, so nothing is
      // offered, and revoking is NOT_FOUND (audited for auditors only), nothing else written.
      for (const user of ['legal.caseworker', 'legal.lead', 'pd.investigator']) {
        await expectHiddenFrom(user, person.id);
        await expectRevocationHidden(hub, user, consent.id);
      }

      // Offered to the owner's supervisor, so accepted; then offered to nobody, and refused again.
      expect(ok(await revokeAs('ngo.lead')).revokeConsent.consent.status).toBe('REVOKED');
      for (const user of ['ngo.caseworker', 'ngo.lead']) {
        expect((await offersTo(user, person.id)).consents).toEqual([
          { id: consent.id, status: 'REVOKED', availableActions: [] },
        ]);
      }
      const before = await hub.watermark();
      expectError(await revokeAs('ngo.caseworker'), 'CONFLICT');
      await expectNothingWritten(hub, before);
    });
  });

  describe('consentRules: the limits the consent form caps its dates with', () => {
    const RULES = `{ consentRules { maxValidityDays maxBackdateDays } }`;

    it.each(['ngo.caseworker', 'legal.lead', 'pd.investigator'])(
      '%s (records consents) reads the configured cap and the backdating limit; nothing is written',
      async (user) => {
        const before = await hub.watermark();
        const response = await hub.gql<{ consentRules: unknown }>(RULES, {}, { user });
        expect(ok(response).consentRules).toEqual({ maxValidityDays: CONFIGURED_CAP, maxBackdateDays: 30 });
        await expectNothingWritten(hub, before);
      },
    );

    it('recordConsent holds a consent to the same cap: up to it accepted, a day past it BAD_USER_INPUT at validUntil', async () => {
      const person = await create('ngo.caseworker', personalData(tag()));
      const at = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
      const before = await hub.watermark();
      const past = await hub.gql(
        RECORD_CONSENT,
        { input: consentInput(person.id, { validUntil: at(CONFIGURED_CAP + 1) }) },
        { user: 'ngo.caseworker' },
      );
      expect(inputFields(expectError(past, 'BAD_USER_INPUT'))).toContain('validUntil');
      await expectNothingWritten(hub, before);
      // validFrom defaults to the server's now, a moment later than this one: just within the cap.
      const until = at(CONFIGURED_CAP);
      const within = await hub.gql<{ recordConsent: { consent: { validUntil: string } } }>(
        RECORD_CONSENT,
        { input: consentInput(person.id, { validUntil: until }) },
        { user: 'ngo.caseworker' },
      );
      expect(new Date(ok(within).recordConsent.consent.validUntil).toISOString()).toBe(until);
    });

    it.each(['fed.liaison', 'tf.coordinator', 'tf.auditor', 'hub.admin'])(
      '%s (records no consent) is refused FORBIDDEN, with only a DENIED audit event',
      async (user) => {
        const before = await hub.watermark();
        expectError(await hub.gql(RULES, {}, { user }), 'FORBIDDEN');
        await expectOnlyDenied(hub, before, {
          user,
          action: 'READ_CONSENT_RULES',
          subjectType: 'Consent',
          subjectId: null,
        });
      },
    );

    it('without a token answers 401 UNAUTHENTICATED and writes nothing', async () => {
      const before = await hub.watermark();
      const response = await hub.gql(RULES, {});
      expect(response.status).toBe(401);
      expectError(response, 'UNAUTHENTICATED');
      await expectNothingWritten(hub, before);
    });
  });

  describe('bad input: BAD_USER_INPUT, nothing written', () => {
    let target: SurvivorNode;
    beforeAll(async () => {
      target = await create('ngo.caseworker', personalData(tag()));
    });

    const tomorrow = () => isoDay(Date.now() + 2 * 24 * 60 * 60 * 1000);
    const badData: [string, string, () => Record<string, unknown>][] = [
      ['givenName of 101 characters', 'givenName', () => ({ givenName: 'x'.repeat(101) })],
      ['dateOfBirth 2020-02-30', 'dateOfBirth', () => ({ dateOfBirth: '2020-02-30' })],
      ['dateOfBirth "yesterday"', 'dateOfBirth', () => ({ dateOfBirth: 'yesterday' })],
      ['a future dateOfBirth', 'dateOfBirth', () => ({ dateOfBirth: tomorrow() })],
      ['a bad email', 'email', () => ({ email: 'ana-at-example' })],
      ['a bad phone', 'phone', () => ({ phone: 'call me maybe' })],
      ['preferredLanguage "english"', 'preferredLanguage', () => ({ preferredLanguage: 'english' })],
      [
        'a need listed twice',
        'needs',
        () => ({
          needs: [
            { need: 'LEGAL', priority: 'HIGH' },
            { need: 'LEGAL', priority: 'LOW' },
          ],
        }),
      ],
      ['an unknown need', 'needs[0].need', () => ({ needs: [{ need: 'TELEPORTATION', priority: 'HIGH' }] })],
      ['11 aliases', 'aliases', () => ({ aliases: Array.from({ length: 11 }, (_, i) => `alias-${i}`) })],
      ['caseNotes of 10001 characters', 'caseNotes', () => ({ caseNotes: 'n'.repeat(10001) })],
    ];

    it.each(badData)('createSurvivor with %s', async (_name, field, bad) => {
      const before = await hub.watermark();
      const response = await hub.gql(
        CREATE_SURVIVOR,
        { input: { givenName: 'Valid', familyName: 'Valid', ...bad() } },
        { user: 'ngo.caseworker' },
      );
      const error = expectError(response, 'BAD_USER_INPUT');
      expect(inputFields(error)).toContain(field);
      await expectNothingWritten(hub, before);
    });

    it.each(badData)('updateSurvivor with %s', async (_name, field, bad) => {
      const before = await hub.watermark();
      const response = await hub.gql(
        UPDATE_SURVIVOR,
        { input: { id: target.id, expectedVersion: target.version, givenName: 'Valid', ...bad() } },
        { user: 'ngo.caseworker' },
      );
      const error = expectError(response, 'BAD_USER_INPUT');
      expect(inputFields(error)).toContain(field);
      await expectNothingWritten(hub, before);
    });

    it.each([
      ['a non-uuid id', () => ({ id: 'nope', expectedVersion: 1, givenName: 'X' }), 'id'],
      ['no field to change', () => ({ id: target.id, expectedVersion: target.version }), 'input'],
      ['expectedVersion 0', () => ({ id: target.id, expectedVersion: 0, givenName: 'X' }), 'expectedVersion'],
      ['minor: null', () => ({ id: target.id, expectedVersion: target.version, minor: null }), 'minor'],
    ])('updateSurvivor with %s', async (_name, input, hint) => {
      const before = await hub.watermark();
      const response = await hub.gql(UPDATE_SURVIVOR, { input: input() }, { user: 'ngo.caseworker' });
      const error = expectError(response, 'BAD_USER_INPUT');
      expect(inputFields(error)).toContain(hint);
      await expectNothingWritten(hub, before);
    });
  });

  describe('reads', () => {
    it('an invisible record, a random uuid and "nope" all answer the same NOT_FOUND, each audited DENIED (NOT_FOUND)', async () => {
      const hidden = await create('ngo.caseworker', personalData(tag()));
      const missing = randomUUID();
      const before = await hub.watermark();
      const shapes = [];
      for (const id of [hidden.id, missing, 'nope']) {
        const response = await hub.gql(SURVIVOR_BY_ID(), { id }, { user: 'legal.caseworker' });
        expect(response.status).toBe(200);
        const error = expectError(response, 'NOT_FOUND');
        expect(error.message).toBe(`Survivor ${id} not found`);
        shapes.push({
          keys: Object.keys(response.body).sort(),
          data: response.body.data,
          message: error.message.replace(id, '<id>'),
          path: error.path,
          extensionKeys: Object.keys(error.extensions ?? {}).sort(),
          redactions: response.body.extensions?.redactions,
        });
      }
      expect(shapes[1]).toEqual(shapes[0]);
      expect(shapes[2]).toEqual(shapes[0]);
      expect(shapes[0]).toMatchObject({ data: null, path: ['survivor'], redactions: undefined });
      expect(await hub.tablesWrittenSince(before)).toEqual([]);
      const { sub, agencyId } = demoUser('legal.caseworker');
      expect(await hub.auditEventsSince(before)).toEqual(
        // The row names the id asked for when it is a uuid, whether or not the record exists.
        [hidden.id, missing, null].map((subjectId) => ({
          actor_user_id: sub,
          actor_agency_id: agencyId,
          action: 'READ_SURVIVOR',
          subject_type: 'Survivor',
          subject_id: subjectId,
          fields: [],
          purpose: null,
          decision: 'DENIED',
          reason: 'NOT_FOUND',
        })),
      );
    });

    it('the owner sees every field, with no redactions; the read is audited with exactly the fields selected', async () => {
      const data = personalData(tag());
      const survivor = await create('ngo.caseworker', data);
      const before = await hub.watermark();
      const response = await hub.gql<{ survivor: SurvivorNode }>(
        SURVIVOR_BY_ID(),
        { id: survivor.id },
        { user: 'ngo.caseworker' },
      );
      expect(ok(response).survivor).toEqual({ ...survivor });
      expect(ok(response).survivor).toMatchObject(data);
      expect(response.body.extensions?.redactions).toBeUndefined();
      const audit = await auditSince(hub, before);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        action: 'READ_SURVIVOR',
        subject_type: 'Survivor',
        subject_id: survivor.id,
        decision: 'ALLOWED',
        purpose: 'SERVICE',
        actor_user_id: demoUser('ngo.caseworker').sub,
        actor_agency_id: HARBOR,
      });
      expect([...audit[0].fields].sort()).toEqual(ALL_PERSONAL_FIELDS);
    });

    it.each([
      ['givenName', ['givenName']],
      ['reference givenName', ['givenName']],
      ['givenName phone medicalNotes ownerAgencyId', ['givenName', 'medicalNotes', 'phone']],
      ['... on Survivor { caseNotes } reference', ['caseNotes']],
    ])('reading { %s } audits exactly %j', async (selection, fields) => {
      const survivor = await create('ngo.caseworker', personalData(tag()));
      const before = await hub.watermark();
      ok(await hub.gql(SURVIVOR_BY_ID(selection), { id: survivor.id }, { user: 'ngo.caseworker' }));
      const audit = await auditSince(hub, before);
      expect(audit.map((row) => [row.action, row.subject_id, [...row.fields].sort()])).toEqual([
        ['READ_SURVIVOR', survivor.id, fields],
      ]);
    });

    it('a read selecting no personal field (only reference) writes no READ_SURVIVOR event', async () => {
      const survivor = await create('ngo.caseworker', personalData(tag()));
      const before = await hub.watermark();
      const one = await hub.gql<{ survivor: SurvivorNode }>(
        SURVIVOR_BY_ID('reference'),
        { id: survivor.id },
        { user: 'ngo.caseworker' },
      );
      expect(ok(one).survivor).toEqual({ reference: survivor.reference });
      const list = await hub.gql<SurvivorPage>(
        SURVIVORS('reference minor ageBand'),
        { reference: survivor.reference },
        { user: 'ngo.caseworker' },
      );
      expect(ok(list).survivors.edges.map((e) => e.node.reference)).toEqual([survivor.reference]);
      await expectNothingWritten(hub, before);
    });

    it('a list read audits one event per record with the personal fields selected', async () => {
      const survivor = await create('ngo.caseworker', personalData(tag()));
      const before = await hub.watermark();
      const list = await hub.gql<SurvivorPage>(
        SURVIVORS('id givenName'),
        { reference: survivor.reference },
        { user: 'ngo.caseworker' },
      );
      expect(ok(list).survivors.edges.map((e) => e.node)).toEqual([
        { id: survivor.id, givenName: survivor.givenName },
      ]);
      const audit = await auditSince(hub, before);
      expect(audit.map((row) => [row.action, row.subject_id, row.fields])).toEqual([
        ['READ_SURVIVOR', survivor.id, ['givenName']],
      ]);
    });
  });

  describe('survivors list', () => {
    let legalOwn: SurvivorNode;
    let shared: SurvivorNode;
    let minorFlag: SurvivorNode;
    let minorByBirth: SurvivorNode;

    beforeAll(async () => {
      legalOwn = await create('legal.caseworker', personalData(tag()));
      shared = await create('ngo.caseworker', personalData(tag()));
      minorFlag = await create('ngo.caseworker', { givenName: 'Flagged', minor: true });
      minorByBirth = await create('ngo.caseworker', { dateOfBirth: bornYearsAgo(14) });
      for (let i = 0; i < 5; i += 1) await create('ngo.caseworker', { givenName: `Page${i}` });
      await recordConsent(hub, 'ngo.caseworker', consentInput(shared.id));
    });

    it.each([
      ['ngo.caseworker', HARBOR, 'SERVICE', false],
      ['legal.caseworker', SAFE_PASSAGE, 'SERVICE', false],
      ['pd.investigator', POLICE, 'INVESTIGATION', true],
    ] as const)(
      '%s sees exactly what DESIGN.md §4 allows, newest first',
      async (user, agencyId, purpose, le) => {
        const expected = await visibleIds(hub, { agencyId, purpose, lawEnforcement: le });
        expect(expected.length).toBeGreaterThan(0);
        const response = await hub.gql<SurvivorPage>(SURVIVORS(), { first: 100 }, { user });
        const page = ok(response).survivors;
        expect(page.pageInfo.hasNextPage).toBe(false);
        expect(page.edges.map((e) => e.node.id)).toEqual(expected);
      },
    );

    it.each(['fed.liaison', 'ta.provider', 'tf.auditor'])('%s sees an empty list', async (user) => {
      const response = await hub.gql<SurvivorPage>(SURVIVORS(), { first: 100 }, { user });
      expect(ok(response).survivors).toEqual({
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
      });
    });

    it('the owner sees its records; ownedOnly leaves out records seen through a grant', async () => {
      const owned = await ownerQuery<{ id: string }>(
        hub,
        `SELECT id FROM survivor WHERE owner_agency_id = $1 ORDER BY created_at DESC, id DESC`,
        [HARBOR],
      );
      const harbor = ok(
        await hub.gql<SurvivorPage>(SURVIVORS(), { first: 100 }, { user: 'ngo.caseworker' }),
      ).survivors.edges.map((e) => e.node.id);
      expect(harbor).toEqual(expect.arrayContaining(owned.map((row) => row.id)));
      expect(harbor).toContain(shared.id);

      const legalAll = ok(
        await hub.gql<SurvivorPage>(
          SURVIVORS('id ownerAgencyId'),
          { first: 100 },
          { user: 'legal.caseworker' },
        ),
      ).survivors.edges.map((e) => e.node);
      expect(legalAll.map((n) => n.id)).toEqual(expect.arrayContaining([legalOwn.id, shared.id]));
      const legalOwned = ok(
        await hub.gql<SurvivorPage>(
          SURVIVORS('id ownerAgencyId'),
          { first: 100, ownedOnly: true },
          { user: 'legal.caseworker' },
        ),
      ).survivors.edges.map((e) => e.node);
      expect(legalOwned.map((n) => n.id)).toContain(legalOwn.id);
      expect(legalOwned.map((n) => n.id)).not.toContain(shared.id);
      expect(new Set(legalOwned.map((n) => n.ownerAgencyId))).toEqual(new Set([SAFE_PASSAGE]));
      expect(legalOwned).toEqual(legalAll.filter((n) => n.ownerAgencyId === SAFE_PASSAGE));
    });

    it('the minor filter splits by flag or date of birth', async () => {
      const all = ok(
        await hub.gql<SurvivorPage>(SURVIVORS('id minor'), { first: 100 }, { user: 'ngo.caseworker' }),
      ).survivors.edges.map((e) => e.node);
      const minors = ok(
        await hub.gql<SurvivorPage>(
          SURVIVORS('id minor'),
          { first: 100, minor: true },
          { user: 'ngo.caseworker' },
        ),
      ).survivors.edges.map((e) => e.node);
      const adults = ok(
        await hub.gql<SurvivorPage>(
          SURVIVORS('id minor'),
          { first: 100, minor: false },
          { user: 'ngo.caseworker' },
        ),
      ).survivors.edges.map((e) => e.node);
      expect(minors.map((n) => n.id)).toEqual(expect.arrayContaining([minorFlag.id, minorByBirth.id]));
      expect(minors.every((n) => n.minor)).toBe(true);
      expect(adults.every((n) => !n.minor)).toBe(true);
      expect(adults.map((n) => n.id)).toContain(shared.id);
      expect(minors).toEqual(all.filter((n) => n.minor));
      expect(adults).toEqual(all.filter((n) => !n.minor));
    });

    it('the reference filter finds exactly one visible record; an invisible one finds none', async () => {
      const found = ok(
        await hub.gql<SurvivorPage>(
          SURVIVORS(),
          { reference: shared.reference },
          { user: 'legal.caseworker' },
        ),
      ).survivors.edges.map((e) => e.node);
      expect(found).toEqual([{ id: shared.id, reference: shared.reference }]);
      const hidden = ok(
        await hub.gql<SurvivorPage>(
          SURVIVORS(),
          { reference: minorFlag.reference },
          { user: 'legal.caseworker' },
        ),
      ).survivors.edges;
      expect(hidden).toEqual([]);
      const before = await hub.watermark();
      const bad = await hub.gql(SURVIVORS(), { reference: 'S-lowercase1' }, { user: 'ngo.caseworker' });
      expectError(bad, 'BAD_USER_INPUT');
      await expectNothingWritten(hub, before);
    });

    it.each([1, 2, 3, 7])(
      'pagination (first: %i) visits every visible record exactly once, in order',
      async (first) => {
        const expected = await visibleIds(hub, {
          agencyId: HARBOR,
          purpose: 'SERVICE',
          lawEnforcement: false,
        });
        const { ids, pages } = await walkSurvivors(hub, 'ngo.caseworker', first);
        expect(ids).toEqual(expected);
        expect(pages).toBe(Math.max(1, Math.ceil(expected.length / first)));
      },
    );

    it('pagination with filters stays inside the filter', async () => {
      const { ids } = await walkSurvivors(hub, 'legal.caseworker', 1, { ownedOnly: true });
      const owned = await ownerQuery<{ id: string }>(
        hub,
        `SELECT id FROM survivor WHERE owner_agency_id = $1 ORDER BY created_at DESC, id DESC`,
        [SAFE_PASSAGE],
      );
      expect(ids).toEqual(owned.map((row) => row.id));
    });

    it.each([
      ['garbage', 'not a cursor!!'],
      ['a JSON array of the wrong shape', Buffer.from(JSON.stringify([1, 2, 3])).toString('base64url')],
      [
        'a well-formed cursor holding a non-time and a non-uuid',
        Buffer.from(JSON.stringify(['not-a-time', 'not-a-uuid'])).toString('base64url'),
      ],
      [
        'a well-formed cursor holding a time and a non-uuid',
        Buffer.from(JSON.stringify([new Date().toISOString(), 'x'])).toString('base64url'),
      ],
    ])('a bad cursor (%s) is BAD_USER_INPUT', async (_name, after) => {
      const before = await hub.watermark();
      const response = await hub.gql(SURVIVORS(), { first: 2, after }, { user: 'ngo.caseworker' });
      expectError(response, 'BAD_USER_INPUT');
      await expectNothingWritten(hub, before);
    });

    it.each([0, 101])('a page size of %i is BAD_USER_INPUT', async (first) => {
      const before = await hub.watermark();
      const response = await hub.gql(SURVIVORS(), { first }, { user: 'ngo.caseworker' });
      expect(JSON.stringify(expectError(response, 'BAD_USER_INPUT'))).toContain('first');
      await expectNothingWritten(hub, before);
    });

    it('records created within the same millisecond are neither skipped nor repeated between pages', async () => {
      // Concurrent intakes can commit with created_at values in the same millisecond (PostgreSQL
      // keeps microseconds). Simulated here as the schema owner.
      await hub.asOwner(async (ds) => {
        for (const [suffix, micros] of [
          ['SAMEMS0003', '300'],
          ['SAMEMS0002', '200'],
          ['SAMEMS0001', '100'],
        ]) {
          await ds.query(
            `INSERT INTO survivor (reference, owner_agency_id, created_by, created_at)
             VALUES ($1, $2, 'test', '2024-01-01T00:00:00.000${micros}Z')`,
            [`S-${suffix}`, HARBOR],
          );
        }
      });
      const expected = await visibleIds(hub, { agencyId: HARBOR, purpose: 'SERVICE', lawEnforcement: false });
      const { ids } = await walkSurvivors(hub, 'ngo.caseworker', 1);
      expect(ids).toEqual(expected);
    });
  });

  it('no audit event ever holds a personal value', async () => {
    expect(sentValues.length).toBeGreaterThan(50);
    const rows = await ownerQuery(hub, `SELECT * FROM audit_event`);
    expect(rows.length).toBeGreaterThan(10);
    const text = JSON.stringify(rows);
    expect(sentValues.filter((value) => text.includes(value))).toEqual([]);
  });
});
