import { DataSource } from 'typeorm';
import { agenciesMigrations } from '@hub/agencies';
import { Actor } from '@hub/authz';
import { AccessScope, defineAbilityFor } from '@hub/access';
import { databaseMigrations, dataSourceOptions, Transactions } from '@hub/database';
import { createTestDatabase, LastQuery, planOf, PlanNode, TestDatabase } from '@hub/testing';
import { EventLog, workflowMigrations } from '@hub/workflow';
import { technicalAssistanceMigrations } from '../migrations';
import { TechnicalAssistanceScope } from '../shared/enums';
import {
  TechnicalAssistanceAttendanceEntity,
  TechnicalAssistanceRequestEntity,
  TechnicalAssistanceSessionEntity,
} from './technical-assistance.entity';
import { TechnicalAssistanceRepository } from './technical-assistance.repository';

const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AGENCIES = 300;
const TASK_FORCES = 30;
const REQUESTS = 30_000;
const agencyId = (n: number) => uuid('0a6e1d3c', n);
const taskForceId = (n: number) => uuid('7f3c2a10', n);
// Agencies 1–250 are NGOs (agency n is in task force n % 30), 251–290 TA providers, 291–300 coordinators.
const PROVIDER = 251;
const OFFICE = 291;

function scopeOf(agency: number, type: string, roles: string[], taskForces: number[]): AccessScope {
  const actor: Actor = {
    userId: `user-${agency}`,
    agencyId: agencyId(agency),
    agencyType: type,
    roles,
    taskForceIds: taskForces.map(taskForceId),
  };
  return { actor, ability: defineAbilityFor(actor) };
}
const lead = scopeOf(7, 'NGO', ['supervisor'], [7]);
const provider = scopeOf(PROVIDER, 'TA_PROVIDER', ['ta_provider'], []);
const coordinator = scopeOf(OFFICE, 'COORDINATOR', ['coordinator'], [1]);

