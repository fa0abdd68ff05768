import { randomUUID } from 'node:crypto';
import { DEMO_TASK_FORCE } from '@hub/demo-data';
import { bornYearsAgo, demoUser, expectNothingWritten, expectOnlyDenied, type TestHub } from '@hub/testing';
import { startHub } from './hub';
import {
  auditContent,
  auditSince,
  changes,
  CREATE_CHILD_SAFETY,
  FEDERAL,
  HARBOR,
  move,
  NO_CHANGE,
  POLICE,
  REFERRAL_BY_ID,
  ReferralNode,
  Row,
  SAFE_PASSAGE,
  snapshot,
} from './referrals-lifecycle-support';
import {
  consentInput,
  createSurvivor,
  DAY,
  expectError,
  NOTIFICATIONS,
  NotificationFeed,
  ok,
  personalData,
  personalStrings,
  recordConsent,
  SURVIVOR_BY_ID,
  SURVIVOR_SELECTION,
  SURVIVORS,
  SurvivorNode,
  SurvivorPage,
  tag,
} from './survivor-support';

/** The classes a child-safety referral grants, field by field (DESIGN.md §3). */
const GRANTED_FIELDS = [
  // IDENTITY
  'givenName',
  'familyName',
  'aliases',
  'dateOfBirth',
  'gender',
  // CONTACT
  'phone',
  'email',
  'address',
  'safeContact',
  // NARRATIVE
  'situationSummary',
  'caseNotes',
];
/** NEEDS, IMMIGRATION and HEALTH: never granted by a child-safety referral. */
const WITHHELD_FIELDS = [
  'needs',
  'preferredLanguage',
  'interpreterNeeded',
  'immigrationStatus',
  'immigrationDocuments',
  'medicalNotes',
  'mentalHealthNotes',
  'substanceUseNotes',
];
const OUTSIDERS = [
  'legal.caseworker',
  'legal.lead',
  'fed.liaison',
  'ta.provider',
  'tf.coordinator',
  'tf.auditor',
];

type Redaction = { path: (string | number)[]; reason: string };

