import { randomUUID } from 'node:crypto';
import { DEMO_AGENCIES, DEMO_AGENCY_IDS, DEMO_RESOURCES, DEMO_TASK_FORCE } from '@hub/demo-data';
import { demoUser, expectNothingWritten, expectOnlyDenied, inputFields, TestHub } from '@hub/testing';
import { codeOf, must, rows } from './e2e-support';
import { startHub } from './hub';
import { coordinatorOfNewTaskForce } from './platform-support';

interface Address {
  street: string;
  city: string;
  region: string;
  postalCode: string;
}
interface AgencyNode {
  id: string;
  name: string;
  address: Address | null;
}
interface Page {
  edges: { cursor: string; node: AgencyNode }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const NODE = 'id name address { street city region postalCode }';
const DIRECTORY = `query Directory($need: ServiceNeed, $language: String, $area: String, $acceptingOnly: Boolean, $first: Int, $after: String) {
  directory(need: $need, language: $language, area: $area, acceptingOnly: $acceptingOnly, first: $first, after: $after) {
    edges { cursor node { ${NODE} } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const AGENCIES = `query { agencies(first: 100) { edges { node { ${NODE} } } pageInfo { hasNextPage } } }`;
const AGENCY = `query Agency($id: ID!) { agency(id: $id) { ${NODE} confidentialLocation } }`;
const TASK_FORCES = `query { taskForces { edges { node { id members { agencyId agency { ${NODE} } } } } } }`;

const HARBOR_LIGHT = must(DEMO_AGENCIES.find((a) => a.id === DEMO_AGENCY_IDS.harborLight));
const SAFE_PASSAGE = must(DEMO_AGENCIES.find((a) => a.id === DEMO_AGENCY_IDS.safePassage));
const SECRET_STREET = '100 Lantern Way';

/** Every demo agency, in the directory's order (name, then id). */
const BY_NAME = [
  'Bay County Task Force Office',
  'Bayview Police Department',
  'Federal Victim Assistance Office',
  'Harbor Light Survivor Services',
  'Regional Training & TA Center',
  'Safe Passage Legal Aid',
];

const OUTSIDERS = ['legal.caseworker', 'pd.investigator', 'tf.coordinator'];
const INSIDERS = ['ngo.caseworker', 'ngo.lead'];

describe('directory, agencies and confidential locations (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  async function directory(variables: Record<string, unknown>, user?: string) {
    return hub.gql<{ directory: Page }>(DIRECTORY, variables, user ? { user } : undefined);
  }
  async function directoryNames(variables: Record<string, unknown>): Promise<string[]> {
    const { status, body } = await directory(variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    return (body.data?.directory.edges ?? []).map((edge) => edge.node.name);
  }

  describe('public search (no token)', () => {
    it('lists every demo agency, by name, when no filter is given', async () => {
      expect(await directoryNames({})).toEqual(BY_NAME);
      expect([...BY_NAME].sort()).toEqual(DEMO_AGENCIES.map((a) => a.name).sort());
    });

    it.each([
      ['need LEGAL', { need: 'LEGAL' }, ['Safe Passage Legal Aid']],
      ['language "vi"', { language: 'vi' }, ['Harbor Light Survivor Services']],
      [
        'area "bayview" (case-insensitive, exact)',
        { area: 'bayview' },
        ['Bayview Police Department', 'Harbor Light Survivor Services', 'Safe Passage Legal Aid'],
      ],
      [
        'area "  BAYVIEW " (trimmed, case-insensitive)',
        { area: '  BAYVIEW ' },
        ['Bayview Police Department', 'Harbor Light Survivor Services', 'Safe Passage Legal Aid'],
      ],
      ['area "Marin Flats"', { area: 'marin flats' }, ['Safe Passage Legal Aid']],
      ['area "Bay" (a partial name matches nothing)', { area: 'Bay' }, []],
      ['area "Bay Count" (a prefix matches nothing)', { area: 'Bay Count' }, []],
      [
        'acceptingOnly',
        { acceptingOnly: true },
        ['Bayview Police Department', 'Harbor Light Survivor Services', 'Safe Passage Legal Aid'],
      ],
      ['acceptingOnly false (no filter)', { acceptingOnly: false }, BY_NAME],
      [
        'need VICTIM_ADVOCACY',
        { need: 'VICTIM_ADVOCACY' },
        ['Federal Victim Assistance Office', 'Harbor Light Survivor Services'],
      ],
      [
        'need VICTIM_ADVOCACY and acceptingOnly',
        { need: 'VICTIM_ADVOCACY', acceptingOnly: true },
        ['Harbor Light Survivor Services'],
      ],
      [
        'need EMERGENCY_RESPONSE, area Bayview, acceptingOnly',
        { need: 'EMERGENCY_RESPONSE', area: 'Bayview', acceptingOnly: true },
        ['Bayview Police Department', 'Harbor Light Survivor Services'],
      ],
      [
        'need EMERGENCY_RESPONSE and language vi',
        { need: 'EMERGENCY_RESPONSE', language: 'vi' },
        ['Harbor Light Survivor Services'],
      ],
      [
        'language es and area Marin Flats',
        { language: 'es', area: 'Marin Flats' },
        ['Safe Passage Legal Aid'],
      ],
      [
        'language zh and need HOUSING_AND_SHELTER (no agency has both)',
        { language: 'zh', need: 'HOUSING_AND_SHELTER' },
        [],
      ],
      ['need DENTAL (nobody offers it)', { need: 'DENTAL' }, []],
    ])('filters by %s', async (_name, variables, expected) => {
      expect(await directoryNames(variables)).toEqual(expected);
    });

    it('pages with first: 2 / after: endCursor through every agency exactly once, in name order', async () => {
      const seen: string[] = [];
      const hasNext: boolean[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page += 1) {
        const { status, body } = await directory({ first: 2, after });
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        const connection = must(body.data).directory;
        expect(connection.edges.length).toBeLessThanOrEqual(2);
        seen.push(...connection.edges.map((edge) => edge.node.name));
        hasNext.push(connection.pageInfo.hasNextPage);
        expect(connection.pageInfo.endCursor).toBe(connection.edges.at(-1)?.cursor ?? null);
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toEqual(BY_NAME);
      expect(hasNext).toEqual([true, true, false]);
    });

    it('pages a filtered search too (acceptingOnly, first: 2)', async () => {
      const first = await directory({ acceptingOnly: true, first: 2 });
      expect(first.body.data?.directory.pageInfo.hasNextPage).toBe(true);
      const second = await directory({
        acceptingOnly: true,
        first: 2,
        after: first.body.data?.directory.pageInfo.endCursor,
      });
      expect(second.body.data?.directory.pageInfo.hasNextPage).toBe(false);
      expect(
        [...must(first.body.data).directory.edges, ...must(second.body.data).directory.edges].map(
          (e) => e.node.name,
        ),
      ).toEqual(['Bayview Police Department', 'Harbor Light Survivor Services', 'Safe Passage Legal Aid']);
    });

    it.each([
      ['an unknown language code "xx"', { language: 'xx' }],
      ['a language name instead of a code ("english")', { language: 'english' }],
      ['first: 0', { first: 0 }],
      ['first: 101', { first: 101 }],
      ['first: -1', { first: -1 }],
      ['a garbage cursor', { after: 'garbage!' }],
      [
        'a well-formed cursor of the wrong shape',
        { after: Buffer.from(JSON.stringify([1, 2, 3])).toString('base64url') },
      ],
      ['an empty area', { area: '' }],
      ['an area over 100 characters', { area: 'x'.repeat(101) }],
      ['an unknown need (enum value via variables)', { need: 'TELEPORTATION' }],
      ['a need in lower case (enum values are SCREAMING_CASE)', { need: 'legal' }],
    ])('refuses %s with BAD_USER_INPUT', async (_name, variables) => {
      const response = await directory(variables);
      expect(codeOf(response)).toBe('BAD_USER_INPUT');
      expect(response.body.data?.directory ?? null).toBeNull();
    });

    it('lists the three national hotlines with their phone numbers', async () => {
      const { status, body } = await hub.gql<{
        resources: { edges: { node: { name: string; phone: string } }[] };
      }>('{ resources { edges { node { name phone } } pageInfo { hasNextPage } } }');
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      const phones = must(body.data).resources.edges.map((edge) => edge.node.phone);
      expect(phones).toHaveLength(3);
      expect([...phones].sort()).toEqual(['1-855-484-2846', '1-888-373-7888', '1-888-428-7581']);
      expect(
        must(body.data)
          .resources.edges.map((edge) => edge.node)
          .sort((a, b) => a.phone.localeCompare(b.phone)),
      ).toEqual(
        DEMO_RESOURCES.map((r) => ({ name: r.name, phone: r.phone })).sort((a, b) =>
          a.phone.localeCompare(b.phone),
        ),
      );
    });
  });

  describe('confidential location', () => {
    it('withholds Harbor Light’s address from the anonymous directory, and shows Safe Passage’s', async () => {
      const { status, body } = await directory({});
      expect(status).toBe(200);
      const nodes = must(body.data).directory.edges.map((edge) => edge.node);
      expect(nodes.find((n) => n.id === HARBOR_LIGHT.id)).toEqual({
        id: HARBOR_LIGHT.id,
        name: HARBOR_LIGHT.name,
        address: null,
      });
      expect(nodes.find((n) => n.id === SAFE_PASSAGE.id)?.address).toEqual(SAFE_PASSAGE.address);
      expect(JSON.stringify(body)).not.toContain(SECRET_STREET);
    });

    it('withholds it from the anonymous directory even when searching by its area and services', async () => {
      const { body } = await directory({ area: 'Port Harbor', need: 'HOUSING_AND_SHELTER', language: 'vi' });
      expect(body.data?.directory.edges.map((e) => e.node)).toEqual([
        { id: HARBOR_LIGHT.id, name: HARBOR_LIGHT.name, address: null },
      ]);
      expect(JSON.stringify(body)).not.toContain(SECRET_STREET);
    });

    describe.each(OUTSIDERS)('for %s (another agency)', (user) => {
      it('is null in agency(id), and Safe Passage’s address is shown', async () => {
        const harbor = await hub.gql<{ agency: AgencyNode & { confidentialLocation: boolean } }>(
          AGENCY,
          { id: HARBOR_LIGHT.id },
          { user },
        );
        expect(harbor.status).toBe(200);
        expect(harbor.body.errors).toBeUndefined();
        expect(harbor.body.data?.agency).toEqual({
          id: HARBOR_LIGHT.id,
          name: HARBOR_LIGHT.name,
          address: null,
          confidentialLocation: true,
        });
        expect(JSON.stringify(harbor.body)).not.toContain(SECRET_STREET);

        const safe = await hub.gql<{ agency: AgencyNode }>(AGENCY, { id: SAFE_PASSAGE.id }, { user });
        expect(safe.body.data?.agency.address).toEqual(SAFE_PASSAGE.address);
      });

      it('is null in agencies', async () => {
        const { status, body } = await hub.gql<{ agencies: Page }>(AGENCIES, {}, { user });
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        const nodes = must(body.data).agencies.edges.map((edge) => edge.node);
        expect(nodes.map((n) => n.name)).toEqual(BY_NAME);
        expect(nodes.find((n) => n.id === HARBOR_LIGHT.id)?.address).toBeNull();
        expect(nodes.find((n) => n.id === SAFE_PASSAGE.id)?.address).toEqual(SAFE_PASSAGE.address);
        expect(JSON.stringify(body)).not.toContain(SECRET_STREET);
      });

      it('is null in the directory with a token', async () => {
        const { body } = await directory({}, user);
        expect(
          body.data?.directory.edges.find((e) => e.node.id === HARBOR_LIGHT.id)?.node.address,
        ).toBeNull();
        expect(JSON.stringify(body)).not.toContain(SECRET_STREET);
      });

      it('is null in taskForces { members { agency { address } } }', async () => {
        const { status, body } = await hub.gql<{
          taskForces: { edges: { node: { members: { agencyId: string; agency: AgencyNode }[] } }[] };
        }>(TASK_FORCES, {}, { user });
        expect(status).toBe(200);
        expect(body.errors).toBeUndefined();
        const members = must(body.data).taskForces.edges.flatMap((edge) => edge.node.members);
        expect(members).toHaveLength(6);
        expect(members.find((m) => m.agencyId === HARBOR_LIGHT.id)?.agency).toEqual({
          id: HARBOR_LIGHT.id,
          name: HARBOR_LIGHT.name,
          address: null,
        });
        expect(members.find((m) => m.agencyId === SAFE_PASSAGE.id)?.agency.address).toEqual(
          SAFE_PASSAGE.address,
        );
        expect(JSON.stringify(body)).not.toContain(SECRET_STREET);
      });
    });

    describe.each(INSIDERS)('for %s (Harbor Light’s own staff)', (user) => {
      it('is shown in agency(id), agencies, directory and task-force members', async () => {
        const one = await hub.gql<{ agency: AgencyNode }>(AGENCY, { id: HARBOR_LIGHT.id }, { user });
        expect(one.body.errors).toBeUndefined();
        expect(one.body.data?.agency.address).toEqual(HARBOR_LIGHT.address);

        const list = await hub.gql<{ agencies: Page }>(AGENCIES, {}, { user });
        expect(
          list.body.data?.agencies.edges.find((e) => e.node.id === HARBOR_LIGHT.id)?.node.address,
        ).toEqual(HARBOR_LIGHT.address);

        const search = await directory({}, user);
        expect(
          search.body.data?.directory.edges.find((e) => e.node.id === HARBOR_LIGHT.id)?.node.address,
        ).toEqual(HARBOR_LIGHT.address);

        const tf = await hub.gql<{
          taskForces: { edges: { node: { members: { agencyId: string; agency: AgencyNode }[] } }[] };
        }>(TASK_FORCES, {}, { user });
        const member = tf.body.data?.taskForces.edges
          .flatMap((e) => e.node.members)
          .find((m) => m.agencyId === HARBOR_LIGHT.id);
        expect(member?.agency.address).toEqual(HARBOR_LIGHT.address);
        expect(one.body.data?.agency.address?.street).toBe(SECRET_STREET);
        // Other agencies' public addresses are there too.
        expect(
          list.body.data?.agencies.edges.find((e) => e.node.id === SAFE_PASSAGE.id)?.node.address,
        ).toEqual(SAFE_PASSAGE.address);
      });
    });
  });

  describe('agencies and agency', () => {
    it.each([
      ['agencies', AGENCIES, {}],
      ['agency', AGENCY, { id: HARBOR_LIGHT.id }],
      ['taskForces', TASK_FORCES, {}],
    ])('%s without a token is 401 UNAUTHENTICATED with no data', async (_name, query, variables) => {
      const response = await hub.gql(query, variables);
      expect(response.status).toBe(401);
      expect(codeOf(response)).toBe('UNAUTHENTICATED');
      expect(response.body.data ?? null).toBeNull();
      expect(JSON.stringify(response.body)).not.toContain(SECRET_STREET);
    });

    it.each([
      ['a non-uuid id "nope"', 'nope'],
      ['a random uuid', randomUUID()],
    ])('agency(id) with %s is NOT_FOUND', async (_name, id) => {
      const response = await hub.gql(AGENCY, { id }, { user: 'legal.caseworker' });
      expect(codeOf(response)).toBe('NOT_FOUND');
      expect(response.body.data ?? null).toBeNull();
    });

    it('agencies filters by type', async () => {
      const { body } = await hub.gql<{ agencies: Page }>(
        '{ agencies(type: NGO) { edges { node { name } } } }',
        {},
        { user: 'pd.investigator' },
      );
      expect(body.errors).toBeUndefined();
      expect(body.data?.agencies.edges.map((e) => e.node.name)).toEqual([
        'Harbor Light Survivor Services',
        'Safe Passage Legal Aid',
      ]);
    });
  });

  describe('hotlines managed by coordinators (and national ones by the platform administrator)', () => {
    const FIELDS = 'id taskForceId name phone text chatUrl hours languages description retiredAt version';
    const CREATE = `mutation($input: CreateResourceInput!) { createResource(input: $input) { resource { ${FIELDS} } } }`;
    const UPDATE = `mutation($input: UpdateResourceInput!) { updateResource(input: $input) { resource { ${FIELDS} } } }`;
    const RETIRE = `mutation($input: RetireResourceInput!) { retireResource(input: $input) { resource { ${FIELDS} } } }`;
    type Line = { id: string; version: number; name: string; retiredAt: string | null };
    const TF = DEMO_TASK_FORCE.id;
    const line = (input: Record<string, unknown> = {}) => ({
      taskForceId: TF,
      name: 'Bay County Survivor Line',
      phone: '+1 555 0199',
      text: '55199',
      hours: '24/7',
      languages: ['en', 'es'],
      description: 'Local line answered by Harbor Light advocates.',
      ...input,
    });
    const as = (user: string) => ({ user });
    const created = async (
      input: Record<string, unknown> = {},
      who: { user?: string; token?: string } = as('tf.coordinator'),
    ) =>
      must(
        (await hub.gql<{ createResource: { resource: Line } }>(CREATE, { input: line(input) }, who)).body
          .data,
      ).createResource.resource;
    const publicNames = async () =>
      must(
        (
          await hub.gql<{ resources: { edges: { node: { name: string } }[] } }>(
            '{ resources(first: 100) { edges { node { name } } } }',
          )
        ).body.data,
      ).resources.edges.map((edge) => edge.node.name);
    const auditOf = (id: string) =>
      rows<{
        action: string;
        actor_user_id: string;
        decision: string;
        fields: string[];
        reason: string | null;
      }>(
        hub,
        'SELECT action, actor_user_id, decision, fields, reason FROM audit_event WHERE subject_id = $1 ORDER BY id',
        [id],
      );

    it('a coordinator adds, edits and retires a hotline of their task force; the public list follows; each change is audited', async () => {
      const response = await hub.gql<{ createResource: { resource: unknown } }>(
        CREATE,
        { input: line({ name: '  Bay County Survivor Line ' }) },
        as('tf.coordinator'),
      );
      expect(response.body.errors).toBeUndefined();
      const resource = must(response.body.data).createResource.resource as Line;
      expect(resource).toEqual({
        id: expect.any(String),
        taskForceId: TF,
        name: 'Bay County Survivor Line',
        phone: '+1 555 0199',
        text: '55199',
        chatUrl: null,
        hours: '24/7',
        languages: ['en', 'es'],
        description: 'Local line answered by Harbor Light advocates.',
        retiredAt: null,
        version: 1,
      });
      expect(await publicNames()).toContain('Bay County Survivor Line');

      const edited = await hub.gql<{ updateResource: { resource: Line } }>(
        UPDATE,
        {
          input: {
            resourceId: resource.id,
            expectedVersion: 1,
            name: 'Bay County Survivor Hotline',
            hours: 'Mon–Fri 8–8',
          },
        },
        as('tf.coordinator'),
      );
      expect(must(edited.body.data).updateResource.resource).toMatchObject({
        name: 'Bay County Survivor Hotline',
        hours: 'Mon–Fri 8–8',
        phone: '+1 555 0199',
        version: 2,
      });
      expect(await publicNames()).toContain('Bay County Survivor Hotline');
      expect(await publicNames()).not.toContain('Bay County Survivor Line');

      // A stale version is a CONFLICT and changes nothing.
      const before = await hub.watermark();
      expect(
        codeOf(
          await hub.gql(
            UPDATE,
            { input: { resourceId: resource.id, expectedVersion: 1, name: 'Stale' } },
            as('tf.coordinator'),
          ),
        ),
      ).toBe('CONFLICT');
      await expectNothingWritten(hub, before);

      const retired = await hub.gql<{ retireResource: { resource: Line } }>(
        RETIRE,
        {
          input: {
            resourceId: resource.id,
            expectedVersion: 2,
            reason: 'Line merged into the national hotline',
          },
        },
        as('tf.coordinator'),
      );
      expect(must(retired.body.data).retireResource.resource).toMatchObject({
        version: 3,
        retiredAt: expect.any(String),
      });
      expect(await publicNames()).not.toContain('Bay County Survivor Hotline');
      // A retired line is neither edited nor retired again.
      expect(
        codeOf(
          await hub.gql(
            UPDATE,
            { input: { resourceId: resource.id, expectedVersion: 3, name: 'Back' } },
            as('tf.coordinator'),
          ),
        ),
      ).toBe('ILLEGAL_TRANSITION');

      const coordinator = demoUser('tf.coordinator').sub;
      expect(await auditOf(resource.id)).toEqual([
        {
          action: 'CREATE_RESOURCE',
          actor_user_id: coordinator,
          decision: 'ALLOWED',
          fields: [],
          reason: null,
        },
        {
          action: 'UPDATE_RESOURCE',
          actor_user_id: coordinator,
          decision: 'ALLOWED',
          fields: ['name', 'hours'],
          reason: null,
        },
        {
          action: 'RETIRE_RESOURCE',
          actor_user_id: coordinator,
          decision: 'ALLOWED',
          fields: [],
          reason: 'Line merged into the national hotline',
        },
      ]);
    });

    it('the platform administrator manages national lines; a coordinator may not touch them', async () => {
      const national = await created(
        { taskForceId: null, name: 'National Labor Exploitation Line' },
        as('hub.admin'),
      );
      expect(national).toMatchObject({ taskForceId: null, version: 1 });
      const before = await hub.watermark();
      const response = await hub.gql(
        UPDATE,
        { input: { resourceId: national.id, expectedVersion: 1, name: 'Hijacked' } },
        as('tf.coordinator'),
      );
      expect(codeOf(response)).toBe('FORBIDDEN');
      await expectOnlyDenied(hub, before, {
        user: 'tf.coordinator',
        action: 'UPDATE_RESOURCE',
        subjectType: 'Resource',
        subjectId: national.id,
      });
      const beforeCreate = await hub.watermark();
      expect(
        codeOf(await hub.gql(CREATE, { input: line({ taskForceId: null }) }, as('tf.coordinator'))),
      ).toBe('FORBIDDEN');
      await expectOnlyDenied(hub, beforeCreate, {
        user: 'tf.coordinator',
        action: 'CREATE_RESOURCE',
        subjectType: 'Resource',
        subjectId: null,
      });
    });

    it.each([
      ['a caseworker', 'ngo.caseworker'],
      ['an agency admin', 'ngo.lead'],
      ['the platform administrator (a task force’s line)', 'hub.admin'],
    ])(
      'refuses %s to add, edit or retire a task force’s hotline (FORBIDDEN, audited) and changes nothing',
      async (_who, user) => {
        const resource = await created({ name: `Line kept from ${user}` });
        for (const [query, input, action, subjectId] of [
          [CREATE, line(), 'CREATE_RESOURCE', null],
          [
            UPDATE,
            { resourceId: resource.id, expectedVersion: 1, name: 'Changed' },
            'UPDATE_RESOURCE',
            resource.id,
          ],
          [
            RETIRE,
            { resourceId: resource.id, expectedVersion: 1, reason: 'No' },
            'RETIRE_RESOURCE',
            resource.id,
          ],
        ] as const) {
          const before = await hub.watermark();
          expect(codeOf(await hub.gql(query, { input }, as(user)))).toBe('FORBIDDEN');
          await expectOnlyDenied(hub, before, { user, action, subjectType: 'Resource', subjectId });
        }
      },
    );

    it('refuses a coordinator of another task force and anonymous callers; nothing changes', async () => {
      const resource = await created({ name: 'Line of the Bay task force' });
      const other = await coordinatorOfNewTaskForce(hub, 'Lakeside');
      for (const [query, input] of [
        [CREATE, line()],
        [UPDATE, { resourceId: resource.id, expectedVersion: 1, name: 'Changed' }],
        [RETIRE, { resourceId: resource.id, expectedVersion: 1, reason: 'No' }],
      ] as const) {
        const before = await hub.watermark();
        expect(codeOf(await hub.gql(query, { input }, { token: other.token }))).toBe('FORBIDDEN');
        expect(await hub.tablesWrittenSince(before)).toEqual([]);
        expect((await hub.auditEventsSince(before)).map((event) => event.decision)).toEqual(['DENIED']);

        const anonymous = await hub.gql(query, { input });
        expect(anonymous.status).toBe(401);
        expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
        await expectNothingWritten(hub, before, { allowDenied: true });
      }
      expect(await auditOf(resource.id)).toHaveLength(1 + 2);
      // Their own task force's lines are theirs to manage.
      const own = await created({ taskForceId: other.taskForceId, name: 'Lakeside Help Line' }, {
        token: other.token,
      } as never);
      expect(own).toMatchObject({ version: 1 });
    });

    it.each([
      ['a phone that is not a number', { phone: 'call us' }, 'phone'],
      ['a text number that is not a number', { text: 'text HELP' }, 'text'],
      ['a language that is not an ISO 639-1 code', { languages: ['english'] }, 'languages'],
      ['a blank name', { name: '   ' }, 'name'],
      ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
      ['hours over 200 characters', { hours: 'x'.repeat(201) }, 'hours'],
      ['a description over 2,000 characters', { description: 'x'.repeat(2001) }, 'description'],
      ['a chat address that is not http(s)', { chatUrl: 'javascript:alert(1)' }, 'chatUrl'],
    ])('refuses %s (BAD_USER_INPUT naming the field) and changes nothing', async (_name, bad, field) => {
      const resource = await created({ name: `Line for ${field}` });
      for (const [query, input] of [
        [CREATE, line(bad)],
        [UPDATE, { resourceId: resource.id, expectedVersion: 1, ...bad }],
      ] as const) {
        const before = await hub.watermark();
        const response = await hub.gql(query, { input }, as('tf.coordinator'));
        expect(codeOf(response)).toBe('BAD_USER_INPUT');
        expect(inputFields(response.body.errors?.[0])).toEqual([field]);
        await expectNothingWritten(hub, before);
      }
    });
  });
});