describe('TechnicalAssistanceRepository (integration, real PostgreSQL and migrations)', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let dataSource: DataSource;
  let repository: TechnicalAssistanceRepository;
  const last = new LastQuery();

  beforeAll(async () => {
    db = await createTestDatabase([
      ...databaseMigrations,
      ...agenciesMigrations,
      ...workflowMigrations,
      ...technicalAssistanceMigrations,
    ]);
    const owner = new DataSource(dataSourceOptions({ url: db.ownerUrl }));
    await owner.initialize();
    await owner.query(
      `INSERT INTO task_force (id, name, jurisdiction)
       SELECT ('7f3c2a10-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'TF ' || i, 'County ' || i
         FROM generate_series(0, $1 - 1) AS i`,
      [TASK_FORCES],
    );
    await owner.query(
      `INSERT INTO agency (id, name, type, jurisdiction)
       SELECT ('0a6e1d3c-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'Agency ' || i,
              CASE WHEN i >= $1 THEN 'COORDINATOR' WHEN i >= $2 THEN 'TA_PROVIDER' ELSE 'NGO' END, 'Test'
         FROM generate_series(1, $3) AS i`,
      [OFFICE, PROVIDER, AGENCIES],
    );
    // 30,000 requests from 250 NGOs in 30 task forces, a third assigned to one of 40 providers; their
    // created_at differ by microseconds (and some tie), which a keyset cursor must not lose.
    await owner.query(
      `INSERT INTO technical_assistance_request (task_force_id, requesting_agency_id, requested_by, topic, type, modality,
         problem_statement, why_it_matters, current_practice, desired_outcome, audiences, expected_attendees, urgency,
         status, priority, assigned_agency_id, created_at)
       SELECT ('7f3c2a10-0000-4000-8000-' || lpad((a % $2)::text, 12, '0'))::uuid,
              ('0a6e1d3c-0000-4000-8000-' || lpad(a::text, 12, '0'))::uuid, 'u', 'OTHER', 'TRAINING', 'VIRTUAL',
              'p', 'w', 'c', 'd', ARRAY['COMMUNITY'], 10, 'ROUTINE',
              CASE WHEN i % 3 = 0 THEN 'ASSIGNED' WHEN i % 7 = 0 THEN 'TRIAGED' ELSE 'SUBMITTED' END,
              CASE WHEN i % 3 = 0 OR i % 7 = 0 THEN 'LOW' END,
              CASE WHEN i % 3 = 0 THEN ('0a6e1d3c-0000-4000-8000-' || lpad(($3 + i % 40)::text, 12, '0'))::uuid END,
              timestamptz '2026-01-01' + (i / 3) * interval '1 microsecond'
         FROM generate_series(1, $1) AS i, LATERAL (SELECT 1 + i % 250 AS a) AS pick`,
      [REQUESTS, TASK_FORCES, PROVIDER],
    );
    await owner.query(
      `INSERT INTO record_event (subject_type, subject_id, from_status, to_status, actor_user_id, actor_agency_id)
       SELECT 'TechnicalAssistanceRequest', id, NULL, 'SUBMITTED', 'u', requesting_agency_id
         FROM technical_assistance_request`,
    );
    await owner.query('ANALYZE');
    await owner.destroy();

    dataSource = new DataSource({
      ...dataSourceOptions({
        url: db.apiUrl,
        entities: [
          TechnicalAssistanceRequestEntity,
          TechnicalAssistanceSessionEntity,
          TechnicalAssistanceAttendanceEntity,
        ],
      }),
      logging: ['query'],
      logger: last,
    });
    await dataSource.initialize();
    repository = new TechnicalAssistanceRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  function planOfLastQuery(): Promise<PlanNode[]> {
    return planOf(dataSource, last);
  }
  const indexes = (nodes: PlanNode[]) =>
    nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : []));
  const seqScan = (nodes: PlanNode[], relation: string) =>
    nodes.some((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === relation);

  it.each([
    [
      'REQUESTED_BY_MY_AGENCY',
      lead,
      { scope: TechnicalAssistanceScope.REQUESTED_BY_MY_AGENCY },
      ['ta_request_requesting_idx'],
    ],
    [
      'ASSIGNED_TO_MY_AGENCY',
      provider,
      { scope: TechnicalAssistanceScope.ASSIGNED_TO_MY_AGENCY },
      ['ta_request_assigned_idx'],
    ],
    [
      'MY_TASK_FORCES',
      coordinator,
      { scope: TechnicalAssistanceScope.MY_TASK_FORCES },
      ['ta_request_task_force_idx', 'ta_request_task_force_status_idx'],
    ],
    [
      'MY_TASK_FORCES with a status (the triage queue)',
      coordinator,
      { scope: TechnicalAssistanceScope.MY_TASK_FORCES, status: 'TRIAGED' },
      ['ta_request_task_force_status_idx', 'ta_request_task_force_idx'],
    ],
  ] as const)(
    'serves %s from its index, never a scan of all requests',
    async (_name, scope, filter, expected) => {
      const page = await repository.listVisible(scope, filter, { first: 20 });
      expect(page.edges.length).toBeGreaterThan(0);
      const nodes = await planOfLastQuery();
      expect(indexes(nodes).some((index) => (expected as readonly string[]).includes(index))).toBe(true);
      expect(seqScan(nodes, 'technical_assistance_request')).toBe(false);
    },
  );

  it('serves the unscoped list (everything visible) from indexes', async () => {
    await repository.listVisible(lead, {}, { first: 20 });
    const nodes = await planOfLastQuery();
    expect(indexes(nodes).some((index) => index.startsWith('ta_request_'))).toBe(true);
    expect(seqScan(nodes, 'technical_assistance_request')).toBe(false);
  });

  it('serves the events of a page (the kernel event log) from record_event_subject_idx', async () => {
    const page = await repository.listVisible(
      coordinator,
      { scope: TechnicalAssistanceScope.MY_TASK_FORCES },
      { first: 50 },
    );
    const events = await new EventLog(new Transactions(dataSource)).eventsOf(
      'TechnicalAssistanceRequest',
      page.edges.map((edge) => edge.node.id),
    );
    expect(events.map((group) => group.length)).toEqual(Array(50).fill(1));
    const nodes = await planOfLastQuery();
    expect(indexes(nodes)).toContain('record_event_subject_idx');
  });

  it('pages by keyset without gaps or repeats, ties and microseconds included', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 1000; pages++) {
      const page = await repository.listVisible(
        coordinator,
        { scope: TechnicalAssistanceScope.MY_TASK_FORCES },
        { first: 37, after },
      );
      expect(page.edges.length).toBeLessThanOrEqual(37);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    const expected = (await dataSource.query(
      `SELECT id FROM technical_assistance_request WHERE task_force_id = $1 ORDER BY created_at DESC, id DESC`,
      [taskForceId(1)],
    )) as { id: string }[];
    expect(expected.length).toBeGreaterThan(500);
    expect(seen).toEqual(expected.map((row) => row.id));
  });

  it('keeps the API role from deleting requests or rewriting events', async () => {
    await expect(dataSource.query(`DELETE FROM technical_assistance_request WHERE false`)).rejects.toThrow(
      /permission denied/,
    );
    await expect(dataSource.query(`UPDATE record_event SET reason = 'x' WHERE false`)).rejects.toThrow(
      /permission denied/,
    );
  });
});
