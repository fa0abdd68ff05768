import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import {
  dropDatabase,
  MigrationList,
  provisionDatabase,
  revertMigrations,
  runMigrations,
} from '@hub/database';
import { testAdminUrl } from '@hub/testing';
import { apiMigrations } from './app/migrations';

/**
 * Every migration's `down` undoes its `up`: applied one at a time, the schema is snapshotted after
 * each; then reverted one at a time, the schema after each revert equals the snapshot taken before
 * that migration was applied, down to an empty database, and applying everything again gives the
 * same schema. A release can therefore be rolled back step by step (`revertMigrations`).
 */
describe('migrations revert cleanly', () => {
  // Every migration twice and a schema read after each step: ~10 s alone, much longer on a busy machine.
  jest.setTimeout(180_000);
  const adminUrl = testAdminUrl();
  const database = `hub_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  let ownerUrl: string;

  beforeAll(async () => {
    ({ ownerUrl } = await provisionDatabase({
      adminUrl,
      database,
      ownerPassword: 'hub_owner_test',
      apiPassword: 'hub_api_test',
      throwAway: true,
    }));
  });
  afterAll(() => dropDatabase(adminUrl, database));

  it('reverts every migration to the schema before it, and re-applies to the same schema', async () => {
    const migrations = apiMigrations as unknown[] as MigrationList & unknown[];
    const before: string[] = [await schemaOf(ownerUrl)];
    for (let applied = 1; applied <= migrations.length; applied += 1) {
      expect(await runMigrations(ownerUrl, migrations.slice(0, applied) as MigrationList)).toHaveLength(1);
      before.push(await schemaOf(ownerUrl));
    }
    const full = before[migrations.length];

    for (let applied = migrations.length; applied >= 1; applied -= 1) {
      expect(await revertMigrations(ownerUrl, migrations, 1)).toBe(1);
      // Compared as text so a failure shows the objects a down left behind or removed.
      expect({ after: applied - 1, schema: await schemaOf(ownerUrl) }).toEqual({
        after: applied - 1,
        schema: before[applied - 1],
      });
    }
    expect(await revertMigrations(ownerUrl, migrations, 1)).toBe(0);

    expect(await runMigrations(ownerUrl, migrations)).toHaveLength(migrations.length);
    expect(await schemaOf(ownerUrl)).toEqual(full);
    // Three passes over every migration, each in its own connection: it grows with the schema
    // (and with the job queue's install), past jest's default 30 s on a loaded machine.
  }, 180_000);
});

/**
 * The database's schema as sorted text: tables and columns, constraints, indexes, views, functions,
 * triggers, types, sequences and the privileges granted on them. The migrations table itself is
 * left out (it records the steps, it is not the schema).
 */
async function schemaOf(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const parts: string[] = [];
    const collect = async (kind: string, sql: string) => {
      const result = await client.query<{ line: string }>(sql);
      parts.push(...result.rows.map((row) => `${kind} ${row.line}`));
    };
    const user = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'`;
    await collect(
      'column',
      `SELECT c.table_schema || '.' || c.table_name || '.' || c.column_name || ' ' || c.data_type || ' ' ||
              c.is_nullable || ' ' || coalesce(c.column_default, '') AS line
         FROM information_schema.columns c
        WHERE c.table_schema NOT IN ('pg_catalog', 'information_schema') AND c.table_name <> 'hub_migrations'`,
    );
    await collect(
      'constraint',
      `SELECT n.nspname || '.' || r.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) AS line
         FROM pg_constraint con JOIN pg_class r ON r.oid = con.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace
        WHERE ${user} AND r.relname <> 'hub_migrations'`,
    );
    await collect(
      'index',
      `SELECT indexdef AS line FROM pg_indexes WHERE schemaname NOT IN ('pg_catalog', 'information_schema')
          AND tablename <> 'hub_migrations'`,
    );
    await collect(
      'view',
      `SELECT schemaname || '.' || viewname || ' ' || definition AS line FROM pg_views
        WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    await collect(
      'function',
      `SELECT pg_get_functiondef(p.oid) AS line FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE ${user} AND p.prokind IN ('f', 'p')`,
    );
    await collect(
      'trigger',
      `SELECT pg_get_triggerdef(t.oid) AS line FROM pg_trigger t WHERE NOT t.tgisinternal`,
    );
    await collect(
      'type',
      `SELECT n.nspname || '.' || t.typname AS line FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE ${user} AND t.typtype IN ('e', 'd', 'c') AND NOT EXISTS (
          SELECT 1 FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind <> 'c')`,
    );
    await collect(
      'sequence',
      `SELECT sequence_schema || '.' || sequence_name AS line FROM information_schema.sequences
        WHERE sequence_name <> 'hub_migrations_id_seq'`,
    );
    await collect(
      'grant',
      `SELECT grantee || ' ' || privilege_type || ' ' || table_schema || '.' || table_name AS line
         FROM information_schema.role_table_grants
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_name <> 'hub_migrations'`,
    );
    await collect('extension', `SELECT extname AS line FROM pg_extension WHERE extname <> 'plpgsql'`);
    return parts.sort().join('\n');
  } finally {
    await client.end();
  }
}
