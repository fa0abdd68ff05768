import pg from 'pg';
import { DEMO_USERS } from '@hub/demo-data';
import { TestHub } from '@hub/testing';
import { startHub } from './hub';
import {
  changeOf,
  FEDERAL,
  LIST,
  ListPage,
  listIds,
  must,
  ok,
  REGIONAL_TA,
  requestAt,
  requestInput,
  run,
  sessionInput,
} from './technical-assistance-support';

/**
 * The list: every demo user finds exactly the requests DESIGN.md §4 lets them see, in every scope,
 * page by page (keyset, newest first); and a page of 30 requests with their agencies, events,
 * sessions, messages and available actions costs the same number of SQL statements as a page of 1
 * (counted at `pg`).
 */

const DETAIL_PAGE = `query($first: Int) {
  technicalAssistanceRequests(first: $first, scope: MY_TASK_FORCES) {
    edges { node { id status requestingAgency { name } assignedAgency { name }
      events { toStatus } sessions { kind totalAttendees attendance { audience attendees } } messages { body }
      availableActions } }
  }
}`;

type Query = (...args: unknown[]) => unknown;
const clientPrototype = pg.Client.prototype as unknown as { query: Query };
const driverQuery = clientPrototype.query;
const counter = { on: false, statements: 0 };

