import { DataSource } from 'typeorm';
import { agenciesMigrations } from '@hub/agencies';
import { auditMigrations } from '@hub/audit';
import { Actor } from '@hub/authz';
import { AccessScope, defineAbilityFor, subject } from '@hub/access';
import { dataSourceOptions, databaseMigrations } from '@hub/database';
import { notificationsMigrations } from '@hub/notifications';
import { encodeCursor } from '@hub/graphql';
import { createTestDatabase, LastQuery, planOf, PlanNode, TestDatabase } from '@hub/testing';
import { workflowMigrations } from '@hub/workflow';
import { protocolsMigrations } from '../migrations';
import { protocolsEntities } from '../index';
import { protocolRecord } from './protocol-access';
import { ProtocolFilter, ProtocolRepository } from './protocol.repository';

/**
 * The protocol lists against the real database: each served by its index (EXPLAIN), and the SQL
 * scope (the policy's rules turned into WHERE by accessWhere) returning exactly the rows the
 * in-memory ability allows, for callers of every kind.
 */

const taskForce = (n: number) => `7f3c2a10-8e4b-4d2c-a1f0-${String(n).padStart(12, '0')}`;
const agency = (n: number) => `0a6e1d3c-5b1f-4c11-9d1a-${String(n).padStart(12, '0')}`;
const TASK_FORCES = 20;
const OWNER = agency(1);

const actor = (roles: string[], agencyType: string, taskForceIds: string[], agencyId = agency(2)): Actor => ({
  userId: `user-${roles.join('-')}-${agencyType}`,
  agencyId,
  agencyType,
  roles,
  taskForceIds,
});
const scopeOf = (a: Actor): AccessScope => ({ actor: a, ability: defineAbilityFor(a) });

const CALLERS: [string, Actor][] = [
  ['coordinator of task force 1', actor(['coordinator'], 'COORDINATOR', [taskForce(1)], OWNER)],
  [
    'coordinator of task forces 2 and 3',
    actor(['coordinator', 'agency_admin'], 'COORDINATOR', [taskForce(2), taskForce(3)], OWNER),
  ],
  ['NGO supervisor in task force 1', actor(['supervisor'], 'NGO', [taskForce(1)])],
  [
    'police investigator in task forces 1 and 4',
    actor(['investigator'], 'LAW_ENFORCEMENT', [taskForce(1), taskForce(4)]),
  ],
  ['TA provider in task force 1', actor(['ta_provider'], 'TA_PROVIDER', [taskForce(1)])],
  ['NGO supervisor in no task force', actor(['supervisor'], 'NGO', [])],
  ['coordinator in no task force', actor(['coordinator'], 'COORDINATOR', [])],
];