describe('child-safety referrals (e2e)', () => {
  let hub: TestHub;
  let childWelfare: string;

  beforeAll(async () => {
    hub = await startHub();
    // A child-welfare agency of the task force (the demo data has none).
    childWelfare = randomUUID();
    await hub.asOwner(async (ds) => {
      await ds.query(
        `INSERT INTO agency (id, name, type, jurisdiction, accepting_referrals)
         VALUES ($1, 'Bay County Child Protective Services', 'CHILD_WELFARE', 'Bay County', true)`,
        [childWelfare],
      );
      await ds.query(
        `INSERT INTO task_force_membership (task_force_id, agency_id, role) VALUES ($1, $2, 'MEMBER')`,
        [DEMO_TASK_FORCE.id, childWelfare],
      );
    });
  });
  afterAll(async () => {
    await hub.close();
  });

  /** A Harbor Light minor (flagged) with distinctive personal data in every class. */
  async function minor(
    extra: Record<string, unknown> = { minor: true },
    user = 'ngo.caseworker',
  ): Promise<{ survivor: SurvivorNode; data: ReturnType<typeof personalData> }> {
    const data = personalData(tag());
    const survivor = await createSurvivor(hub, user, { ...data, ...extra });
    return { survivor, data };
  }

  function input(survivorId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      survivorId,
      toAgencyId: POLICE,
      legalBasis: 'State mandated-reporter statute § 11166',
      reason: 'Disclosure of commercial sexual exploitation by a third party',
      ...overrides,
    };
  }

  function report(user: string, payload: Record<string, unknown>) {
    return hub.gql<{ createChildSafetyReferral: { referral: ReferralNode } }>(
      CREATE_CHILD_SAFETY,
      { input: payload },
      { user },
    );
  }

  async function reportOk(payload: Record<string, unknown>, user = 'ngo.lead'): Promise<ReferralNode> {
    return ok(await report(user, payload)).createChildSafetyReferral.referral;
  }

  const readSurvivor = (id: string, user: string) =>
    hub.gql<{ survivor: SurvivorNode }>(SURVIVOR_BY_ID(), { id }, { user });

  async function listedFor(user: string, id: string): Promise<boolean> {
    const page = ok(await hub.gql<SurvivorPage>(SURVIVORS('id'), { first: 100 }, { user })).survivors;
    return page.edges.some((edge) => edge.node.id === id);
  }

  /** What the owner sees: every personal field. */
  async function ownerView(id: string): Promise<SurvivorNode> {
    return ok(await readSurvivor(id, 'ngo.caseworker')).survivor;
  }

  /** The granted classes as the owner sees them, the others null. */
  function expectedPoliceView(owner: SurvivorNode): Record<string, unknown> {
    const view: Record<string, unknown> = { ...owner };
    for (const field of WITHHELD_FIELDS) view[field] = null;
    return view;
  }

  const sortRedactions = (redactions: unknown) =>
    [...((redactions as Redaction[] | undefined) ?? [])].sort((a, b) =>
      a.path.join('.').localeCompare(b.path.join('.')),
    );

  // -------------------------------------------------------------------------------------------
  describe('createChildSafetyReferral by the owning agency’s supervisor', () => {
    it('writes the SENT referral, its event, the CHILD_SAFETY grant (30 days, INVESTIGATION), the audit row and the police notification in one transaction', async () => {
      const { survivor, data } = await minor();
      const payload = input(survivor.id, {
        legalBasis: '  State mandated-reporter statute § 11166  ',
        reason: `  Disclosure at intake ${tag()}  `,
      });
      const before = await snapshot(hub);
      const startedAt = Date.now();
      const referral = await reportOk(payload);
      const legalBasis = (payload.legalBasis as string).trim();
      const reason = (payload.reason as string).trim();
      expect(referral).toMatchObject({
        kind: 'CHILD_SAFETY',
        parentReferralId: null,
        fromAgencyId: HARBOR,
        toAgencyId: POLICE,
        needs: ['EMERGENCY_RESPONSE'],
        urgency: 'URGENT',
        status: 'SENT',
        survivorId: survivor.id,
        consentId: null,
        sharedClasses: ['IDENTITY', 'CONTACT', 'NARRATIVE'],
        callback: null,
        legalBasis,
        reportReason: reason,
        version: 1,
      });
      const due = new Date(referral.responseDueAt as string).getTime();
      expect(due).toBeGreaterThanOrEqual(startedAt + DAY - 5_000);
      expect(due).toBeLessThanOrEqual(Date.now() + DAY + 5_000);

      const after = await snapshot(hub);
      const diff = changes(before, after);
      const lead = demoUser('ngo.lead');
      expect(diff.referral.changed).toEqual([]);
      expect(diff.referral.added).toHaveLength(1);
      const row = diff.referral.added[0];
      expect(row).toMatchObject({
        id: referral.id,
        kind: 'CHILD_SAFETY',
        status: 'SENT',
        survivor_id: survivor.id,
        consent_id: null,
        legal_basis: legalBasis,
        report_reason: reason,
        created_by: lead.sub,
      });

      expect(diff.record_event.added).toHaveLength(1);
      expect(diff.record_event.added[0]).toMatchObject({
        subject_type: 'Referral',
        subject_id: referral.id,
        from_status: null,
        to_status: 'SENT',
        actor_user_id: lead.sub,
        actor_agency_id: HARBOR,
        reason,
      });

      expect(diff.consent_grant.changed).toEqual([]);
      expect(diff.consent_grant.added).toHaveLength(1);
      const grant = diff.consent_grant.added[0];
      expect(grant).toMatchObject({
        consent_id: null,
        basis: 'CHILD_SAFETY',
        source_id: referral.id,
        survivor_id: survivor.id,
        agency_id: POLICE,
        data_classes: ['IDENTITY', 'CONTACT', 'NARRATIVE'],
        purposes: ['INVESTIGATION'],
        revoked_at: null,
      });
      const from = (grant.valid_from as Date).getTime();
      expect(from).toBeGreaterThanOrEqual(startedAt - 5_000);
      expect(from).toBeLessThanOrEqual(Date.now() + 5_000);
      expect((grant.valid_until as Date).getTime() - from).toBe(30 * DAY);

      const audit = (await auditSince(hub, before)).filter((a) => a.action === 'CHILD_SAFETY_REFERRAL');
      expect(audit.map(auditContent)).toEqual([
        {
          actor_user_id: lead.sub,
          actor_agency_id: HARBOR,
          action: 'CHILD_SAFETY_REFERRAL',
          subject_type: 'Referral',
          subject_id: referral.id,
          fields: ['IDENTITY', 'CONTACT', 'NARRATIVE'],
          purpose: 'SERVICE',
          decision: 'ALLOWED',
          reason: legalBasis,
        },
      ]);

      expect(diff.notification.added).toHaveLength(1);
      const notification = diff.notification.added[0];
      expect(notification).toMatchObject({
        agency_id: POLICE,
        event_type: 'CHILD_SAFETY_REFERRAL',
        subject_type: 'Referral',
        subject_id: referral.id,
      });
      expect(diff.outbox.added).toHaveLength(1);
      expect(diff.outbox.added[0]).toMatchObject({
        topic: 'notification.created',
        payload: {
          notificationId: notification.id,
          agencyId: POLICE,
          eventType: 'CHILD_SAFETY_REFERRAL',
          subjectType: 'Referral',
          subjectId: referral.id,
        },
      });
      // No personal data, nor the report's free text, in what is told.
      const told = JSON.stringify([notification, diff.outbox.added[0]]);
      for (const secret of [...personalStrings(data), reason, legalBasis]) expect(told).not.toContain(secret);

      const xmins = new Set(
        [row, diff.record_event.added[0], grant, notification, diff.outbox.added[0], audit[0]].map(
          (r) => r.xmin,
        ),
      );
      expect(xmins.size).toBe(1);
      expect(diff.record_message).toEqual(NO_CHANGE);

      // The police agency's feed.
      const feed = ok(await hub.gql<NotificationFeed>(NOTIFICATIONS, {}, { user: 'pd.investigator' }));
      const mine = feed.notifications.edges.map((e) => e.node).filter((n) => n.subjectId === referral.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ eventType: 'CHILD_SAFETY_REFERRAL', subjectType: 'Referral' });
      for (const secret of [...personalStrings(data), reason]) expect(mine[0].message).not.toContain(secret);
      // Nobody else is told.
      for (const user of ['legal.caseworker', 'ngo.caseworker']) {
        const other = ok(await hub.gql<NotificationFeed>(NOTIFICATIONS, {}, { user }));
        expect(other.notifications.edges.filter((e) => e.node.subjectId === referral.id)).toEqual([]);
      }
    });

    it('discloses nothing to the reporter, so it writes no READ_SURVIVOR row: the only audit row is CHILD_SAFETY_REFERRAL', async () => {
      const { survivor } = await minor();
      const before = await hub.watermark();
      const referral = await reportOk(input(survivor.id));
      expect((await auditSince(hub, before)).map((a) => [a.action, a.subject_type, a.subject_id])).toEqual([
        ['CHILD_SAFETY_REFERRAL', 'Referral', referral.id],
      ]);
    });

    it('a minor by date of birth (no flag) qualifies; grantDays and urgency are honoured; a child-welfare agency may receive it', async () => {
      const { survivor } = await minor({ minor: false, dateOfBirth: bornYearsAgo(15) });
      expect(survivor.minor).toBe(true);
      const before = await snapshot(hub);
      const startedAt = Date.now();
      const referral = await reportOk(
        input(survivor.id, { toAgencyId: childWelfare, grantDays: 7, urgency: 'EMERGENCY' }),
      );
      expect(referral).toMatchObject({ toAgencyId: childWelfare, urgency: 'EMERGENCY', status: 'SENT' });
      const due = new Date(referral.responseDueAt as string).getTime();
      expect(due).toBeGreaterThanOrEqual(startedAt + 4 * 3600_000 - 5_000);
      expect(due).toBeLessThanOrEqual(Date.now() + 4 * 3600_000 + 5_000);
      const [grant] = changes(before, await snapshot(hub)).consent_grant.added;
      expect(grant).toMatchObject({ agency_id: childWelfare, basis: 'CHILD_SAFETY', source_id: referral.id });
      expect((grant.valid_until as Date).getTime() - (grant.valid_from as Date).getTime()).toBe(7 * DAY);
    });

    it('another agency’s supervisor reports its own minor (legal.lead for a Safe Passage record)', async () => {
      const { survivor } = await minor({ minor: true }, 'legal.caseworker');
      const referral = await reportOk(input(survivor.id), 'legal.lead');
      expect(referral).toMatchObject({
        fromAgencyId: SAFE_PASSAGE,
        toAgencyId: POLICE,
        kind: 'CHILD_SAFETY',
      });
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('what the survivor screen is offered (Survivor.availableActions)', () => {
    const actionsOf = async (id: string, user: string) =>
      ok(
        await hub.gql<{ survivor: { availableActions: string[] } }>(
          SURVIVOR_BY_ID('availableActions'),
          { id },
          { user },
        ),
      ).survivor.availableActions;

    it('REPORT_CHILD_SAFETY for the owner’s supervisor on a minor’s record (flagged or by age), never on an adult’s, never for a caseworker (beside the owner’s edit and consent)', async () => {
      const flagged = (await minor()).survivor;
      const byAge = (await minor({ dateOfBirth: bornYearsAgo(15) })).survivor;
      const adult = (await minor({ minor: false })).survivor;
      const owners = ['UPDATE', 'RECORD_CONSENT'];
      expect(await actionsOf(flagged.id, 'ngo.lead')).toEqual([...owners, 'REPORT_CHILD_SAFETY']);
      expect(await actionsOf(byAge.id, 'ngo.lead')).toEqual([...owners, 'REPORT_CHILD_SAFETY']);
      expect(await actionsOf(adult.id, 'ngo.lead')).toEqual(owners);
      expect(await actionsOf(flagged.id, 'ngo.caseworker')).toEqual(owners);
    });
  });

  describe('refusals', () => {
    let child: SurvivorNode;
    beforeAll(async () => {
      child = (await minor()).survivor;
    });

    it('ngo.caseworker (owning agency, not a supervisor): FORBIDDEN, exactly one DENIED row', async () => {
      const before = await hub.watermark();
      expectError(await report('ngo.caseworker', input(child.id)), 'FORBIDDEN');
      await expectOnlyDenied(hub, before, {
        user: 'ngo.caseworker',
        action: 'CHILD_SAFETY_REFERRAL',
        subjectType: 'Survivor',
        subjectId: child.id,
      });
    });

    it.each(['legal.lead', 'pd.supervisor', 'tf.coordinator', 'fed.liaison'])(
      '%s (cannot see the record): NOT_FOUND, only the refusal written (for auditors)',
      async (user) => {
        const before = await hub.watermark();
        const response = await report(user, input(child.id));
        expect(expectError(response, 'NOT_FOUND').message).toBe(`Survivor ${child.id} not found`);
        await expectOnlyDenied(hub, before, {
          user,
          action: 'CHILD_SAFETY_REFERRAL',
          subjectType: 'Survivor',
          subjectId: child.id,
          reason: 'NOT_FOUND',
        });
      },
    );

    it('an unknown survivor: NOT_FOUND, only the refusal written (for auditors)', async () => {
      const before = await hub.watermark();
      const unknown = randomUUID();
      expectError(await report('ngo.lead', input(unknown)), 'NOT_FOUND');
      await expectOnlyDenied(hub, before, {
        user: 'ngo.lead',
        action: 'CHILD_SAFETY_REFERRAL',
        subjectType: 'Survivor',
        subjectId: unknown,
        reason: 'NOT_FOUND',
      });
    });

    it('an adult (no flag, born 30 years ago): BAD_USER_INPUT, nothing written', async () => {
      const adult = (await minor({})).survivor;
      expect(adult.minor).toBe(false);
      const before = await hub.watermark();
      const error = expectError(await report('ngo.lead', input(adult.id)), 'BAD_USER_INPUT');
      expect(error.extensions?.problems).toEqual([
        { field: 'survivorId', message: 'is not a minor: child-safety referrals are for minors' },
      ]);
      await expectNothingWritten(hub, before);
    });

    it.each<[string, () => string, { field: string; message: string }[]]>([
      [
        'Safe Passage (an NGO)',
        () => SAFE_PASSAGE,
        [{ field: 'toAgencyId', message: 'must be a law-enforcement or child-welfare agency' }],
      ],
      [
        'the federal office',
        () => FEDERAL,
        [{ field: 'toAgencyId', message: 'must be a law-enforcement or child-welfare agency' }],
      ],
      [
        'its own agency',
        () => HARBOR,
        [
          { field: 'toAgencyId', message: 'must be a law-enforcement or child-welfare agency' },
          { field: 'toAgencyId', message: 'must be another agency' },
        ],
      ],
      ['an unknown agency', () => randomUUID(), [{ field: 'toAgencyId', message: 'is not a known agency' }]],
    ])('to %s: BAD_USER_INPUT, nothing written', async (_what, to, problems) => {
      const before = await hub.watermark();
      const error = expectError(
        await report('ngo.lead', input(child.id, { toAgencyId: to() })),
        'BAD_USER_INPUT',
      );
      expect(error.extensions?.problems).toEqual(problems);
      await expectNothingWritten(hub, before);
    });

    it.each<[string, Record<string, unknown>]>([
      ['an empty legal basis', { legalBasis: '' }],
      ['no legal basis', { legalBasis: undefined }],
      ['a legal basis over 500', { legalBasis: 'l'.repeat(501) }],
      ['an empty reason', { reason: '' }],
      ['no reason', { reason: undefined }],
      ['a reason over 2000', { reason: 'r'.repeat(2001) }],
      ['grantDays 0', { grantDays: 0 }],
      ['grantDays 91', { grantDays: 91 }],
      ['an unknown urgency', { urgency: 'NOW' }],
      ['a survivor id that is not a uuid', { survivorId: 'child-1' }],
      ['a toAgencyId that is not a uuid', { toAgencyId: 'police' }],
    ])('%s: BAD_USER_INPUT, nothing written', async (_what, patch) => {
      const before = await hub.watermark();
      expectError(await report('ngo.lead', { ...input(child.id), ...patch }), 'BAD_USER_INPUT');
      await expectNothingWritten(hub, before);
    });

    it.each<[string, Record<string, unknown>]>([
      ['a blank legal basis (only spaces)', { legalBasis: '   ' }],
      ['a blank reason (only spaces)', { reason: '   ' }],
    ])('%s: BAD_USER_INPUT, nothing written', async (_what, patch) => {
      const before = await hub.watermark();
      expectError(await report('ngo.lead', { ...input(child.id), ...patch }), 'BAD_USER_INPUT');
      await expectNothingWritten(hub, before);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('what the recipient, and nobody else, sees', () => {
    let child: SurvivorNode;
    let referral: ReferralNode;

    beforeAll(async () => {
      child = (await minor()).survivor;
      referral = await reportOk(input(child.id));
    });

    it.each(['pd.investigator', 'pd.supervisor'])(
      '%s sees IDENTITY, CONTACT and NARRATIVE through survivor(id); NEEDS, IMMIGRATION and HEALTH are null and listed as NOT_PERMITTED',
      async (user) => {
        const owner = await ownerView(child.id);
        const response = await readSurvivor(child.id, user);
        expect(ok(response).survivor).toEqual(expectedPoliceView(owner));
        for (const field of GRANTED_FIELDS) expect([field, owner[field]]).not.toEqual([field, null]);
        expect(sortRedactions(response.body.extensions?.redactions)).toEqual(
          sortRedactions(
            WITHHELD_FIELDS.map((field) => ({ path: ['survivor', field], reason: 'NOT_PERMITTED' })),
          ),
        );
        expect(await listedFor(user, child.id)).toBe(true);
      },
    );

    it('pd.investigator sees the same through referral { survivor { … } }, and the report itself', async () => {
      const owner = await ownerView(child.id);
      const response = await hub.gql<{ referral: ReferralNode & { survivor: Row | null } }>(
        REFERRAL_BY_ID(
          `id kind status legalBasis reportReason sharedClasses survivor { ${SURVIVOR_SELECTION} }`,
        ),
        { id: referral.id },
        { user: 'pd.investigator' },
      );
      const seen = ok(response).referral;
      expect(seen).toMatchObject({
        id: referral.id,
        kind: 'CHILD_SAFETY',
        status: 'SENT',
        legalBasis: referral.legalBasis,
        reportReason: referral.reportReason,
        sharedClasses: ['IDENTITY', 'CONTACT', 'NARRATIVE'],
      });
      expect(seen.survivor).toEqual(expectedPoliceView(owner));
      expect(sortRedactions(response.body.extensions?.redactions)).toEqual(
        sortRedactions(
          WITHHELD_FIELDS.map((field) => ({
            path: ['referral', 'survivor', field],
            reason: 'NOT_PERMITTED',
          })),
        ),
      );
    });

    it.each(OUTSIDERS)('%s gains nothing: the minor and the report stay NOT_FOUND', async (user) => {
      expect(expectError(await readSurvivor(child.id, user), 'NOT_FOUND').message).toBe(
        `Survivor ${child.id} not found`,
      );
      expect(await listedFor(user, child.id)).toBe(false);
      expectError(await hub.gql(REFERRAL_BY_ID('id'), { id: referral.id }, { user }), 'NOT_FOUND');
    });

    it('the owning agency still sees everything', async () => {
      const owner = await ownerView(child.id);
      for (const field of [...GRANTED_FIELDS, ...WITHHELD_FIELDS])
        expect([field, owner[field]]).not.toEqual([field, null]);
    });
  });

  // -------------------------------------------------------------------------------------------
  describe('the only way law enforcement sees a minor', () => {
    it('control: without a child-safety referral, a consent naming the police for INVESTIGATION (and a referral under it) gives them nothing', async () => {
      const { survivor } = await minor();
      const consent = await recordConsent(
        hub,
        'ngo.caseworker',
        consentInput(survivor.id, {
          grantor: { type: 'PARENT', name: 'Rosa', relationship: 'mother', notSuspectedAttestation: true },
          recipientAgencyIds: [POLICE],
          purposes: ['INVESTIGATION', 'SERVICE'],
          dataClasses: ['IDENTITY', 'CONTACT', 'NARRATIVE'],
        }),
      );
      for (const user of ['pd.investigator', 'pd.supervisor']) {
        expectError(await readSurvivor(survivor.id, user), 'NOT_FOUND');
        expect(await listedFor(user, survivor.id)).toBe(false);
      }
      // Nor may a standard referral carry the minor to the police: only a child-safety referral can.
      const standard = await hub.gql(
        `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }`,
        {
          input: {
            toAgencyId: POLICE,
            needs: ['EMERGENCY_RESPONSE'],
            urgency: 'URGENT',
            survivorId: survivor.id,
            consentId: consent.id,
            sharedClasses: ['IDENTITY', 'CONTACT'],
          },
        },
        { user: 'ngo.caseworker' },
      );
      expect(expectError(standard, 'BAD_USER_INPUT').extensions?.problems).toEqual([
        expect.objectContaining({ field: 'survivorId', reason: 'MINOR_NEEDS_CHILD_SAFETY_REFERRAL' }),
      ]);
    });

    it('the grant ends on time: once the CHILD_SAFETY grant’s valid_until has passed, the police get NOT_FOUND at once', async () => {
      const { survivor } = await minor();
      const referral = await reportOk(input(survivor.id));
      expect(ok(await readSurvivor(survivor.id, 'pd.investigator')).survivor.givenName).not.toBeNull();

      await hub.asOwner((ds) =>
        ds.query(
          `UPDATE consent_grant SET valid_until = now() - interval '1 second'
            WHERE basis = 'CHILD_SAFETY' AND source_id = $1`,
          [referral.id],
        ),
      );

      for (const user of ['pd.investigator', 'pd.supervisor']) {
        expect(expectError(await readSurvivor(survivor.id, user), 'NOT_FOUND').message).toBe(
          `Survivor ${survivor.id} not found`,
        );
        expect(await listedFor(user, survivor.id)).toBe(false);
      }
      // The report stays (closed loop), but without the child's data.
      const seen = ok(
        await hub.gql<{ referral: { status: string; survivor: Row | null } }>(
          REFERRAL_BY_ID('status survivor { givenName }'),
          { id: referral.id },
          { user: 'pd.investigator' },
        ),
      ).referral;
      expect(seen).toEqual({ status: 'SENT', survivor: null });
      expect((await ownerView(survivor.id)).givenName).not.toBeNull();
    });

    it('withdrawing the child-safety referral ends the recipient’s access to the minor', async () => {
      const { survivor } = await minor();
      const referral = await reportOk(input(survivor.id));
      expect(ok(await readSurvivor(survivor.id, 'pd.investigator')).survivor.givenName).not.toBeNull();
      const withdrawn = await move(hub, 'ngo.lead', 'withdraw', referral, { reason: 'Filed in error' });
      expect(withdrawn.status).toBe('WITHDRAWN');
      expectError(await readSurvivor(survivor.id, 'pd.investigator'), 'NOT_FOUND');
    });
  });
});
