import { DEMO_AGENCY_IDS, DEMO_TASK_FORCE } from '@hub/demo-data';
import { demoUser, expectNothingWritten, expectOnlyDenied, inputFields, TestHub } from '@hub/testing';
import { codeOf, rawGql, rows } from './e2e-support';
import { startHub } from './hub';
import {
  AgencyNode,
  ADD_MEMBER,
  CREATE_AGENCY,
  CREATE_TASK_FORCE,
  DEACTIVATE_AGENCY,
  expectSeesNoWork,
  ME,
  person,
  tokenOf,
  UPDATE_AGENCY,
} from './platform-support';
import { createReferral, deidentified, REFERRAL_BY_ID, referralAt } from './referrals-lifecycle-support';
import { consentInput, CREATE_SURVIVOR, expectError, ok, RECORD_CONSENT } from './survivor-support';

const ADMIN = 'hub.admin';
const HARBOR = DEMO_AGENCY_IDS.harborLight;
const SAFE_PASSAGE = DEMO_AGENCY_IDS.safePassage;
const OFFICE = DEMO_AGENCY_IDS.taskForceOffice;

type Created = { createAgency: { agency: AgencyNode } };

describe('platform administration (e2e): hub_admin registers agencies and task forces, deactivates agencies', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const createAgency = (
    input: Record<string, unknown>,
    as: { user?: string; token?: string } = { user: ADMIN },
  ) => hub.gql<Created>(CREATE_AGENCY, { input }, as);
  const newAgency = async (input: Record<string, unknown> = {}) =>
    ok(
      await createAgency({
        name: 'Riverside Health Clinic',
        type: 'HEALTH',
        jurisdiction: 'Bay County',
        ...input,
      }),
    ).createAgency.agency;
  const agencyRow = async (id: string) =>
    (await rows<{ version: number }>(hub, 'SELECT version FROM agency WHERE id = $1', [id]))[0];
  const auditOf = (subjectId: string) =>
    rows<{
      action: string;
      actor_user_id: string;
      decision: string;
      reason: string | null;
      fields: string[];
    }>(
      hub,
      `SELECT action, actor_user_id, decision, reason, fields FROM audit_event WHERE subject_id = $1 ORDER BY id`,
      [subjectId],
    );

  describe('createAgency', () => {
    it('registers an agency: active, its directory profile empty and not accepting referrals, audited; a retry with the key returns it', async () => {
      const input = {
        name: '  Riverside Health Clinic ',
        type: 'HEALTH',
        jurisdiction: 'Bay County',
        intakePhone: '+1 555 0100',
        intakeEmail: 'intake@riverside.example.org',
        website: 'https://riverside.example.org',
        confidentialLocation: false,
        idempotencyKey: 'riverside-clinic-1',
      };
      const agency = ok(await createAgency(input)).createAgency.agency;
      expect(agency).toEqual({
        id: expect.any(String),
        name: 'Riverside Health Clinic',
        type: 'HEALTH',
        jurisdiction: 'Bay County',
        description: '',
        intakePhone: '+1 555 0100',
        intakeEmail: 'intake@riverside.example.org',
        website: 'https://riverside.example.org',
        confidentialLocation: false,
        acceptingReferrals: false,
        status: 'ACTIVE',
        deactivatedAt: null,
        version: 1,
      });
      expect(await auditOf(agency.id)).toEqual([
        {
          action: 'CREATE_AGENCY',
          actor_user_id: demoUser(ADMIN).sub,
          decision: 'ALLOWED',
          reason: 'type HEALTH',
          fields: [],
        },
      ]);
      const before = await hub.watermark();
      expect(ok(await createAgency(input)).createAgency.agency.id).toBe(agency.id);
      await expectNothingWritten(hub, before);
      expect(codeOf(await createAgency({ ...input, name: 'Another clinic' }))).toBe('CONFLICT');
    });

    it.each(['tf.coordinator', 'ngo.lead', 'tf.auditor', 'pd.supervisor'])(
      'refuses %s (FORBIDDEN, audited) and writes nothing else',
      async (user) => {
        const before = await hub.watermark();
        expectError(
          await createAgency({ name: 'Rogue', type: 'NGO', jurisdiction: 'Bay County' }, { user }),
          'FORBIDDEN',
        );
        await expectOnlyDenied(hub, before, {
          user,
          action: 'CREATE_AGENCY',
          subjectType: 'Agency',
          subjectId: null,
        });
      },
    );

    it('refuses a caller without a token (UNAUTHENTICATED, HTTP 401) and writes nothing', async () => {
      const before = await hub.watermark();
      const response = await rawGql(hub, CREATE_AGENCY, {
        input: { name: 'x', type: 'NGO', jurisdiction: 'y' },
      });
      expect([response.status, codeOf(response)]).toEqual([401, 'UNAUTHENTICATED']);
      await expectNothingWritten(hub, before);
    });

    it('answers bad input with BAD_USER_INPUT naming each field, and writes nothing', async () => {
      const before = await hub.watermark();
      const formats = await createAgency({
        name: '',
        type: 'NGO',
        jurisdiction: 'j'.repeat(201),
        intakeEmail: 'not-an-email',
        website: 'ftp://files.example.org',
        intakePhone: 'call us',
        description: 'd'.repeat(2001),
      });
      expect(codeOf(formats)).toBe('BAD_USER_INPUT');
      expect(inputFields(formats.body.errors?.[0]).sort()).toEqual(
        ['description', 'intakeEmail', 'intakePhone', 'jurisdiction', 'name', 'website'].sort(),
      );
      const blank = await createAgency({ name: '   ', type: 'NGO', jurisdiction: 'Bay County' });
      expect([codeOf(blank), inputFields(blank.body.errors?.[0])]).toEqual(['BAD_USER_INPUT', ['name']]);
      await expectNothingWritten(hub, before);
    });
  });

  describe('updateAgency', () => {
    it('edits name, jurisdiction, contact and the confidential flag from the version read; audited with the fields', async () => {
      const agency = await newAgency({ name: 'Lakeside Shelter' });
      const updated = ok(
        await hub.gql<{ updateAgency: { agency: AgencyNode } }>(
          UPDATE_AGENCY,
          {
            input: {
              agencyId: agency.id,
              expectedVersion: agency.version,
              name: 'Lakeside Safe House',
              type: 'NGO',
              jurisdiction: 'Lake County',
              intakePhone: '+1 555 0199',
              confidentialLocation: true,
            },
          },
          { user: ADMIN },
        ),
      ).updateAgency.agency;
      expect(updated).toMatchObject({
        id: agency.id,
        name: 'Lakeside Safe House',
        type: 'NGO',
        jurisdiction: 'Lake County',
        intakePhone: '+1 555 0199',
        confidentialLocation: true,
        version: agency.version + 1,
      });
      expect((await auditOf(agency.id)).slice(1)).toEqual([
        {
          action: 'UPDATE_AGENCY',
          actor_user_id: demoUser(ADMIN).sub,
          decision: 'ALLOWED',
          reason: 'type HEALTH → NGO',
          fields: ['name', 'type', 'jurisdiction', 'intakePhone', 'confidentialLocation'],
        },
      ]);
    });

    it('refuses a type the agency’s co-lead role does not allow (BAD_USER_INPUT on type, ROLE_NOT_FOR_AGENCY_TYPE), writing nothing', async () => {
      const { version } = await agencyRow(HARBOR);
      const before = await hub.watermark();
      const response = await hub.gql(
        UPDATE_AGENCY,
        { input: { agencyId: HARBOR, expectedVersion: version, type: 'LAW_ENFORCEMENT' } },
        { user: ADMIN },
      );
      const error = expectError(response, 'BAD_USER_INPUT');
      expect(inputFields(error)).toEqual(['type']);
      expect((error.extensions?.problems as { reason?: string }[])[0].reason).toBe(
        'ROLE_NOT_FOR_AGENCY_TYPE',
      );
      await expectNothingWritten(hub, before);
    });

    it('refuses the agency’s own admin (the registration is not their profile): FORBIDDEN, audited, nothing written', async () => {
      const { version } = await agencyRow(HARBOR);
      const before = await hub.watermark();
      const response = await hub.gql(
        UPDATE_AGENCY,
        { input: { agencyId: HARBOR, expectedVersion: version, type: 'PROSECUTOR' } },
        { user: 'ngo.lead' },
      );
      expectError(response, 'FORBIDDEN');
      await expectOnlyDenied(hub, before, {
        user: 'ngo.lead',
        action: 'UPDATE_AGENCY',
        subjectType: 'Agency',
        subjectId: HARBOR,
      });
    });

    it('answers a stale version with CONFLICT, nothing, and bad input with BAD_USER_INPUT naming fields', async () => {
      const agency = await newAgency({ name: 'Stale Clinic' });
      const before = await hub.watermark();
      const stale = await hub.gql(
        UPDATE_AGENCY,
        { input: { agencyId: agency.id, expectedVersion: agency.version + 1, name: 'Fresh Clinic' } },
        { user: ADMIN },
      );
      expectError(stale, 'CONFLICT');
      const bad = await hub.gql(
        UPDATE_AGENCY,
        { input: { agencyId: agency.id, expectedVersion: 0, name: '', jurisdiction: null } },
        { user: ADMIN },
      );
      expect([codeOf(bad), [...new Set(inputFields(bad.body.errors?.[0]))].sort()]).toEqual([
        'BAD_USER_INPUT',
        ['expectedVersion', 'jurisdiction', 'name'],
      ]);
      await expectNothingWritten(hub, before);
    });
  });

  describe('createTaskForce', () => {
    it('registers a task force with its coordinating office as MEMBER, whose coordinators then manage its members', async () => {
      const office = await newAgency({
        name: 'Lake County Task Force Office',
        type: 'COORDINATOR',
        jurisdiction: 'Lake County',
      });
      const created = ok(
        await hub.gql<{ createTaskForce: { taskForce: { id: string; members: unknown[] } } }>(
          CREATE_TASK_FORCE,
          {
            input: {
              name: 'Lake County Anti-Trafficking Task Force',
              jurisdiction: 'Lake County',
              coordinatingAgencyId: office.id,
            },
          },
          { user: ADMIN },
        ),
      ).createTaskForce.taskForce;
      expect(created).toEqual({
        id: expect.any(String),
        name: 'Lake County Anti-Trafficking Task Force',
        jurisdiction: 'Lake County',
        description: '',
        members: [{ agencyId: office.id, role: 'MEMBER' }],
      });
      expect(
        (await rows(
          hub,
          `SELECT action, subject_type FROM audit_event WHERE subject_id IN ($1, $2) ORDER BY id`,
          [created.id, `${created.id}/${office.id}`],
        )) as unknown[],
      ).toEqual([
        { action: 'CREATE_TASK_FORCE', subject_type: 'TaskForce' },
        { action: 'ADD_TASK_FORCE_MEMBER', subject_type: 'TaskForceMembership' },
      ]);
      // A coordinator of the new office (a Keycloak user with its agency_id) adds Harbor Light.
      const coordinator = await tokenOf(hub, person('lake.coordinator', office.id, ['coordinator']));
      const added = ok(
        await hub.gql<{ addTaskForceMember: { member: unknown } }>(
          ADD_MEMBER,
          { input: { taskForceId: created.id, agencyId: HARBOR, role: 'MEMBER' } },
          { token: coordinator },
        ),
      );
      expect(added.addTaskForceMember.member).toEqual({ agencyId: HARBOR, role: 'MEMBER' });
    });

    it.each(['tf.coordinator', 'ngo.lead'])(
      'refuses %s (FORBIDDEN, audited), writing nothing else',
      async (user) => {
        const before = await hub.watermark();
        const response = await hub.gql(
          CREATE_TASK_FORCE,
          { input: { name: 'Rogue Task Force', jurisdiction: 'Bay County', coordinatingAgencyId: OFFICE } },
          { user },
        );
        expectError(response, 'FORBIDDEN');
        await expectOnlyDenied(hub, before, {
          user,
          action: 'CREATE_TASK_FORCE',
          subjectType: 'TaskForce',
          subjectId: null,
        });
      },
    );

    it('needs an active COORDINATOR agency and names each bad field (BAD_USER_INPUT), writing nothing', async () => {
      const before = await hub.watermark();
      const notCoordinator = await hub.gql(
        CREATE_TASK_FORCE,
        { input: { name: 'Harbor Task Force', jurisdiction: 'Bay County', coordinatingAgencyId: HARBOR } },
        { user: ADMIN },
      );
      const error = expectError(notCoordinator, 'BAD_USER_INPUT');
      expect(error.extensions?.problems).toEqual([
        { field: 'coordinatingAgencyId', message: expect.any(String), reason: 'NOT_A_COORDINATING_AGENCY' },
      ]);
      const bad = await hub.gql(
        CREATE_TASK_FORCE,
        { input: { name: '', jurisdiction: 'x'.repeat(201), coordinatingAgencyId: 'not-a-uuid' } },
        { user: ADMIN },
      );
      expect([codeOf(bad), inputFields(bad.body.errors?.[0]).sort()]).toEqual([
        'BAD_USER_INPUT',
        ['coordinatingAgencyId', 'jurisdiction', 'name'],
      ]);
      await expectNothingWritten(hub, before);
    });
  });

  describe('a hub administrator never sees an agency’s work', () => {
    it('survivors, consents, referrals, TA requests, protocols, notifications and the audit trail are closed to them', async () => {
      const survivor = ok(
        await hub.gql<{ createSurvivor: { survivor: { id: string } } }>(
          CREATE_SURVIVOR,
          { input: { givenName: 'Amaru', preferredLanguage: 'es' } },
          { user: 'ngo.caseworker' },
        ),
      ).createSurvivor.survivor;
      ok(await hub.gql(RECORD_CONSENT, { input: consentInput(survivor.id) }, { user: 'ngo.caseworker' }));
      const referral = await referralAt(hub, 'SENT');
      await expectSeesNoWork(hub, { user: ADMIN }, { survivorId: survivor.id, referralId: referral.id });
      // The same hub_admin account with a caseworker role as well still sees nothing: the role is exclusive.
      const both = await tokenOf(hub, { ...person('dual.role', HARBOR, ['hub_admin', 'caseworker']) });
      await expectSeesNoWork(hub, { token: both }, { survivorId: survivor.id, referralId: referral.id });
    });
  });

  describe('deactivateAgency', () => {
    it('refuses the wrong callers and the administrator’s own agency (FORBIDDEN, audited); a stale version is CONFLICT; nothing changes', async () => {
      const { version } = await agencyRow(SAFE_PASSAGE);
      for (const [user, agencyId] of [
        ['ngo.lead', SAFE_PASSAGE],
        ['legal.lead', SAFE_PASSAGE],
        ['tf.coordinator', SAFE_PASSAGE],
        [ADMIN, OFFICE],
      ] as const) {
        const current = (await agencyRow(agencyId)).version as number;
        const before = await hub.watermark();
        const response = await hub.gql(
          DEACTIVATE_AGENCY,
          { input: { agencyId, expectedVersion: current, reason: 'Left the task force' } },
          { user },
        );
        expectError(response, 'FORBIDDEN');
        await expectOnlyDenied(hub, before, {
          user,
          action: 'DEACTIVATE_AGENCY',
          subjectType: 'Agency',
          subjectId: agencyId,
        });
      }
      const before = await hub.watermark();
      const stale = await hub.gql(
        DEACTIVATE_AGENCY,
        { input: { agencyId: SAFE_PASSAGE, expectedVersion: version + 1, reason: 'Left the task force' } },
        { user: ADMIN },
      );
      expectError(stale, 'CONFLICT');
      const blank = await hub.gql(
        DEACTIVATE_AGENCY,
        { input: { agencyId: SAFE_PASSAGE, expectedVersion: version, reason: '' } },
        { user: ADMIN },
      );
      expect([codeOf(blank), inputFields(blank.body.errors?.[0])]).toEqual(['BAD_USER_INPUT', ['reason']]);
      await expectNothingWritten(hub, before);
    });

    it('cuts its users off at once, keeps its records, and hands its open referrals back to their senders as DECLINED', async () => {
      // Referrals from Harbor Light to Safe Passage in every state a recipient holds, and two it does not.
      const open = [];
      for (const status of ['SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD'])
        open.push(await referralAt(hub, status));
      const completed = await referralAt(hub, 'COMPLETED');
      const draft = await createReferral(hub, 'ngo.caseworker', deidentified());
      const legal = await hub.idp.tokenFor('legal.caseworker');
      expect(ok(await hub.gql<{ me: { username: string } }>(ME, {}, { token: legal })).me.username).toBe(
        'legal.caseworker',
      );

      const { version } = await agencyRow(SAFE_PASSAGE);
      const deactivated = ok(
        await hub.gql<{ deactivateAgency: { agency: AgencyNode } }>(
          DEACTIVATE_AGENCY,
          { input: { agencyId: SAFE_PASSAGE, expectedVersion: version, reason: 'Ceased operations' } },
          { user: ADMIN },
        ),
      ).deactivateAgency.agency;
      expect(deactivated).toMatchObject({
        id: SAFE_PASSAGE,
        status: 'DEACTIVATED',
        deactivatedAt: expect.any(String),
        acceptingReferrals: false,
        version: version + 1,
      });

      // Its users: refused before any resolver, the same token as a moment ago.
      for (const query of [ME, '{ referrals(box: RECEIVED) { edges { node { id } } } }']) {
        const response = await rawGql(hub, query, {}, { authorization: `Bearer ${legal}` });
        expect([response.status, response.body.errors?.[0].extensions]).toEqual([
          403,
          { code: 'FORBIDDEN', reason: 'AGENCY_DEACTIVATED' },
        ]);
      }

      // The sender sees each open referral handed back, with the reason and the event.
      for (const referral of open) {
        const read = ok(
          await hub.gql<{ referral: Record<string, unknown> }>(
            REFERRAL_BY_ID(
              'id status decline { reason text declinedBy } events { fromStatus toStatus actorUserId actorAgencyId }',
            ),
            { id: referral.id },
            { user: 'ngo.caseworker' },
          ),
        ).referral;
        expect(read).toMatchObject({
          status: 'DECLINED',
          decline: { reason: 'AGENCY_DEACTIVATED', text: expect.any(String), declinedBy: 'PROVIDER' },
        });
        expect((read.events as unknown[]).at(-1)).toEqual({
          fromStatus: referral.status,
          toStatus: 'DECLINED',
          actorUserId: demoUser(ADMIN).sub,
          actorAgencyId: OFFICE,
        });
        expect(await auditOf(referral.id)).toContainEqual({
          action: 'HAND_BACK_REFERRAL',
          actor_user_id: demoUser(ADMIN).sub,
          decision: 'ALLOWED',
          reason: expect.any(String),
          fields: [],
        });
      }
      const notices = await rows(
        hub,
        `SELECT agency_id, event_type FROM notification WHERE subject_id = ANY($1::text[]) AND event_type = 'REFERRAL_DECLINED'`,
        [open.map((r) => r.id)],
      );
      expect(notices).toHaveLength(open.length);
      expect(new Set(notices.map((n) => n.agency_id))).toEqual(new Set([HARBOR]));
      // Closed and never-sent referrals stay as they were.
      const statusOf = async (id: string) =>
        (await rows(hub, 'SELECT status FROM referral WHERE id = $1', [id]))[0].status;
      expect([await statusOf(completed.id), await statusOf(draft.id)]).toEqual(['COMPLETED', 'DRAFT']);

      // Its records stay (the agency answers by id), it leaves the directory, and nobody refers to it.
      expect(
        ok(
          await hub.gql<{ agency: AgencyNode }>(
            `{ agency(id: "${SAFE_PASSAGE}") { id status } }`,
            {},
            { user: 'ngo.caseworker' },
          ),
        ).agency,
      ).toEqual({
        id: SAFE_PASSAGE,
        status: 'DEACTIVATED',
      });
      const directory = ok(
        await hub.gql<{ directory: { edges: { node: { id: string } }[] } }>(
          '{ directory(first: 100) { edges { node { id } } } }',
        ),
      );
      expect(directory.directory.edges.map((e) => e.node.id)).not.toContain(SAFE_PASSAGE);
      const refer = await hub.gql(
        `mutation($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }`,
        { input: deidentified({ urgency: 'EMERGENCY' }) },
        { user: 'ngo.caseworker' },
      );
      expect(expectError(refer, 'BAD_USER_INPUT').extensions?.problems).toContainEqual({
        field: 'toAgencyId',
        message: expect.any(String),
        reason: 'AGENCY_DEACTIVATED',
      });
      // Nor does a consent name it: its users could never read what the consent would promise.
      const survivor = ok(
        await hub.gql<{ createSurvivor: { survivor: { id: string } } }>(
          CREATE_SURVIVOR,
          { input: { givenName: 'Amaru', preferredLanguage: 'es' } },
          { user: 'ngo.caseworker' },
        ),
      ).createSurvivor.survivor;
      const beforeConsent = await hub.watermark();
      const consent = await hub.gql(
        RECORD_CONSENT,
        { input: consentInput(survivor.id) },
        { user: 'ngo.caseworker' },
      );
      expect(expectError(consent, 'BAD_USER_INPUT').extensions?.problems).toEqual([
        { field: 'recipientAgencyIds[0]', message: expect.any(String), reason: 'AGENCY_DEACTIVATED' },
      ]);
      await expectNothingWritten(hub, beforeConsent);
      // Nor does it take a new role in a task force (it keeps the memberships it had).
      const mark = await hub.watermark();
      const role = await hub.gql(
        ADD_MEMBER,
        { input: { taskForceId: DEMO_TASK_FORCE.id, agencyId: SAFE_PASSAGE, role: 'OBSERVER' } },
        { user: 'tf.coordinator' },
      );
      expect(expectError(role, 'BAD_USER_INPUT').extensions?.problems).toEqual([
        { field: 'agencyId', message: expect.any(String), reason: 'AGENCY_DEACTIVATED' },
      ]);
      await expectNothingWritten(hub, mark);

      // Deactivating again is an illegal move, and writes nothing.
      const now = (await agencyRow(SAFE_PASSAGE)).version as number;
      const before = await hub.watermark();
      const again = await hub.gql(
        DEACTIVATE_AGENCY,
        { input: { agencyId: SAFE_PASSAGE, expectedVersion: now, reason: 'Again' } },
        { user: ADMIN },
      );
      expect(expectError(again, 'ILLEGAL_TRANSITION').extensions).toMatchObject({
        subjectType: 'Agency',
        status: 'DEACTIVATED',
        transition: 'deactivate',
      });
      await expectNothingWritten(hub, before);
    });
  });
});