describe('ProtocolRepository (integration, real PostgreSQL and migrations)', () => {
  let db: TestDatabase;
  let owner: DataSource;
  let api: DataSource;
  let repository: ProtocolRepository;
  const last = new LastQuery();

  beforeAll(async () => {
    db = await createTestDatabase([
      ...databaseMigrations,
      ...agenciesMigrations,
      ...auditMigrations,
      ...notificationsMigrations,
      ...workflowMigrations,
      ...protocolsMigrations,
    ]);
    owner = new DataSource(dataSourceOptions({ url: db.ownerUrl }));
    api = new DataSource({
      ...dataSourceOptions({ url: db.apiUrl, entities: protocolsEntities }),
      logging: ['query'],
      logger: last,
    });
    await Promise.all([owner.initialize(), api.initialize()]);
    repository = new ProtocolRepository(api);
    await owner.query(
      `INSERT INTO task_force (id, name, jurisdiction)
       SELECT ('7f3c2a10-8e4b-4d2c-a1f0-' || lpad(i::text, 12, '0'))::uuid, 'Task force ' || i, 'Test'
         FROM generate_series(1, ${TASK_FORCES}) AS i`,
    );
    await owner.query(
      `INSERT INTO agency (id, name, type, jurisdiction) VALUES ($1, 'Coordination', 'COORDINATOR', 'Test'),
         ($2, 'Partner', 'NGO', 'Test')`,
      [OWNER, agency(2)],
    );
    // 5,000 protocols, 250 per task force: half never published (drafts), a tenth in force, the
    // rest archived after publication; audiences vary; a few mention shelters.
    await owner.query(
      `INSERT INTO protocol (task_force_id, owner_agency_id, title, category, audience, status, created_by,
         search, first_published_at, archived_at)
       SELECT ('7f3c2a10-8e4b-4d2c-a1f0-' || lpad((1 + i % ${TASK_FORCES})::text, 12, '0'))::uuid, $1,
              'Protocol ' || lpad(i::text, 5, '0'),
              (ARRAY['REFERRAL','SCREENING','RESPONSE','INFORMATION_SHARING','MOU','TRAINING','OTHER'])[1 + i % 7],
              CASE i % 3 WHEN 0 THEN ARRAY['NGO'] WHEN 1 THEN ARRAY['LAW_ENFORCEMENT'] ELSE ARRAY['NGO','TA_PROVIDER'] END,
              CASE WHEN i % 2 = 0 THEN 'ARCHIVED' ELSE 'DRAFT' END, 'seed',
              to_tsvector('english', 'Protocol ' || CASE WHEN i % 500 = 7 THEN 'emergency shelter placement' ELSE 'generic text' END),
              CASE WHEN i % 2 = 0 THEN now() - (i || ' minutes')::interval END,
              CASE WHEN i % 2 = 0 THEN now() END
         FROM generate_series(1, 5000) AS i`,
      [OWNER],
    );
    // Protocols in force have a history: eleven superseded versions before the current twelfth.
    await owner.query(
      `INSERT INTO protocol_version (protocol_id, number, title, category, audience, body, effective_date,
         requires_acknowledgement, state, created_by, published_at, published_by, superseded_at)
       SELECT id, n, title, category, audience, 'Body', '2025-01-01', true, 'SUPERSEDED', 'seed',
              now() - (n || ' days')::interval, 'seed', now()
         FROM protocol, generate_series(1, 11) AS n
        WHERE status = 'DRAFT' AND right(title, 1) IN ('1', '3')`,
    );
    await owner.query(
      `INSERT INTO protocol_version (protocol_id, number, title, category, audience, body, effective_date,
         requires_acknowledgement, state, created_by, published_at, published_by)
       SELECT id, 12, title, category, audience, 'Body', '2026-01-01', true, 'PUBLISHED', 'seed',
              now() - (right(title, 5)::int || ' seconds')::interval, 'seed'
         FROM protocol WHERE status = 'DRAFT' AND right(title, 1) IN ('1', '3')`,
    );
    await owner.query(
      `UPDATE protocol p SET status = 'PUBLISHED', current_version_id = v.id, first_published_at = v.published_at
         FROM protocol_version v WHERE v.protocol_id = p.id AND v.state = 'PUBLISHED'`,
    );
    await owner.query('ANALYZE');
  });

  afterAll(async () => {
    await owner?.destroy();
    await api?.destroy();
    await db?.drop();
  });

  function planOfLastQuery(): Promise<PlanNode[]> {
    return planOf(api, last);
  }

  const coordinator = scopeOf(CALLERS[0][1]);
  const ngo = scopeOf(CALLERS[2][1]);
  /** A coordinator of every task force: only the words narrow the list down. */
  const everywhere = scopeOf(
    actor(
      ['coordinator'],
      'COORDINATOR',
      Array.from({ length: TASK_FORCES }, (_, i) => taskForce(i + 1)),
      OWNER,
    ),
  );

  it.each([
    ['a task force', coordinator, { taskForceId: taskForce(1) }, 'protocol_task_force_title_idx'],
    ["the caller's task forces", coordinator, {}, 'protocol_task_force_title_idx'],
    ['a member agency', ngo, { taskForceId: taskForce(1) }, 'protocol_task_force_title_idx'],
    ['words', everywhere, { text: 'shelter' }, 'protocol_search_idx'],
  ] as [string, AccessScope, ProtocolFilter, string][])(
    'serves the list for %s from its index',
    async (_name, scope, filter, index) => {
      await repository.listVisible(scope, filter, { first: 20 });
      const nodes = await planOfLastQuery();
      expect(nodes.some((node) => node['Index Name'] === index)).toBe(true);
      expect(
        nodes.some((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'protocol'),
      ).toBe(false);
    },
  );

  it('serves a category or state filter and a later page from an index', async () => {
    for (const filter of [{ category: 'MOU' }, { state: 'PUBLISHED' }]) {
      await repository.listVisible(
        coordinator,
        { taskForceId: taskForce(1), ...filter },
        {
          first: 20,
          after: encodeCursor(['Protocol 02000', '00000000-0000-0000-0000-000000000000']),
        },
      );
      const nodes = await planOfLastQuery();
      expect(nodes.some((node) => (node['Index Name'] ?? '').startsWith('protocol_task_force_'))).toBe(true);
      expect(
        nodes.some((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'protocol'),
      ).toBe(false);
    }
  });

  it('serves pending acknowledgements without scanning every version', async () => {
    await repository.pendingFor(
      ngo,
      { id: agency(2), type: 'NGO', taskForceIds: [taskForce(1)] },
      { first: 20 },
    );
    const nodes = await planOfLastQuery();
    expect(
      nodes.some((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'protocol_version'),
    ).toBe(false);
  });

  it.each(CALLERS)('lists exactly what the in-memory policy lets the %s read', async (_name, who) => {
    const scope = scopeOf(who);
    const listed: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 100; page += 1) {
      const { edges, pageInfo } = await repository.listVisible(scope, {}, { first: 100, after });
      listed.push(...edges.map((edge) => edge.node.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor ?? undefined;
    }
    const all: { id: string; task_force_id: string; audience: string[]; first_published_at: Date | null }[] =
      await owner.query(`SELECT id, task_force_id, audience, first_published_at FROM protocol`);
    const allowed = all
      .filter((row) =>
        scope.ability.can(
          'read',
          subject(
            'Protocol',
            protocolRecord({
              taskForceId: row.task_force_id,
              audience: row.audience,
              firstPublishedAt: row.first_published_at,
            }),
          ),
        ),
      )
      .map((row) => row.id);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual(allowed.sort());
    const byId = await repository.findVisible(
      scope,
      all.slice(0, 300).map((row) => row.id),
    );
    expect(byId.map((row) => row.id).sort()).toEqual(
      allowed.filter((id) => all.slice(0, 300).some((r) => r.id === id)).sort(),
    );
  });

  it('the API role cannot delete protocols or versions, nor change or delete acknowledgements', async () => {
    for (const statement of [
      'DELETE FROM protocol',
      'DELETE FROM protocol_version',
      'TRUNCATE protocol_version',
      `UPDATE protocol_acknowledgement SET acknowledged_by = 'someone else'`,
      'DELETE FROM protocol_acknowledgement',
    ]) {
      await expect(api.query(statement)).rejects.toThrow(/permission denied/);
    }
    // A published version is frozen for every role, the API's included.
    await expect(
      api.query(`UPDATE protocol_version SET body = 'rewritten' WHERE state = 'PUBLISHED'`),
    ).rejects.toThrow(/can no longer change/);
    await expect(
      api.query(`UPDATE protocol_version SET state = 'DRAFT' WHERE state = 'SUPERSEDED'`),
    ).rejects.toThrow(/cannot become DRAFT|can no longer change/);
  });
});
