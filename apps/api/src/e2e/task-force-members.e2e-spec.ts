import { randomUUID } from 'node:crypto';
import { AgencyService } from '@hub/agencies';
import { DEMO_AGENCIES, DEMO_AGENCY_IDS, DEMO_TASK_FORCE } from '@hub/demo-data';
import { expectNothingWritten, inputFields, TestHub } from '@hub/testing';
import { codeOf, must, rows } from './e2e-support';
import { startHub } from './hub';

const MEMBER = 'taskForceId agencyId role version joinedAt agency { name }';
const ADD = `mutation Add($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) { member { ${MEMBER} } } }`;
const UPDATE = `mutation Update($input: UpdateTaskForceMemberInput!) { updateTaskForceMember(input: $input) { member { ${MEMBER} } } }`;
const REMOVE = `mutation Remove($input: RemoveTaskForceMemberInput!) { removeTaskForceMember(input: $input) { taskForceId agencyId } }`;
const TASK_FORCES = `{ taskForces { edges { node { id name members { agencyId role version agency { id name } } } } pageInfo { hasNextPage } } }`;

const TF = DEMO_TASK_FORCE.id;
const COORDINATOR = 'tf.coordinator';

interface MembershipRow {
  task_force_id: string;
  agency_id: string;
  role: string;
  version: number;
  joined_at: Date;
  updated_at: Date;
}
interface Member {
  taskForceId: string;
  agencyId: string;
  role: string;
  version: number;
  joinedAt: string;
  agency: { name: string };
}

