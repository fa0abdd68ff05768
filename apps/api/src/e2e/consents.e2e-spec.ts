import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  bornYearsAgo,
  demoUser,
  expectNothingWritten,
  expectOnlyDenied,
  inputFields,
  TestHub,
} from '@hub/testing';
import { must } from './e2e-support';
import { startHub } from './hub';
import {
  auditSince,
  CONSENTS,
  ConsentNode,
  consentInput,
  createSurvivor,
  DAY,
  dbState,
  endConsent,
  expectError,
  expectRevocationHidden,
  HARBOR,
  NOTIFICATIONS,
  NotificationFeed,
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
} from './survivor-support';

const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const READ = SURVIVOR_BY_ID(
  'id reference givenName familyName dateOfBirth phone email address needs { need priority } situationSummary medicalNotes',
);
const SURVIVOR_IDS = SURVIVORS('id');

type Redaction = { path: (string | number)[]; reason: string };

describe('consents (e2e)', () => {
  let hub: TestHub;
  /** A HEALTH agency (the demo data has none): a second recipient that reads for SERVICE. */
  const clinic = randomUUID();

  beforeAll(async () => {
    hub = await startHub();
    await hub.asOwner((ds) =>
      ds.query(
        `INSERT INTO agency (id, name, type, jurisdiction, accepting_referrals)
         VALUES ($1, 'Bay County Community Clinic', 'HEALTH', 'Bay County', true)`,
        [clinic],
      ),
    );
  });
  afterAll(async () => {
    await hub.close();
  });

  /** A Harbor Light record with distinctive personal data. */
  async function survivor(extra: Record<string, unknown> = {}): Promise<SurvivorNode> {
    return createSurvivor(hub, 'ngo.caseworker', { ...personalData(tag()), ...extra });
  }

  async function consentsOf(survivorId: string, user: string) {
    return hub.gql<{ consents: ConsentNode[] }>(CONSENTS, { survivorId }, { user });
  }

  async function revoke(consentId: string, user: string, channel = 'IN_PERSON', reason?: string) {
    return hub.gql<{ revokeConsent: { consent: ConsentNode } }>(
      REVOKE_CONSENT,
      { input: { consentId, channel, reason } },
      { user },
    );
  }

  async function listIds(user: string): Promise<string[]> {
    const response = await hub.gql<SurvivorPage>(SURVIVOR_IDS, { first: 100 }, { user });
    return ok(response).survivors.edges.map((e) => e.node.id);
  }

  /** The caller sees the record nowhere: by id, in the list, nor its consents. */
  async function expectInvisible(survivorId: string, user: string): Promise<void> {
    const byId = await hub.gql(READ, { id: survivorId }, { user });
    expect(expectError(byId, 'NOT_FOUND').message).toBe(`Survivor ${survivorId} not found`);
    expect(await listIds(user)).not.toContain(survivorId);
    expectError(await consentsOf(survivorId, user), 'NOT_FOUND');
  }

  describe('recordConsent', () => {
    it('records the consent, one grant per recipient, its audit event and notifications in one transaction', async () => {
      const data = personalData(tag());
      const person = await createSurvivor(hub, 'ngo.caseworker', data);
      const input = consentInput(person.id, {
        recipientAgencyIds: [SAFE_PASSAGE, clinic],
        dataClasses: ['IDENTITY', 'CONTACT'],
        validFrom: inDays(-1),
        validUntil: inDays(45),
      });
      const before = await dbState(hub);

      const consent = await recordConsent(hub, 'ngo.caseworker', input);

      expect(consent).toMatchObject({
        survivorId: person.id,
        ownerAgencyId: HARBOR,
        status: 'ACTIVE',
        recipientAgencyIds: [SAFE_PASSAGE, clinic],
        purposes: ['SERVICE'],
        dataClasses: ['IDENTITY', 'CONTACT'],
        validFrom: input.validFrom,
        validUntil: input.validUntil,
        grantor: { type: 'SELF', name: null, relationship: null, notSuspectedAttested: false },
        obtainedHow: 'WRITTEN',
        language: 'es',
        interpreterUsed: true,
        interpreterName: 'Certified interpreter #42',
        acknowledgements: { rightToRevoke: true, notConditionOfService: true, redisclosureRisk: true },
        documentReference: 'DMS-2026-0042',
        recordedBy: demoUser('ngo.caseworker').sub,
        revocation: null,
      });

      const after = await dbState(hub);
      const fresh = <T extends Record<string, unknown>>(rows: T[], old: T[], key = 'id') =>
        rows.filter((row) => !old.some((o) => o[key] === row[key]));
      const consents = fresh(after.consents, before.consents);
      const grants = fresh(after.grants, before.grants);
      const notifications = fresh(after.notifications, before.notifications);
      const outbox = fresh(after.outbox, before.outbox);
      expect(consents).toHaveLength(1);
      expect(consents[0]).toMatchObject({ id: consent.id, survivor_id: person.id, owner_agency_id: HARBOR });
      expect(
        grants.map((g) => ({
          consent_id: g.consent_id,
          survivor_id: g.survivor_id,
          agency_id: g.agency_id,
          data_classes: g.data_classes,
          purposes: g.purposes,
          valid_from: g.valid_from,
          valid_until: g.valid_until,
          revoked_at: g.revoked_at,
        })),
      ).toEqual(
        expect.arrayContaining(
          [SAFE_PASSAGE, clinic].map((agencyId) => ({
            consent_id: consent.id,
            survivor_id: person.id,
            agency_id: agencyId,
            data_classes: ['IDENTITY', 'CONTACT'],
            purposes: ['SERVICE'],
            valid_from: new Date(input.validFrom as string),
            valid_until: new Date(input.validUntil),
            revoked_at: null,
          })),
        ),
      );
      expect(grants).toHaveLength(2);
      expect(after.survivors).toEqual(before.survivors);
      expect(after.revocations).toEqual(before.revocations);

      const audit = await auditSince(hub, before);
      expect(audit.map(({ id: _id, xmin: _xmin, ...row }) => row)).toEqual([
        {
          actor_user_id: demoUser('ngo.caseworker').sub,
          actor_agency_id: HARBOR,
          action: 'RECORD_CONSENT',
          subject_type: 'Consent',
          subject_id: consent.id,
          fields: [],
          purpose: 'SERVICE',
          decision: 'ALLOWED',
          reason: null,
        },
      ]);

      expect(notifications.map((n) => n.agency_id).sort()).toEqual([SAFE_PASSAGE, clinic].sort());
      for (const n of notifications) {
        expect(n).toMatchObject({
          event_type: 'CONSENT_RECORDED',
          subject_type: 'Survivor',
          subject_id: person.id,
        });
        expect(n.message).toContain(person.reference);
      }
      expect(outbox).toHaveLength(2);

      // All of it in one transaction.
      const xmins = new Set([consents, grants, notifications, outbox, audit].flat().map((row) => row.xmin));
      expect(xmins.size).toBe(1);

      // Never a personal value in what was told or audited.
      const told = JSON.stringify([notifications, outbox, audit]);
      expect(personalStrings(data).filter((value) => told.includes(value))).toEqual([]);

      // The recipient's feed.
      const feed = ok(await hub.gql<NotificationFeed>(NOTIFICATIONS, {}, { user: 'legal.caseworker' }));
      const mine = feed.notifications.edges.map((e) => e.node).filter((n) => n.subjectId === person.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ eventType: 'CONSENT_RECORDED', subjectType: 'Survivor' });
      expect(mine[0].message).toContain(person.reference);
      expect(mine[0].message).not.toContain(data.givenName);
      expect(mine[0].message).not.toContain(data.familyName);
      // The owner is not told of its own consent.
      const ownerFeed = ok(await hub.gql<NotificationFeed>(NOTIFICATIONS, {}, { user: 'ngo.caseworker' }));
      expect(ownerFeed.notifications.edges.filter((e) => e.node.subjectId === person.id)).toEqual([]);
    });

    it('a consent whose period starts later is PENDING and grants nothing yet', async () => {
      const person = await survivor();
      const consent = await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, { validFrom: inDays(2), validUntil: inDays(30) }),
      );
      expect(consent.status).toBe('PENDING');
      await expectInvisible(person.id, 'legal.caseworker');
    });

    it('consents(survivorId): the owner and a live recipient list it; an unrelated agency gets NOT_FOUND', async () => {
      const person = await survivor();
      const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(person.id));

      const forOwner = ok(await consentsOf(person.id, 'ngo.caseworker')).consents;
      expect(forOwner.map((c) => [c.id, c.status])).toEqual([[consent.id, 'ACTIVE']]);
      expect(forOwner[0]).toEqual(consent);
      const forRecipient = ok(await consentsOf(person.id, 'legal.caseworker')).consents;
      expect(forRecipient.map((c) => [c.id, c.status])).toEqual([[consent.id, 'ACTIVE']]);

      for (const user of ['pd.investigator', 'fed.liaison', 'tf.auditor']) {
        const response = await consentsOf(person.id, user);
        expect(expectError(response, 'NOT_FOUND').message).toBe(`Survivor ${person.id} not found`);
      }
      expectError(await consentsOf('nope', 'ngo.caseworker'), 'BAD_USER_INPUT');
      expectError(await consentsOf(randomUUID(), 'ngo.caseworker'), 'NOT_FOUND');
    });
  });

  describe('recordConsent bad input: BAD_USER_INPUT, nothing written', () => {
    let adult: SurvivorNode;
    let flaggedMinor: SurvivorNode;
    let youngByBirth: SurvivorNode;
    const parent = { type: 'PARENT', name: 'Rosa', relationship: 'mother', notSuspectedAttestation: true };

    beforeAll(async () => {
      adult = await survivor();
      flaggedMinor = await survivor({ minor: true, dateOfBirth: null });
      youngByBirth = await survivor({ dateOfBirth: bornYearsAgo(15) });
      expect(flaggedMinor.minor).toBe(true);
      expect(youngByBirth.minor).toBe(true);
      expect(adult.minor).toBe(false);
    });

    type Case = [string, string, () => Record<string, unknown>];
    const cases: Case[] = [
      ['validUntil in the past', 'validUntil', () => consentInput(adult.id, { validUntil: inDays(-1) })],
      [
        'validUntil past the 90-day cap',
        'validUntil',
        () => consentInput(adult.id, { validUntil: inDays(91) }),
      ],
      [
        'validFrom after validUntil',
        'validUntil',
        () => consentInput(adult.id, { validFrom: inDays(10), validUntil: inDays(5) }),
      ],
      [
        'validFrom more than 30 days back',
        'validFrom',
        () => consentInput(adult.id, { validFrom: inDays(-31), validUntil: inDays(30) }),
      ],
      ['no recipients', 'recipientAgencyIds', () => consentInput(adult.id, { recipientAgencyIds: [] })],
      [
        'an unknown recipient agency',
        'recipientAgencyIds',
        () => consentInput(adult.id, { recipientAgencyIds: [SAFE_PASSAGE, randomUUID()] }),
      ],
      [
        'a non-uuid recipient',
        'recipientAgencyIds',
        () => consentInput(adult.id, { recipientAgencyIds: ['abc'] }),
      ],
      [
        'the owning agency as recipient',
        'recipientAgencyIds',
        () => consentInput(adult.id, { recipientAgencyIds: [HARBOR] }),
      ],
      ['no purposes', 'purposes', () => consentInput(adult.id, { purposes: [] })],
      ['no data classes', 'dataClasses', () => consentInput(adult.id, { dataClasses: [] })],
      [
        'an unknown data class',
        'dataClasses[1]',
        () => consentInput(adult.id, { dataClasses: ['IDENTITY', 'SECRETS'] }),
      ],
      ["a flagged minor's consent granted by SELF", 'grantor.type', () => consentInput(flaggedMinor.id)],
      ["a minor-by-birth's consent granted by SELF", 'grantor.type', () => consentInput(youngByBirth.id)],
      [
        "a minor's consent by PARENT without the attestation",
        'grantor.notSuspectedAttestation',
        () => consentInput(flaggedMinor.id, { grantor: { ...parent, notSuspectedAttestation: undefined } }),
      ],
      [
        "a minor's consent by PARENT attesting false",
        'grantor.notSuspectedAttestation',
        () => consentInput(youngByBirth.id, { grantor: { ...parent, notSuspectedAttestation: false } }),
      ],
      [
        "a minor's consent by PARENT without relationship",
        'grantor.relationship',
        () => consentInput(youngByBirth.id, { grantor: { ...parent, relationship: undefined } }),
      ],
      ...(['rightToRevoke', 'notConditionOfService', 'redisclosureRisk'] as const).map(
        (ack): Case => [
          `acknowledgement ${ack} false`,
          `acknowledgements.${ack}`,
          () =>
            consentInput(adult.id, {
              acknowledgements: {
                rightToRevoke: true,
                notConditionOfService: true,
                redisclosureRisk: true,
                [ack]: false,
              },
            }),
        ],
      ),
      [
        'a documentReference of 201 characters',
        'documentReference',
        () => consentInput(adult.id, { documentReference: 'D'.repeat(201) }),
      ],
      ['validUntil "not a date"', 'validUntil', () => consentInput(adult.id, { validUntil: 'not a date' })],
      [
        'validUntil on 30 February',
        'validUntil',
        () => consentInput(adult.id, { validUntil: '2027-02-30T00:00:00Z' }),
      ],
      ['language "english"', 'language', () => consentInput(adult.id, { language: 'english' })],
      ['language "zz"', 'language', () => consentInput(adult.id, { language: 'zz' })],
      ['a non-uuid survivorId', 'survivorId', () => consentInput('nope')],
    ];

    it.each(cases)('%s', async (_name, hint, input) => {
      const before = await hub.watermark();
      const response = await hub.gql(RECORD_CONSENT, { input: input() }, { user: 'ngo.caseworker' });
      const error = expectError(response, 'BAD_USER_INPUT');
      expect(inputFields(error)).toContain(hint);
      await expectNothingWritten(hub, before);
    });

    it("a minor's consent by a PARENT with relationship and attestation is accepted (the cases above are not refused for another reason)", async () => {
      const consent = await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(youngByBirth.id, { grantor: parent }),
      );
      expect(consent).toMatchObject({
        status: 'ACTIVE',
        grantor: { type: 'PARENT', name: 'Rosa', relationship: 'mother', notSuspectedAttested: true },
      });
    });
  });

  describe('recordConsent refusals', () => {
    let person: SurvivorNode;
    beforeAll(async () => {
      person = await survivor();
      // Safe Passage and the clinic both hold a live grant.
      await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, { recipientAgencyIds: [SAFE_PASSAGE, clinic] }),
      );
    });

    it.each(['legal.caseworker', 'legal.lead'])(
      '%s, who sees the record through a grant, is FORBIDDEN and only a DENIED event is written',
      async (user) => {
        ok(await hub.gql(READ, { id: person.id }, { user }));
        const before = await hub.watermark();
        const response = await hub.gql(
          RECORD_CONSENT,
          { input: consentInput(person.id, { recipientAgencyIds: [POLICE], purposes: ['INVESTIGATION'] }) },
          { user },
        );
        expectError(response, 'FORBIDDEN');
        await expectOnlyDenied(hub, before, {
          user,
          action: 'RECORD_CONSENT',
          subjectType: 'Survivor',
          subjectId: person.id,
        });
      },
    );

    it.each(['pd.investigator', 'pd.supervisor'])(
      '%s, who cannot see the record, gets NOT_FOUND and nothing is written',
      async (user) => {
        const before = await hub.watermark();
        const response = await hub.gql(
          RECORD_CONSENT,
          { input: consentInput(person.id, { recipientAgencyIds: [SAFE_PASSAGE] }) },
          { user },
        );
        expect(expectError(response, 'NOT_FOUND').message).toBe(`Survivor ${person.id} not found`);
        await expectOnlyDenied(hub, before, {
          user,
          action: 'RECORD_CONSENT',
          subjectType: 'Survivor',
          subjectId: person.id,
          reason: 'NOT_FOUND',
        });
      },
    );

    it('fed.liaison gets NOT_FOUND, not FORBIDDEN: without a survivor-staff role no record exists for them, even with a live grant to their agency', async () => {
      // policy.ts defineSurvivorRules gives no Survivor rule to a caller without caseworker,
      // supervisor or investigator, so SurvivorRepository.findVisible's WHERE is FALSE, and
      // ConsentRecordingService.record answers NOT_FOUND before it asks whether the caller may create.
      const before = await hub.watermark();
      const response = await hub.gql(
        RECORD_CONSENT,
        { input: consentInput(person.id, { recipientAgencyIds: [SAFE_PASSAGE] }) },
        { user: 'fed.liaison' },
      );
      expect(expectError(response, 'NOT_FOUND').message).toBe(`Survivor ${person.id} not found`);
      await expectOnlyDenied(hub, before, {
        user: 'fed.liaison',
        action: 'RECORD_CONSENT',
        subjectType: 'Survivor',
        subjectId: person.id,
        reason: 'NOT_FOUND',
      });
      await expectInvisible(person.id, 'fed.liaison');
    });
  });

  describe('revokeConsent', () => {
    it('by the owner: REVOKED with channel and reason, every grant cut in the same transaction, audited', async () => {
      const person = await survivor();
      const other = await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, { dataClasses: ['NEEDS'] }),
      );
      const consent = await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, { recipientAgencyIds: [SAFE_PASSAGE, clinic] }),
      );
      const before = await dbState(hub);

      const response = await revoke(consent.id, 'ngo.lead', 'PHONE', '  Survivor called the hotline  ');
      const revoked = ok(response).revokeConsent.consent;
      expect(revoked).toMatchObject({
        id: consent.id,
        status: 'REVOKED',
        revocation: {
          revokedBy: demoUser('ngo.lead').sub,
          revokedByAgencyId: HARBOR,
          channel: 'PHONE',
          reason: 'Survivor called the hotline',
        },
      });

      const after = await dbState(hub);
      const revocations = after.revocations.filter((r) => r.consent_id === consent.id);
      expect(revocations).toHaveLength(1);
      expect(revocations[0]).toMatchObject({
        revoked_by: demoUser('ngo.lead').sub,
        revoked_by_agency_id: HARBOR,
        channel: 'PHONE',
        reason: 'Survivor called the hotline',
      });
      const revokedAt = revocations[0].revoked_at as Date;
      expect(new Date(must(revoked.revocation).revokedAt)).toEqual(revokedAt);
      const grants = after.grants.filter((g) => g.consent_id === consent.id);
      expect(grants).toHaveLength(2);
      for (const grant of grants) expect(grant.revoked_at).toEqual(revokedAt);
      // Only this consent's grants changed.
      expect(after.grants.filter((g) => g.consent_id !== consent.id)).toEqual(
        before.grants.filter((g) => g.consent_id !== consent.id),
      );
      expect(after.grants.find((g) => g.consent_id === other.id)?.revoked_at).toBeNull();
      expect(after.consents).toEqual(before.consents);
      expect(after.survivors).toEqual(before.survivors);
      // The owner revoked: nobody else is told.
      expect(after.notifications).toEqual(before.notifications);
      expect(after.outbox).toEqual(before.outbox);

      const audit = await auditSince(hub, before);
      expect(audit.map(({ id: _id, xmin: _xmin, ...row }) => row)).toEqual([
        {
          actor_user_id: demoUser('ngo.lead').sub,
          actor_agency_id: HARBOR,
          action: 'REVOKE_CONSENT',
          subject_type: 'Consent',
          subject_id: consent.id,
          fields: [],
          purpose: 'SERVICE',
          decision: 'ALLOWED',
          reason: null,
        },
      ]);
      expect(new Set([...revocations, ...grants, ...audit].map((row) => row.xmin)).size).toBe(1);

      // The owner's list shows it revoked; the other consent stays active.
      const listed = ok(await consentsOf(person.id, 'ngo.caseworker')).consents;
      expect(listed.map((c) => [c.id, c.status])).toEqual(
        expect.arrayContaining([
          [consent.id, 'REVOKED'],
          [other.id, 'ACTIVE'],
        ]),
      );

      // A second revocation is a CONFLICT and changes nothing.
      const again = await hub.watermark();
      expectError(await revoke(consent.id, 'ngo.caseworker', 'WRITTEN', 'again'), 'CONFLICT');
      await expectNothingWritten(hub, again);
    });

    it('by the recipient agency holding a live grant: allowed, and the owner is notified without personal data', async () => {
      const data = personalData(tag());
      const person = await createSurvivor(hub, 'ngo.caseworker', data);
      const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(person.id));
      const before = await dbState(hub);

      const revoked = ok(
        await revoke(consent.id, 'legal.caseworker', 'IN_PERSON', 'Asked at the legal clinic'),
      ).revokeConsent.consent;
      expect(revoked).toMatchObject({
        status: 'REVOKED',
        revocation: {
          revokedBy: demoUser('legal.caseworker').sub,
          revokedByAgencyId: SAFE_PASSAGE,
          channel: 'IN_PERSON',
          reason: 'Asked at the legal clinic',
        },
      });

      const after = await dbState(hub);
      const notifications = after.notifications.filter(
        (n) => !before.notifications.some((o) => o.id === n.id),
      );
      expect(notifications.map((n) => [n.agency_id, n.event_type, n.subject_type, n.subject_id])).toEqual([
        [HARBOR, 'CONSENT_REVOKED', 'Survivor', person.id],
      ]);
      expect(after.outbox.length - before.outbox.length).toBe(1);
      const grant = after.grants.find((g) => g.consent_id === consent.id);
      expect(grant?.revoked_at).toBeInstanceOf(Date);
      const audit = await auditSince(hub, before);
      expect(audit.map((row) => [row.action, row.decision, row.actor_agency_id, row.subject_id])).toEqual([
        ['REVOKE_CONSENT', 'ALLOWED', SAFE_PASSAGE, consent.id],
      ]);
      expect(new Set([notifications[0].xmin, grant?.xmin, audit[0].xmin]).size).toBe(1);

      const feed = ok(await hub.gql<NotificationFeed>(NOTIFICATIONS, {}, { user: 'ngo.lead' }));
      const told = feed.notifications.edges
        .map((e) => e.node)
        .filter((n) => n.eventType === 'CONSENT_REVOKED');
      expect(told.map((n) => n.subjectId)).toContain(person.id);
      const text = JSON.stringify(told);
      expect(personalStrings(data).filter((value) => text.includes(value))).toEqual([]);

      // The former recipient no longer holds a live grant: the consent does not exist for it.
      const again = await hub.watermark();
      expectError(await revoke(consent.id, 'legal.caseworker'), 'NOT_FOUND');
      await expectOnlyDenied(hub, again, {
        user: 'legal.caseworker',
        action: 'REVOKE_CONSENT',
        subjectType: 'Consent',
        subjectId: consent.id,
        reason: 'NOT_FOUND',
      });
    });

    describe('refused or bad, nothing written', () => {
      let consent: ConsentNode;
      beforeAll(async () => {
        const person = await survivor();
        consent = await recordConsent(hub, 'ngo.caseworker', consentInput(person.id));
      });

      it.each(['pd.investigator', 'pd.supervisor', 'fed.liaison', 'tf.coordinator'])(
        '%s (no grant from it) gets NOT_FOUND',
        async (user) => {
          const error = await expectRevocationHidden(hub, user, consent.id);
          expect(error.message).toBe(`Consent ${consent.id} not found`);
        },
      );

      it.each([
        ['an unknown channel', () => ({ consentId: consent.id, channel: 'CARRIER_PIGEON' }), 'channel'],
        ['a non-uuid id', () => ({ consentId: 'nope', channel: 'PHONE' }), 'consentId'],
        [
          'a reason of 1001 characters',
          () => ({ consentId: consent.id, channel: 'PHONE', reason: 'r'.repeat(1001) }),
          'reason',
        ],
      ])('%s is BAD_USER_INPUT', async (_name, input, hint) => {
        const before = await hub.watermark();
        const response = await hub.gql(REVOKE_CONSENT, { input: input() }, { user: 'ngo.caseworker' });
        expect(inputFields(expectError(response, 'BAD_USER_INPUT'))).toContain(hint);
        await expectNothingWritten(hub, before);
      });

      it('a random uuid is NOT_FOUND', async () => {
        const before = await hub.watermark();
        const missing = randomUUID();
        expectError(await revoke(missing, 'ngo.caseworker'), 'NOT_FOUND');
        await expectOnlyDenied(hub, before, {
          user: 'ngo.caseworker',
          action: 'REVOKE_CONSENT',
          subjectType: 'Consent',
          subjectId: missing,
          reason: 'NOT_FOUND',
        });
        // The consent is still in force.
        expect(ok(await consentsOf(consent.survivorId, 'ngo.caseworker')).consents[0].status).toBe('ACTIVE');
      });
    });
  });

  describe('revokeConsent on a consent that has ended: accepted, as the survivor’s “no” to the agencies it named', () => {
    // It grants nothing any more, but break-glass reads every revoked consent of the survivor
    // (ended or not) as a refusal of the agencies it names: this is how that "no" is recorded.
    let person: SurvivorNode;
    let consent: ConsentNode;
    beforeAll(async () => {
      person = await survivor();
      consent = await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, { recipientAgencyIds: [SAFE_PASSAGE, clinic] }),
      );
      await endConsent(hub, consent.id);
    });

    it.each(['legal.caseworker', 'legal.lead', 'pd.investigator', 'tf.coordinator'])(
      '%s (a former recipient, or never one) gets NOT_FOUND; only the refusal is written',
      async (user) => {
        await expectRevocationHidden(hub, user, consent.id);
      },
    );

    it.each([
      ['an unknown channel', () => ({ consentId: consent.id, channel: 'CARRIER_PIGEON' }), 'channel'],
      [
        'a reason of 1001 characters',
        () => ({ consentId: consent.id, channel: 'PHONE', reason: 'r'.repeat(1001) }),
        'reason',
      ],
    ])('%s is BAD_USER_INPUT, nothing written', async (_name, input, hint) => {
      const before = await hub.watermark();
      const response = await hub.gql(REVOKE_CONSENT, { input: input() }, { user: 'ngo.caseworker' });
      expect(inputFields(expectError(response, 'BAD_USER_INPUT'))).toContain(hint);
      await expectNothingWritten(hub, before);
    });

    it('the owner’s caseworker revokes it: REVOKED, one revocation row, its grants marked, audited; a second is CONFLICT', async () => {
      expect(ok(await consentsOf(person.id, 'ngo.caseworker')).consents.map((c) => c.status)).toEqual([
        'EXPIRED',
      ]);
      const before = await dbState(hub);
      const revoked = ok(await revoke(consent.id, 'ngo.caseworker', 'WRITTEN', 'No more contact with them'))
        .revokeConsent.consent;
      expect(revoked).toMatchObject({
        id: consent.id,
        status: 'REVOKED',
        revocation: { revokedByAgencyId: HARBOR, channel: 'WRITTEN', reason: 'No more contact with them' },
      });
      const after = await dbState(hub);
      const revocations = after.revocations.filter((r) => r.consent_id === consent.id);
      expect(revocations.map((r) => [r.revoked_by, r.channel])).toEqual([
        [demoUser('ngo.caseworker').sub, 'WRITTEN'],
      ]);
      const grants = after.grants.filter((g) => g.consent_id === consent.id);
      expect(grants.map((g) => g.revoked_at)).toEqual([revocations[0].revoked_at, revocations[0].revoked_at]);
      expect(after.consents).toEqual(before.consents);
      expect(
        (await auditSince(hub, before)).map((row) => [row.action, row.decision, row.subject_id]),
      ).toEqual([['REVOKE_CONSENT', 'ALLOWED', consent.id]]);

      const again = await hub.watermark();
      expectError(await revoke(consent.id, 'ngo.lead', 'PHONE'), 'CONFLICT');
      await expectNothingWritten(hub, again);
    });
  });

  describe('revocation and expiry take effect at once, on every path', () => {
    it('after a revocation the former recipient sees nothing: by id, in the list, nor the consents', async () => {
      const person = await survivor();
      const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(person.id));
      // Before: visible everywhere.
      expect(
        ok(await hub.gql<{ survivor: SurvivorNode }>(READ, { id: person.id }, { user: 'legal.caseworker' }))
          .survivor.id,
      ).toBe(person.id);
      expect(await listIds('legal.caseworker')).toContain(person.id);
      expect(ok(await consentsOf(person.id, 'legal.caseworker')).consents.map((c) => c.id)).toEqual([
        consent.id,
      ]);

      ok(await revoke(consent.id, 'ngo.caseworker', 'WRITTEN'));

      await expectInvisible(person.id, 'legal.caseworker');
      await expectInvisible(person.id, 'legal.lead');
      // The owner still sees everything.
      expect(
        ok(await hub.gql<{ survivor: SurvivorNode }>(READ, { id: person.id }, { user: 'ngo.caseworker' }))
          .survivor.givenName,
      ).toBe(person.givenName);
    });

    it('expiry: once a grant is past its period the recipient loses access at once; the consent reads EXPIRED', async () => {
      const person = await survivor();
      const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(person.id));
      expect(await listIds('legal.caseworker')).toContain(person.id);

      // Time passes (the API computes liveness when it reads).
      await ownerQuery(
        hub,
        `UPDATE consent_grant SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 second'
          WHERE consent_id = $1`,
        [consent.id],
      );
      await expectInvisible(person.id, 'legal.caseworker');
      // The recipient cannot revoke what it no longer holds.
      expectError(await revoke(consent.id, 'legal.caseworker'), 'NOT_FOUND');

      // The consent row is immutable for the API role; the owner moves it too, to see the status.
      await ownerQuery(
        hub,
        `UPDATE consent SET valid_from = now() - interval '2 days', valid_until = now() - interval '1 second'
          WHERE id = $1`,
        [consent.id],
      );
      const listed = ok(await consentsOf(person.id, 'ngo.caseworker')).consents;
      expect(listed.map((c) => [c.id, c.status])).toEqual([[consent.id, 'EXPIRED']]);
    });

    it('the API role can neither change nor delete a recorded consent', async () => {
      const person = await survivor();
      const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(person.id));
      const api = new DataSource({ type: 'postgres', url: hub.db.apiUrl });
      await api.initialize();
      try {
        await expect(
          api.query(`UPDATE consent SET valid_until = now() + interval '1 year' WHERE id = $1`, [consent.id]),
        ).rejects.toThrow(/permission denied/);
        await expect(
          api.query(`DELETE FROM consent_grant WHERE consent_id = $1`, [consent.id]),
        ).rejects.toThrow(/permission denied/);
        await expect(api.query(`DELETE FROM consent_revocation`)).rejects.toThrow(/permission denied/);
      } finally {
        await api.destroy();
      }
    });
  });

  describe('what a recipient sees', () => {
    it('two consents to one recipient: the union of live classes; revoke one and only the other remains', async () => {
      const person = await survivor();
      const identity = await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, { dataClasses: ['IDENTITY'] }),
      );
      const contact = await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, { dataClasses: ['CONTACT', 'HEALTH'] }),
      );

      const both = await hub.gql<{ survivor: SurvivorNode }>(
        READ,
        { id: person.id },
        { user: 'legal.caseworker' },
      );
      expect(ok(both).survivor).toEqual({
        id: person.id,
        reference: person.reference,
        givenName: person.givenName,
        familyName: person.familyName,
        dateOfBirth: person.dateOfBirth,
        phone: person.phone,
        email: person.email,
        address: person.address,
        needs: null,
        situationSummary: null,
        medicalNotes: person.medicalNotes,
      });
      expect(redactionsOf(both.body.extensions)).toEqual({
        paths: ['survivor.needs', 'survivor.situationSummary'],
        reasons: ['NOT_PERMITTED'],
      });

      // The disclosure is audited with exactly the fields that left, for the reader's purpose.
      const before = await hub.watermark();
      ok(
        await hub.gql(
          SURVIVOR_BY_ID('givenName phone needs { need } caseNotes'),
          { id: person.id },
          { user: 'legal.caseworker' },
        ),
      );
      const audit = await auditSince(hub, before);
      expect(
        audit.map((row) => [row.action, row.actor_agency_id, row.purpose, [...row.fields].sort()]),
      ).toEqual([['READ_SURVIVOR', SAFE_PASSAGE, 'SERVICE', ['givenName', 'phone']]]);

      ok(await revoke(identity.id, 'ngo.caseworker', 'PHONE'));

      const one = await hub.gql<{ survivor: SurvivorNode }>(
        READ,
        { id: person.id },
        { user: 'legal.caseworker' },
      );
      expect(ok(one).survivor).toEqual({
        id: person.id,
        reference: person.reference,
        givenName: null,
        familyName: null,
        dateOfBirth: null,
        phone: person.phone,
        email: person.email,
        address: person.address,
        needs: null,
        situationSummary: null,
        medicalNotes: person.medicalNotes,
      });
      expect(redactionsOf(one.body.extensions)).toEqual({
        paths: [
          'survivor.dateOfBirth',
          'survivor.familyName',
          'survivor.givenName',
          'survivor.needs',
          'survivor.situationSummary',
        ],
        reasons: ['NOT_PERMITTED'],
      });
      // In the list too.
      const listed = await hub.gql<SurvivorPage>(
        SURVIVORS('id givenName phone'),
        { reference: person.reference },
        { user: 'legal.caseworker' },
      );
      expect(ok(listed).survivors.edges.map((e) => e.node)).toEqual([
        { id: person.id, givenName: null, phone: person.phone },
      ]);
      expect(redactionsOf(listed.body.extensions)).toEqual({
        paths: ['survivors.edges.0.node.givenName'],
        reasons: ['NOT_PERMITTED'],
      });
      // The recipient lists only the consent it still holds.
      expect(ok(await consentsOf(person.id, 'legal.caseworker')).consents.map((c) => c.id)).toEqual([
        contact.id,
      ]);
    });

    it('a SERVICE consent to legal aid lets the police see nothing', async () => {
      const person = await survivor();
      await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, {
          dataClasses: ['IDENTITY', 'CONTACT', 'NEEDS', 'NARRATIVE', 'IMMIGRATION', 'HEALTH'],
        }),
      );
      expect(await listIds('legal.caseworker')).toContain(person.id);
      await expectInvisible(person.id, 'pd.investigator');
      await expectInvisible(person.id, 'pd.supervisor');
    });

    it('a consent naming the police for SERVICE only is refused (purpose mismatch): they could never read it', async () => {
      const person = await survivor();
      const before = await hub.watermark();
      const response = await hub.gql(
        RECORD_CONSENT,
        {
          input: consentInput(person.id, {
            recipientAgencyIds: [SAFE_PASSAGE, POLICE],
            purposes: ['SERVICE'],
            dataClasses: ['IDENTITY', 'CONTACT', 'NEEDS', 'NARRATIVE', 'IMMIGRATION', 'HEALTH'],
          }),
        },
        { user: 'ngo.caseworker' },
      );
      const error = expectError(response, 'BAD_USER_INPUT');
      expect(error.extensions?.problems).toEqual([
        expect.objectContaining({ field: 'recipientAgencyIds[1]', reason: 'RECIPIENT_CANNOT_READ' }),
      ]);
      await expectNothingWritten(hub, before);
      await expectInvisible(person.id, 'pd.investigator');
      await expectInvisible(person.id, 'pd.supervisor');
    });

    it('the same consent for INVESTIGATION does let the police see the granted classes of an adult', async () => {
      const person = await survivor();
      await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(person.id, {
          recipientAgencyIds: [POLICE],
          purposes: ['INVESTIGATION'],
          dataClasses: ['NARRATIVE'],
        }),
      );
      const seen = await hub.gql<{ survivor: SurvivorNode }>(
        READ,
        { id: person.id },
        { user: 'pd.investigator' },
      );
      expect(ok(seen).survivor).toMatchObject({
        id: person.id,
        givenName: null,
        phone: null,
        situationSummary: person.situationSummary,
        medicalNotes: null,
      });
      expect(await listIds('pd.supervisor')).toContain(person.id);
    });
  });
});

function redactionsOf(extensions: Record<string, unknown> | undefined): {
  paths: string[];
  reasons: string[];
} {
  const redactions = (extensions?.redactions ?? []) as Redaction[];
  return {
    paths: redactions.map((r) => r.path.join('.')).sort(),
    reasons: [...new Set(redactions.map((r) => r.reason))],
  };
}