describe('technical-assistance lists (e2e)', () => {
  jest.setTimeout(180_000);
  let hub: TestHub;

  beforeAll(async () => {
    clientPrototype.query = function (this: unknown, ...args: unknown[]) {
      if (counter.on) counter.statements += 1;
      return driverQuery.apply(this, args);
    };
    hub = await startHub({ env: { AUDIT_SEAL_INTERVAL_SECONDS: '0' } });
    // 32 requests in every stage, by two agencies, some assigned to the TA center, one to the federal partner.
    const stages = [
      'SUBMITTED',
      'TRIAGED',
      'ASSIGNED',
      'IN_PROGRESS_WITH_SESSION',
      'DELIVERED',
      'CLOSED',
    ] as const;
    for (let i = 0; i < 24; i += 1) {
      const request = await requestAt(hub, stages[i % stages.length], {
        topic: i % 2 ? 'LABOR_TRAFFICKING' : 'VICTIM_IDENTIFICATION',
      });
      ok(await run(hub, 'message', 'ngo.lead', { requestId: request.id, body: `Note ${i}` }));
    }
    for (let i = 0; i < 6; i += 1)
      await must(hub, 'request', 'legal.lead', requestInput({ topic: 'LEGAL_AND_IMMIGRATION' }));
    const toFederal = await requestAt(hub, 'TRIAGED');
    const assigned = await must(hub, 'assign', 'tf.coordinator', changeOf(toFederal, { agencyId: FEDERAL }));
    const started = await must(hub, 'start', 'fed.liaison', changeOf(assigned));
    ok(
      await hub.gql(
        `mutation($input: RecordTechnicalAssistanceSessionInput!) { recordTechnicalAssistanceSession(input: $input) { session { id } } }`,
        { input: sessionInput(started.id, started.version, { attendance: [] }) },
        { user: 'fed.liaison' },
      ),
    );
    await must(hub, 'request', 'tf.coordinator', requestInput({ topic: 'DATA_AND_EVALUATION' }));
  });

  afterAll(async () => {
    clientPrototype.query = driverQuery;
    await hub.close();
  });

  /** DESIGN.md §4 in SQL, independent of the policy: the parties of each request. */
  async function oracle(username: string, filter: { scope?: string; status?: string; topic?: string }) {
    const user = DEMO_USERS.find((u) => u.username === username);
    if (!user) throw new Error(username);
    // A hub administrator is party to no request, whatever their agency (DESIGN.md §4).
    if (user.roles.includes('hub_admin')) return [];
    const coordinator = user.roles.includes('coordinator');
    const rows = (await hub.asOwner((ds) =>
      ds.query(
        `SELECT r.id FROM technical_assistance_request r
          WHERE (r.requesting_agency_id = $1 OR r.assigned_agency_id = $1
                 OR ($2 AND EXISTS (SELECT 1 FROM task_force_membership m WHERE m.agency_id = $1 AND m.task_force_id = r.task_force_id)))
            AND ($3::text IS NULL OR ($3 = 'REQUESTED_BY_MY_AGENCY' AND r.requesting_agency_id = $1)
                 OR ($3 = 'ASSIGNED_TO_MY_AGENCY' AND r.assigned_agency_id = $1)
                 OR ($3 = 'MY_TASK_FORCES' AND EXISTS (SELECT 1 FROM task_force_membership m WHERE m.agency_id = $1 AND m.task_force_id = r.task_force_id)))
            AND ($4::text IS NULL OR r.status = $4) AND ($5::text IS NULL OR r.topic = $5)
          ORDER BY r.created_at DESC, r.id DESC`,
        [user.agencyId, coordinator, filter.scope ?? null, filter.status ?? null, filter.topic ?? null],
      ),
    )) as { id: string }[];
    return rows.map((row) => row.id);
  }

  const FILTERS = [
    {},
    { scope: 'REQUESTED_BY_MY_AGENCY' },
    { scope: 'ASSIGNED_TO_MY_AGENCY' },
    { scope: 'MY_TASK_FORCES' },
    { scope: 'MY_TASK_FORCES', status: 'SUBMITTED' },
    { status: 'CLOSED' },
    { topic: 'LABOR_TRAFFICKING' },
  ];

  it.each(DEMO_USERS.map((u) => [u.username]))(
    '%s finds exactly what the rules allow, in every scope',
    async (username) => {
      for (const filter of FILTERS) {
        expect({ filter, ids: await listIds(hub, username, filter) }).toEqual({
          filter,
          ids: await oracle(username, filter),
        });
      }
    },
  );

  it('the coordinator sees all 32, the provider its 16, legal aid its own 6, police none', async () => {
    expect(await listIds(hub, 'tf.coordinator', { scope: 'MY_TASK_FORCES' })).toHaveLength(32);
    expect(await listIds(hub, 'pd.investigator')).toEqual([]);
    expect(await listIds(hub, 'ta.provider')).toHaveLength(16);
    expect(await listIds(hub, 'legal.caseworker')).toHaveLength(6);
    expect(await listIds(hub, 'fed.liaison')).toHaveLength(1);
  });

  it('walks pages of 5 without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 50; pages++) {
      const response = await hub.gql<ListPage>(
        LIST,
        { first: 5, after, scope: 'MY_TASK_FORCES' },
        { user: 'tf.coordinator' },
      );
      const page: ListPage['technicalAssistanceRequests'] = ok(response).technicalAssistanceRequests;
      expect(page.edges.length).toBeLessThanOrEqual(5);
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(await oracle('tf.coordinator', { scope: 'MY_TASK_FORCES' }));
  });

  it('a page of 30 with agencies, events, sessions, messages and available actions costs the statements of a page of 1', async () => {
    const token = await hub.idp.tokenFor('tf.coordinator');
    const cost = async (first: number) => {
      ok(await hub.gql(DETAIL_PAGE, { first }, { token })); // warm: the first sight of a token is recorded
      counter.statements = 0;
      counter.on = true;
      const response = await hub.gql<{ technicalAssistanceRequests: { edges: unknown[] } }>(
        DETAIL_PAGE,
        { first },
        { token },
      );
      counter.on = false;
      expect(ok(response).technicalAssistanceRequests.edges).toHaveLength(first);
      return counter.statements;
    };
    const one = await cost(1);
    const thirty = await cost(30);
    expect(one).toBeGreaterThan(0);
    expect(thirty).toBe(one);
  });

  it('stays within its parties: a session recorded elsewhere is not in REGIONAL_TA’s list', async () => {
    const ids = await listIds(hub, 'ta.provider', { scope: 'ASSIGNED_TO_MY_AGENCY' });
    const assignedElsewhere = (await hub.asOwner((ds) =>
      ds.query(`SELECT id FROM technical_assistance_request WHERE assigned_agency_id IS DISTINCT FROM $1`, [
        REGIONAL_TA,
      ]),
    )) as { id: string }[];
    for (const { id } of assignedElsewhere) expect(ids).not.toContain(id);
  });
});