describe('task-force memberships (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const memberships = () =>
    rows<MembershipRow>(hub, 'SELECT * FROM task_force_membership ORDER BY task_force_id, agency_id');
  const membership = async (agencyId: string, taskForceId: string = TF) =>
    (await memberships()).find((row) => row.task_force_id === taskForceId && row.agency_id === agencyId);

  const add = (input: Record<string, unknown>, user = COORDINATOR) =>
    hub.gql<{ addTaskForceMember: { member: Member } }>(ADD, { input }, { user });
  const update = (input: Record<string, unknown>, user = COORDINATOR) =>
    hub.gql<{ updateTaskForceMember: { member: Member } }>(UPDATE, { input }, { user });
  const remove = (input: Record<string, unknown>, user = COORDINATOR) =>
    hub.gql<{ removeTaskForceMember: { taskForceId: string; agencyId: string } }>(
      REMOVE,
      { input },
      { user },
    );

  describe('taskForces', () => {
    it.each(['tf.coordinator', 'ngo.caseworker', 'pd.investigator'])(
      'lists the demo task force with its 6 member agencies by name (as %s)',
      async (user) => {
        const { status, body } = await hub.gql<{
          taskForces: {
            edges: {
              node: {
                id: string;
                name: string;
                members: { agencyId: string; role: string; agency: { id: string; name: string } }[];
              };
            }[];
          };
        }>(TASK_FORCES, {}, { user });
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        expect(body.data?.taskForces.edges.map((edge) => edge.node.name)).toEqual([DEMO_TASK_FORCE.name]);
        const members = must(body.data).taskForces.edges[0].node.members;
        expect(members).toHaveLength(6);
        for (const member of members) expect(member.agency.id).toBe(member.agencyId);
        expect(
          members
            .map((m) => ({ agencyId: m.agencyId, name: m.agency.name, role: m.role }))
            .sort((a, b) => a.agencyId.localeCompare(b.agencyId)),
        ).toEqual(
          DEMO_AGENCIES.map((a) => ({ agencyId: a.id, name: a.name, role: a.taskForceRole })).sort((a, b) =>
            a.agencyId.localeCompare(b.agencyId),
          ),
        );
      },
    );

    it('loads the member agencies in one batch, not one lookup per member', async () => {
      const spy = jest.spyOn(hub.app.get(AgencyService), 'getMany');
      try {
        const { body } = await hub.gql<{
          taskForces: { edges: { node: { members: { agency: { name: string } }[] } }[] };
        }>('{ taskForces { edges { node { members { agency { name } } } } } }', {}, { user: COORDINATOR });
        expect(body.errors).toBeUndefined();
        expect(body.data?.taskForces.edges[0].node.members.map((m) => m.agency.name).sort()).toEqual(
          DEMO_AGENCIES.map((a) => a.name).sort(),
        );
        expect(spy).toHaveBeenCalledTimes(1);
        expect([...(spy.mock.calls[0][1] as string[])].sort()).toEqual(DEMO_AGENCIES.map((a) => a.id).sort());
      } finally {
        spy.mockRestore();
      }
    });

    it('is refused without a token (401)', async () => {
      const response = await hub.gql(TASK_FORCES);
      expect(response.status).toBe(401);
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
    });
  });

  describe('availableActions (what the screen offers: the policy)', () => {
    const ACTIONS = `{ taskForces { edges { node { availableActions members { agencyId availableActions } } } } }`;
    async function actionsAs(user: string) {
      const { body } = await hub.gql<{
        taskForces: {
          edges: {
            node: { availableActions: string[]; members: { agencyId: string; availableActions: string[] }[] };
          }[];
        };
      }>(ACTIONS, {}, { user });
      expect(body.errors).toBeUndefined();
      const [{ node }] = must(body.data).taskForces.edges;
      return {
        taskForce: node.availableActions,
        members: Object.fromEntries(node.members.map((m) => [m.agencyId, m.availableActions])),
      };
    }

    it('the coordinator may add, change and remove every member but their own agency, which they may not remove', async () => {
      const { taskForce, members } = await actionsAs(COORDINATOR);
      expect(taskForce).toEqual(['ADD_MEMBER']);
      expect(members[DEMO_AGENCY_IDS.taskForceOffice]).toEqual(['UPDATE']);
      expect(members[DEMO_AGENCY_IDS.harborLight]).toEqual(['UPDATE', 'REMOVE']);
      expect(members[DEMO_AGENCY_IDS.bayviewPolice]).toEqual(['UPDATE', 'REMOVE']);
    });

    it.each(['ngo.lead', 'ngo.caseworker', 'hub.admin'])('%s is offered nothing', async (user) => {
      const { taskForce, members } = await actionsAs(user);
      expect(taskForce).toEqual([]);
      expect(Object.values(members).flat()).toEqual([]);
    });
  });

  describe('the coordinator', () => {
    it('changes a member’s role with expectedVersion; version +1', async () => {
      const before = must(await membership(DEMO_AGENCY_IDS.safePassage));
      expect(before.role).toBe('MEMBER');
      const { status, body } = await update({
        taskForceId: TF,
        agencyId: DEMO_AGENCY_IDS.safePassage,
        role: 'OBSERVER',
        expectedVersion: before.version,
      });
      expect(body.errors).toBeUndefined();
      expect(status).toBe(200);
      expect(body.data?.updateTaskForceMember.member).toMatchObject({
        taskForceId: TF,
        agencyId: DEMO_AGENCY_IDS.safePassage,
        role: 'OBSERVER',
        version: before.version + 1,
        agency: { name: 'Safe Passage Legal Aid' },
      });
      expect(await membership(DEMO_AGENCY_IDS.safePassage)).toMatchObject({
        role: 'OBSERVER',
        version: before.version + 1,
        joined_at: before.joined_at,
      });
    });

    it('is refused with CONFLICT on a stale version, and nothing changes', async () => {
      const before = await memberships();
      const current = must(await membership(DEMO_AGENCY_IDS.safePassage));
      expect(current.version).toBeGreaterThan(1);
      const response = await update({
        taskForceId: TF,
        agencyId: DEMO_AGENCY_IDS.safePassage,
        role: 'MEMBER',
        expectedVersion: current.version - 1,
      });
      expect(codeOf(response)).toBe('CONFLICT');
      expect(response.body.data ?? null).toBeNull();
      expect(await memberships()).toEqual(before);
    });

    it('removes another agency, then adds it back', async () => {
      const agencyId = DEMO_AGENCY_IDS.regionalTa;
      expect(await membership(agencyId)).toBeDefined();

      const removed = await remove({ taskForceId: TF, agencyId });
      expect(removed.body.errors).toBeUndefined();
      expect(removed.body.data?.removeTaskForceMember).toEqual({ taskForceId: TF, agencyId });
      expect(await membership(agencyId)).toBeUndefined();
      const listed = await hub.gql<{
        taskForces: { edges: { node: { members: { agencyId: string }[] } }[] };
      }>(TASK_FORCES, {}, { user: COORDINATOR });
      expect(listed.body.data?.taskForces.edges[0].node.members.map((m) => m.agencyId)).not.toContain(
        agencyId,
      );
      expect(listed.body.data?.taskForces.edges[0].node.members).toHaveLength(5);

      const removedAgain = await remove({ taskForceId: TF, agencyId });
      expect(codeOf(removedAgain)).toBe('NOT_FOUND');

      const added = await add({ taskForceId: TF, agencyId, role: 'OBSERVER' });
      expect(added.body.errors).toBeUndefined();
      expect(added.body.data?.addTaskForceMember.member).toMatchObject({
        taskForceId: TF,
        agencyId,
        role: 'OBSERVER',
        version: 1,
        agency: { name: 'Regional Training & TA Center' },
      });
      expect(await membership(agencyId)).toMatchObject({ role: 'OBSERVER', version: 1 });
      expect(await memberships()).toHaveLength(6);
    });

    it('is refused with CONFLICT when adding an agency that is already a member, and nothing changes', async () => {
      const before = await memberships();
      const response = await add({
        taskForceId: TF,
        agencyId: DEMO_AGENCY_IDS.bayviewPolice,
        role: 'MEMBER',
      });
      expect(codeOf(response)).toBe('CONFLICT');
      expect(response.body.data ?? null).toBeNull();
      expect(await memberships()).toEqual(before);
    });

    it('cannot remove their own agency (FORBIDDEN), and nothing changes', async () => {
      const before = await memberships();
      const response = await remove({ taskForceId: TF, agencyId: DEMO_AGENCY_IDS.taskForceOffice });
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.body.data ?? null).toBeNull();
      expect(await memberships()).toEqual(before);
    });

    it.each([
      ['adding an unknown agency', ADD, { taskForceId: TF, agencyId: randomUUID(), role: 'MEMBER' }],
      [
        'adding to an unknown task force',
        ADD,
        { taskForceId: randomUUID(), agencyId: DEMO_AGENCY_IDS.safePassage, role: 'MEMBER' },
      ],
      [
        'updating an unknown agency',
        UPDATE,
        { taskForceId: TF, agencyId: randomUUID(), role: 'MEMBER', expectedVersion: 1 },
      ],
      [
        'updating in an unknown task force',
        UPDATE,
        {
          taskForceId: randomUUID(),
          agencyId: DEMO_AGENCY_IDS.safePassage,
          role: 'MEMBER',
          expectedVersion: 1,
        },
      ],
      ['removing an unknown agency', REMOVE, { taskForceId: TF, agencyId: randomUUID() }],
      [
        'removing from an unknown task force',
        REMOVE,
        { taskForceId: randomUUID(), agencyId: DEMO_AGENCY_IDS.safePassage },
      ],
    ])('gets NOT_FOUND for %s, and nothing changes', async (_name, mutation, input) => {
      const before = await memberships();
      const response = await hub.gql(mutation, { input }, { user: COORDINATOR });
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(response.body.data ?? null).toBeNull();
      expect(await memberships()).toEqual(before);
    });

    it('cannot manage a task force their agency is not a member of (FORBIDDEN)', async () => {
      const other = randomUUID();
      await hub.asOwner(async (ds) => {
        await ds.query(
          `INSERT INTO task_force (id, name, jurisdiction, description) VALUES ($1, 'Other County Task Force', 'Other County', 'Not ours')`,
          [other],
        );
        await ds.query(
          `INSERT INTO task_force_membership (task_force_id, agency_id, role) VALUES ($1, $2, 'MEMBER')`,
          [other, DEMO_AGENCY_IDS.bayviewPolice],
        );
      });
      try {
        const before = await memberships();
        const added = await add({
          taskForceId: other,
          agencyId: DEMO_AGENCY_IDS.safePassage,
          role: 'MEMBER',
        });
        expect(codeOf(added)).toBe('FORBIDDEN');
        const updated = await update({
          taskForceId: other,
          agencyId: DEMO_AGENCY_IDS.bayviewPolice,
          role: 'OBSERVER',
          expectedVersion: 1,
        });
        expect(codeOf(updated)).toBe('FORBIDDEN');
        const removed = await remove({ taskForceId: other, agencyId: DEMO_AGENCY_IDS.bayviewPolice });
        expect(codeOf(removed)).toBe('FORBIDDEN');
        expect(await memberships()).toEqual(before);
      } finally {
        await hub.asOwner((ds) => ds.query('DELETE FROM task_force WHERE id = $1', [other]));
      }
    });

    it.each([
      [
        'an unknown role (via variables)',
        ADD,
        { taskForceId: TF, agencyId: DEMO_AGENCY_IDS.safePassage, role: 'OVERLORD' },
      ],
      [
        'a role in lower case',
        UPDATE,
        { taskForceId: TF, agencyId: DEMO_AGENCY_IDS.safePassage, role: 'member', expectedVersion: 1 },
      ],
      ['a non-uuid agencyId', ADD, { taskForceId: TF, agencyId: 'safe-passage', role: 'MEMBER' }],
      [
        'a non-uuid taskForceId',
        REMOVE,
        { taskForceId: 'bay-county', agencyId: DEMO_AGENCY_IDS.safePassage },
      ],
      [
        'an expectedVersion of 0',
        UPDATE,
        { taskForceId: TF, agencyId: DEMO_AGENCY_IDS.safePassage, role: 'MEMBER', expectedVersion: 0 },
      ],
      [
        'a missing role',
        UPDATE,
        { taskForceId: TF, agencyId: DEMO_AGENCY_IDS.safePassage, expectedVersion: 1 },
      ],
    ])('gets BAD_USER_INPUT for %s, and nothing changes', async (_name, mutation, input) => {
      const before = await memberships();
      const response = await hub.gql(mutation, { input }, { user: COORDINATOR });
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.body.data ?? null).toBeNull();
      expect(await memberships()).toEqual(before);
    });
  });

  describe.each([
    ['ngo.lead', 'supervisor and agency admin of a member agency'],
    ['pd.supervisor', 'supervisor and agency admin of the co-lead police department'],
    ['ngo.caseworker', 'caseworker'],
    ['tf.auditor', 'auditor of the coordinating agency'],
  ])('%s (%s)', (user) => {
    it('is FORBIDDEN to change a role, and nothing changes', async () => {
      const before = await memberships();
      const current = must(await membership(DEMO_AGENCY_IDS.bayviewPolice));
      const response = await update(
        {
          taskForceId: TF,
          agencyId: DEMO_AGENCY_IDS.bayviewPolice,
          role: 'OBSERVER',
          expectedVersion: current.version,
        },
        user,
      );
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.body.data ?? null).toBeNull();
      expect(await memberships()).toEqual(before);
    });

    it('is FORBIDDEN to remove a member, and nothing changes', async () => {
      const before = await memberships();
      const response = await remove(
        { taskForceId: TF, agencyId: DEMO_AGENCY_IDS.federalVictimAssistance },
        user,
      );
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.body.data ?? null).toBeNull();
      expect(await memberships()).toEqual(before);
    });

    it('is FORBIDDEN to add a member, and nothing changes', async () => {
      const agencyId = randomUUID();
      await hub.asOwner((ds) =>
        ds.query(
          `INSERT INTO agency (id, name, type, jurisdiction, description, services, languages, service_areas, service_area_keys, accepting_referrals, confidential_location)
           VALUES ($1, $2, 'NGO', 'Bay County', 'Not yet a member', '{}', '{en}', '{}', '{}', false, false)`,
          [agencyId, `Newcomer ${agencyId.slice(0, 8)}`],
        ),
      );
      const before = await memberships();
      const response = await add({ taskForceId: TF, agencyId, role: 'MEMBER' }, user);
      expect(codeOf(response)).toBe('FORBIDDEN');
      expect(response.body.data ?? null).toBeNull();
      expect(await memberships()).toEqual(before);
    });
  });
  describe('roles consistent with agency type (one co-lead from each side)', () => {
    const newAgency = async (type: string) => {
      const agencyId = randomUUID();
      await hub.asOwner((ds) =>
        ds.query(
          `INSERT INTO agency (id, name, type, jurisdiction, description, services, languages, service_areas, service_area_keys, accepting_referrals, confidential_location)
           VALUES ($1, $2, $3, 'Bay County', 'Role rules', '{}', '{en}', '{}', '{}', false, false)`,
          [agencyId, `Role ${type} ${agencyId.slice(0, 8)}`, type],
        ),
      );
      return agencyId;
    };
    const version = async (agencyId: string, taskForceId: string = TF) =>
      must(await membership(agencyId, taskForceId)).version;

    async function expectRoleRefused(
      mutation: 'add' | 'update',
      input: Record<string, unknown>,
      reason: string,
    ) {
      const before = await hub.watermark();
      const response = await (mutation === 'add' ? add(input) : update(input));
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.body.data ?? null).toBeNull();
      const error = response.body.errors?.[0];
      expect(inputFields(error)).toEqual(['role']);
      expect((error?.extensions?.problems as { reason?: string }[]).map((p) => p.reason)).toEqual([reason]);
      await expectNothingWritten(hub, before);
    }

    it.each([
      ['an NGO', 'NGO', 'CO_LEAD_LAW_ENFORCEMENT'],
      ['a health agency', 'HEALTH', 'CO_LEAD_LAW_ENFORCEMENT'],
      ['a police agency', 'LAW_ENFORCEMENT', 'CO_LEAD_VICTIM_SERVICES'],
      ['a prosecutor', 'PROSECUTOR', 'CO_LEAD_VICTIM_SERVICES'],
      ['a coordinating office', 'COORDINATOR', 'CO_LEAD_VICTIM_SERVICES'],
    ])(
      'adding %s (%s) as %s: BAD_USER_INPUT ROLE_NOT_FOR_AGENCY_TYPE, nothing written',
      async (_n, type, role) => {
        const agencyId = await newAgency(type);
        await expectRoleRefused('add', { taskForceId: TF, agencyId, role }, 'ROLE_NOT_FOR_AGENCY_TYPE');
      },
    );

    it('making an NGO member (Safe Passage) the law-enforcement co-lead, or police the victim-services co-lead: refused, nothing written', async () => {
      const safePassage = DEMO_AGENCY_IDS.safePassage;
      const police = DEMO_AGENCY_IDS.bayviewPolice;
      await expectRoleRefused(
        'update',
        {
          taskForceId: TF,
          agencyId: safePassage,
          role: 'CO_LEAD_LAW_ENFORCEMENT',
          expectedVersion: await version(safePassage),
        },
        'ROLE_NOT_FOR_AGENCY_TYPE',
      );
      await expectRoleRefused(
        'update',
        {
          taskForceId: TF,
          agencyId: police,
          role: 'CO_LEAD_VICTIM_SERVICES',
          expectedVersion: await version(police),
        },
        'ROLE_NOT_FOR_AGENCY_TYPE',
      );
    });

    it('a second co-lead of either kind (police and Harbor Light hold them): BAD_USER_INPUT CO_LEAD_ALREADY_TAKEN, nothing written', async () => {
      const prosecutor = await newAgency('PROSECUTOR');
      await expectRoleRefused(
        'add',
        { taskForceId: TF, agencyId: prosecutor, role: 'CO_LEAD_LAW_ENFORCEMENT' },
        'CO_LEAD_ALREADY_TAKEN',
      );
      await expectRoleRefused(
        'update',
        {
          taskForceId: TF,
          agencyId: DEMO_AGENCY_IDS.safePassage,
          role: 'CO_LEAD_VICTIM_SERVICES',
          expectedVersion: await version(DEMO_AGENCY_IDS.safePassage),
        },
        'CO_LEAD_ALREADY_TAKEN',
      );
    });

    it('in a task force without co-leads: a prosecutor and an NGO become the co-leads; re-saving a co-lead’s own role is fine; then the seat is taken', async () => {
      const taskForceId = randomUUID();
      await hub.asOwner(async (ds) => {
        await ds.query(
          `INSERT INTO task_force (id, name, jurisdiction, description) VALUES ($1, $2, 'Bay County', 'Role rules')`,
          [taskForceId, `Role rules ${taskForceId.slice(0, 8)}`],
        );
        await ds.query(
          `INSERT INTO task_force_membership (task_force_id, agency_id, role) VALUES ($1, $2, 'MEMBER')`,
          [taskForceId, DEMO_AGENCY_IDS.taskForceOffice],
        );
      });
      const prosecutor = await newAgency('PROSECUTOR');
      const ngo = await newAgency('NGO');
      const lead = must(
        (await add({ taskForceId, agencyId: prosecutor, role: 'CO_LEAD_LAW_ENFORCEMENT' })).body.data,
      );
      expect(lead.addTaskForceMember.member).toMatchObject({
        agencyId: prosecutor,
        role: 'CO_LEAD_LAW_ENFORCEMENT',
      });
      const victim = must(
        (await add({ taskForceId, agencyId: ngo, role: 'CO_LEAD_VICTIM_SERVICES' })).body.data,
      );
      expect(victim.addTaskForceMember.member).toMatchObject({
        agencyId: ngo,
        role: 'CO_LEAD_VICTIM_SERVICES',
      });
      const again = must(
        (
          await update({
            taskForceId,
            agencyId: ngo,
            role: 'CO_LEAD_VICTIM_SERVICES',
            expectedVersion: await version(ngo, taskForceId),
          })
        ).body.data,
      );
      expect(again.updateTaskForceMember.member).toMatchObject({
        role: 'CO_LEAD_VICTIM_SERVICES',
        version: 2,
      });
      const secondNgo = await newAgency('NGO');
      await expectRoleRefused(
        'add',
        { taskForceId, agencyId: secondNgo, role: 'CO_LEAD_VICTIM_SERVICES' },
        'CO_LEAD_ALREADY_TAKEN',
      );
    });
  });
});
