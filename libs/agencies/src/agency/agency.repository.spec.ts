import { DataSource } from 'typeorm';
import { AccessScope, defineAbilityFor } from '@hub/access';
import { ANONYMOUS } from '@hub/authz';
import { encodeCursor } from '@hub/graphql';
import { LastQuery, planOf, PlanNode, TestDatabase } from '@hub/testing';
import { agenciesDatabase } from '../testing/spec-support';
import { AgencyRepository } from './agency.repository';

/** The public directory's caller: no token. */
const anonymous: AccessScope = { actor: ANONYMOUS, ability: defineAbilityFor(ANONYMOUS) };

describe('AgencyRepository (integration, real PostgreSQL and migrations)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repository: AgencyRepository;
  const last = new LastQuery();

  beforeAll(async () => {
    ({ db, dataSource } = await agenciesDatabase(last));
    repository = new AgencyRepository(dataSource);
    // 5,000 agencies: few offer LEGAL, speak 'vi' or serve 'bayview', so an index is the right plan.
    await dataSource.query(`
      INSERT INTO agency (name, type, jurisdiction, services, languages, service_areas, service_area_keys, accepting_referrals)
      SELECT 'Agency ' || lpad(i::text, 5, '0'), 'NGO', 'County ' || (i % 50),
             CASE WHEN i % 500 = 0 THEN ARRAY['LEGAL'] ELSE ARRAY['CASE_MANAGEMENT'] END,
             CASE WHEN i % 700 = 0 THEN ARRAY['en','vi'] ELSE ARRAY['en'] END,
             CASE WHEN i % 900 = 0 THEN ARRAY['Bayview'] ELSE ARRAY['Elsewhere ' || i] END,
             CASE WHEN i % 900 = 0 THEN ARRAY['bayview'] ELSE ARRAY['elsewhere ' || i] END,
             i % 2 = 0
        FROM generate_series(1, 5000) AS i`);
    await dataSource.query('ANALYZE agency');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  function planOfLastQuery(): Promise<PlanNode[]> {
    return planOf(dataSource, last);
  }

  it.each([
    ['need', { need: 'LEGAL' }, 'agency_services_idx', 10],
    ['language', { language: 'vi' }, 'agency_languages_idx', 7],
    ['area', { areaKey: 'bayview' }, 'agency_service_area_keys_idx', 5],
  ] as const)('serves a directory search by %s from its index', async (_name, filter, index, expected) => {
    const page = await repository.searchDirectory(anonymous, filter, { first: 100 });
    expect(page.edges).toHaveLength(expected);
    const nodes = await planOfLastQuery();
    expect(nodes.some((node) => node['Index Name'] === index)).toBe(true);
    expect(nodes.some((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'agency')).toBe(
      false,
    );
  });

  it('says in SQL, by the policy, whose address the caller may see: never a confidential location’s', async () => {
    await dataSource.query(`
      INSERT INTO agency (name, type, jurisdiction, services, languages, service_areas, service_area_keys,
                          accepting_referrals, confidential_location, address_street, address_city)
      VALUES ('Zz Shelter', 'NGO', 'Bay', ARRAY['HOUSING_AND_SHELTER'], ARRAY['en'], ARRAY['Bay'], ARRAY['bay'], true, true, '1 Hidden Rd', 'Bay'),
             ('Zz Office', 'NGO', 'Bay', ARRAY['HOUSING_AND_SHELTER'], ARRAY['en'], ARRAY['Bay'], ARRAY['bay'], true, false, '2 Main St', 'Bay')`);
    const page = await repository.searchDirectory(anonymous, { need: 'HOUSING_AND_SHELTER' }, { first: 10 });
    expect(page.edges.map(({ node }) => [node.name, node.addressVisible])).toEqual([
      ['Zz Office', true],
      ['Zz Shelter', false],
    ]);
  });

  it('serves the agencies list page from the (name, id) index', async () => {
    await repository.list(
      {},
      { first: 20, after: encodeCursor(['Agency 02000', '00000000-0000-0000-0000-000000000000']) },
    );
    const nodes = await planOfLastQuery();
    expect(nodes.some((node) => node['Index Name'] === 'agency_name_id_idx')).toBe(true);
  });

  it('pages by keyset without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await repository.searchDirectory(
        anonymous,
        { acceptingOnly: true, need: 'CASE_MANAGEMENT' },
        { first: 400, after },
      );
      expect(page.edges.length).toBeLessThanOrEqual(400);
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    const [{ count }] = (await dataSource.query(
      `SELECT count(*)::int AS count FROM agency WHERE accepting_referrals AND services @> ARRAY['CASE_MANAGEMENT']`,
    )) as { count: number }[];
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);
  });

  it('updates only from the version the client saw (a lost update is refused)', async () => {
    const [row] = (await dataSource.query(`SELECT id, version FROM agency ORDER BY name LIMIT 1`)) as {
      id: string;
      version: number;
    }[];
    const first = await repository.update(dataSource.manager, row.id, row.version, { hours: 'Mon–Fri' });
    expect(first?.version).toBe(row.version + 1);
    expect(first?.hours).toBe('Mon–Fri');
    // A second writer who also read `row.version` must not overwrite the first.
    expect(
      await repository.update(dataSource.manager, row.id, row.version, { hours: 'Weekends' }),
    ).toBeNull();
    expect((await repository.findById(row.id))?.hours).toBe('Mon–Fri');
  });
});
