import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  databaseMigrations,
  dataSourceOptions,
  dropDatabase,
  provisionDatabase,
  runMigrations,
  Transactions,
} from '@hub/database';
import { HubError } from '@hub/graphql';
import { canonicalJson, CreateOnce, requestHash } from './create-once';
import { workflowMigrations } from './migrations';

const ADMIN = process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCOPE = '0a6e1d3c-0000-4000-8000-000000000001';

describe('createOnce (real PostgreSQL)', () => {
  const database = `hub_test_workflow_once_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;
  let once: CreateOnce;

  beforeAll(async () => {
    const { ownerUrl } = await provisionDatabase({
      adminUrl: ADMIN,
      database,
      ownerPassword: 'hub_owner_test',
      apiPassword: 'hub_api_test',
      throwAway: true,
    });
    await runMigrations(ownerUrl, [...databaseMigrations, ...workflowMigrations]);
    dataSource = new DataSource(dataSourceOptions({ url: ownerUrl, poolSize: 6 }));
    await dataSource.initialize();
    await dataSource.query(`CREATE TABLE toy (id uuid PRIMARY KEY, name text NOT NULL)`);
    once = new CreateOnce(new Transactions(dataSource));
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(ADMIN, database);
  });

  const create = (key: string | null, name: string) =>
    once.run({
      subjectType: 'Toy',
      scope: SCOPE,
      key,
      request: { name, idempotencyKey: key },
      create: async (tx, id) => {
        await tx.query(`INSERT INTO toy (id, name) VALUES ($1, $2)`, [id, name]);
        return { id, name };
      },
      load: async (id) => {
        const rows: { id: string; name: string }[] = await dataSource.query(
          `SELECT id, name FROM toy WHERE id = $1`,
          [id],
        );
        return rows[0] ?? null;
      },
    });
  const count = async () =>
    Number(((await dataSource.query(`SELECT count(*)::int AS n FROM toy`)) as { n: number }[])[0].n);

  it('same key, same request: the same record, written once', async () => {
    const before = await count();
    const first = await create('key-same-0001', 'a');
    const again = await create('key-same-0001', 'a');
    expect(again).toEqual(first);
    expect(await count()).toBe(before + 1);
  });

  it('same key, another request: CONFLICT IDEMPOTENCY_KEY_REUSED, nothing written', async () => {
    await create('key-diff-0001', 'a');
    const before = await count();
    const error = await create('key-diff-0001', 'b').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HubError);
    expect((error as HubError).extensions).toEqual({ code: 'CONFLICT', reason: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await count()).toBe(before);
  });

  it('concurrent creates with one key: one record, every caller answered with it', async () => {
    const before = await count();
    const results = await Promise.all(Array.from({ length: 6 }, () => create('key-race-0001', 'r')));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(await count()).toBe(before + 1);
  });

  it('without a key: an ordinary create each time', async () => {
    const before = await count();
    const [a, b] = [await create(null, 'x'), await create(null, 'x')];
    expect(a.id).not.toBe(b.id);
    expect(await count()).toBe(before + 2);
  });

  it('hashes the canonical request: key order and the key itself do not matter, values do', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"y":2,"z":1}]},"b":1}',
    );
    expect(requestHash({ a: 1, b: { y: 1, x: 2 }, idempotencyKey: 'k1' })).toBe(
      requestHash({ b: { x: 2, y: 1 }, idempotencyKey: 'k2', a: 1 }),
    );
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }));
  });
});
