import { DataSource } from 'typeorm';
import { AccessScope, defineAbilityFor } from '@hub/access';
import { Actor } from '@hub/authz';
import { LastQuery, planOf, TestDatabase } from '@hub/testing';
import { agenciesDatabase } from '../testing/spec-support';
import { AgencyUserRepository } from './agency-user.repository';

describe('AgencyUserRepository (integration, real PostgreSQL and migrations)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let repository: AgencyUserRepository;
  const last = new LastQuery();
  let agencies: string[];

  const scopeOf = (agencyId: string, roles: string[]): AccessScope => {
    const actor: Actor = { userId: 'admin', agencyId, agencyType: 'NGO', roles, taskForceIds: [] };
    return { actor, ability: defineAbilityFor(actor) };
  };

  beforeAll(async () => {
    ({ db, dataSource } = await agenciesDatabase(last));
    repository = new AgencyUserRepository(dataSource);
    // 200 agencies with 25 users each: one agency's page is a few rows of 5,000.
    agencies = (
      (await dataSource.query(`
        INSERT INTO agency (name, type, jurisdiction)
        SELECT 'Agency ' || i, 'NGO', 'County' FROM generate_series(1, 200) AS i RETURNING id`)) as {
        id: string;
      }[]
    ).map((row) => row.id);
    await dataSource.query(
      `INSERT INTO agency_user (user_id, agency_id, username, roles, first_seen_at, last_seen_at)
       SELECT 'user-' || a.n || '-' || u, a.id, 'person.' || lpad(u::text, 2, '0'), ARRAY['caseworker'], now(), now()
         FROM unnest($1::uuid[]) WITH ORDINALITY AS a(id, n), generate_series(1, 25) AS u`,
      [agencies],
    );
    await dataSource.query('ANALYZE agency_user');
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('pages an agency’s users by username from agency_user_agency_username_idx, without gaps', async () => {
    const scope = scopeOf(agencies[7], ['agency_admin']);
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await repository.list(scope, agencies[7], { first: 10, after });
      seen.push(...page.edges.map((edge) => edge.node.username));
      const nodes = await planOf(dataSource, last);
      expect(nodes.some((node) => node['Index Name'] === 'agency_user_agency_username_idx')).toBe(true);
      expect(
        nodes.some((node) => node['Node Type'] === 'Seq Scan' && node['Relation Name'] === 'agency_user'),
      ).toBe(false);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? undefined;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `person.${String(i + 1).padStart(2, '0')}`));
  });

  it('lists nothing of another agency, nor for a caller without the agency admin role (the policy as SQL)', async () => {
    expect(
      (await repository.list(scopeOf(agencies[7], ['agency_admin']), agencies[8], { first: 5 })).edges,
    ).toEqual([]);
    expect(
      (await repository.list(scopeOf(agencies[7], ['caseworker']), agencies[7], { first: 5 })).edges,
    ).toEqual([]);
  });
});
