import { createHash, randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import {
  dataSourceOptions,
  dropDatabase,
  MigrationList,
  provisionDatabase,
  runMigrations,
} from '@hub/database';

/** The server tests use: set by `npm test` (local server or embedded), else the local default. */
export function testAdminUrl(): string {
  return process.env.HUB_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Every template database of a test run starts with this; `npm test` drops them at the end. */
export const TEMPLATE_PREFIX = 'hub_tpl_';

export interface TestDatabase {
  name: string;
  ownerUrl: string;
  apiUrl: string;
  drop(): Promise<void>;
}

export type Seed = (dataSource: DataSource) => Promise<void>;

/**
 * The two roles' passwords in tests. Roles belong to the server, and provisioning sets their
 * passwords: whatever provisions databases beside running suites (the benchmark) uses these too.
 */
export const TEST_ROLE_PASSWORDS = { ownerPassword: 'hub_owner_test', apiPassword: 'hub_api_test' };

/**
 * A throw-away database with the real roles and the real migrations applied (and the seed, when
 * given). Migrating is the slow part, so it happens once per test run for each set of migrations
 * and seed, into a template database; each suite's database is a `CREATE DATABASE … TEMPLATE`
 * copy of it, which is the same schema, privileges and rows, in a fraction of the time.
 */
export async function createTestDatabase(migrations: MigrationList, seed?: Seed): Promise<TestDatabase> {
  const adminUrl = testAdminUrl();
  const template = await templateFor(adminUrl, migrations, seed);
  const name = `hub_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const provisioned = await retryWhileTemplateBusy(() =>
    provisionDatabase({ adminUrl, database: name, template, throwAway: true, ...TEST_ROLE_PASSWORDS }),
  );
  return {
    name,
    ownerUrl: provisioned.ownerUrl,
    apiUrl: provisioned.apiUrl,
    drop: () => dropDatabase(adminUrl, name),
  };
}

/** Opens a data source for the duration of `work` (seeding, inspecting rows in assertions). */
export async function withDataSource<T>(
  url: string,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions({ url, applicationName: 'hub-test' }));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** Drops the template databases (all of them, or those of one run); `npm test` calls it at the end. */
export async function dropTemplates(adminUrl = testAdminUrl(), runId?: string): Promise<string[]> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const pattern = `${TEMPLATE_PREFIX}${runId ? `${runId}_` : ''}%`;
    const found = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1`,
      [pattern],
    );
    for (const { datname } of found.rows) await dropTemplate(adminUrl, datname);
    return found.rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
}

const templates = new Map<string, Promise<string>>();

/**
 * The template for these migrations and seed in this run. Its name carries the run id (set by
 * `npm test`, or by the jest global setup for a direct jest run) and a digest of the migrations'
 * and the seed's code, so an edited migration never reuses a stale template. Concurrent jest
 * workers build each template once, under an advisory lock.
 */
function templateFor(adminUrl: string, migrations: MigrationList, seed?: Seed): Promise<string> {
  const runId = (process.env.HUB_TEST_RUN_ID ?? 'adhoc').toLowerCase().replace(/[^a-z0-9]/g, '');
  const digest = createHash('sha256');
  for (const migration of migrations as unknown[]) {
    if (typeof migration === 'function') {
      const prototype = migration.prototype as { up?: unknown; down?: unknown };
      digest.update(`${migration.name}\n${String(prototype.up)}\n${String(prototype.down)}\n`);
    } else {
      digest.update(`${String(migration)}\n`);
    }
  }
  digest.update(seed ? `seed:${seed.name}\n${seed.toString()}` : 'no seed');
  const name = `${TEMPLATE_PREFIX}${runId.slice(0, 24)}_${digest.digest('hex').slice(0, 16)}`;
  let template = templates.get(name);
  if (!template) {
    template = buildTemplate(adminUrl, name, migrations, seed);
    templates.set(name, template);
    template.catch(() => templates.delete(name));
  }
  return template;
}

async function buildTemplate(
  adminUrl: string,
  name: string,
  migrations: MigrationList,
  seed?: Seed,
): Promise<string> {
  const lock = new Client({ connectionString: adminUrl });
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext($1))`, [name]);
    const done = await lock.query(
      `SELECT 1 FROM pg_database WHERE datname = $1 AND datallowconn AND datistemplate`,
      [name],
    );
    if (!done.rowCount) {
      // A half-built template (a worker killed mid-way) is rebuilt from scratch.
      await dropTemplate(adminUrl, name);
      const provisioned = await provisionDatabase({
        adminUrl,
        database: name,
        throwAway: true,
        ...TEST_ROLE_PASSWORDS,
      });
      await runMigrations(provisioned.ownerUrl, migrations);
      if (seed) await withDataSource(provisioned.ownerUrl, seed);
      // Marked ready last: only a complete template is ever copied.
      await lock.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE true`);
    }
    return name;
  } finally {
    await lock.query(`SELECT pg_advisory_unlock(hashtext($1))`, [name]).catch(() => undefined);
    await lock.end();
  }
}

/** PostgreSQL refuses to drop a database marked as a template: unmark it first. */
export async function dropTemplate(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name]);
    if (found.rowCount) await client.query(`ALTER DATABASE "${name}" WITH IS_TEMPLATE false`);
  } finally {
    await client.end();
  }
  await dropDatabase(adminUrl, name);
}

/**
 * `CREATE DATABASE … TEMPLATE` refuses while anyone is connected to the template; the builder's
 * own connections may take a moment to go away after it finished.
 */
async function retryWhileTemplateBusy<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const objectInUse = (error as { code?: string }).code === '55006';
      if (!objectInUse || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
