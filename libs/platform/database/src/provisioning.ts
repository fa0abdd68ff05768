import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { initializeDataSource } from './connect';
import { dataSourceOptions, MIGRATIONS_TABLE, MigrationList } from './data-source-options';

/** The two roles of DESIGN.md §2: the owner runs migrations; the API role only reads and writes rows. */
export const OWNER_ROLE = 'hub_owner';
export const API_ROLE = 'hub_api';

export interface ProvisionedDatabase {
  database: string;
  /** Connects as the schema owner: migrations, seeding. */
  ownerUrl: string;
  /** Connects as the API role: what the API uses. */
  apiUrl: string;
}

export interface ProvisionOptions {
  /** A superuser (or CREATEROLE + CREATEDB) connection to the server. */
  adminUrl: string;
  database: string;
  ownerPassword: string;
  apiPassword: string;
  /** Create the database as a copy of this one (already migrated), instead of empty. */
  template?: string;
  /**
   * Throw-away databases only: commits return before their WAL reaches the disk
   * (`synchronous_commit = off` for every session on the database). Nothing becomes visible
   * differently; a server crash could lose the last moments, which a test database does not mind,
   * and each of the thousands of commits a test run makes stops waiting for an fsync.
   */
  throwAway?: boolean;
}

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`unsafe identifier: ${name}`);
  return `"${name}"`;
};
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

function withCredentials(adminUrl: string, user: string, password: string, database: string): string {
  const url = new URL(adminUrl);
  url.username = user;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs `work` on one connection to the server as the admin (roles, databases, templates). */
export async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates (if missing) the two roles and the database, owned by the owner role. Idempotent and
 * safe to run concurrently: role creation is serialised with an advisory lock, because roles are
 * shared by every database on the server (tests create many at once).
 */
export async function provisionDatabase(options: ProvisionOptions): Promise<ProvisionedDatabase> {
  const { adminUrl, database, ownerPassword, apiPassword, template } = options;
  await withAdmin(adminUrl, async (client) => {
    await client.query(`SELECT pg_advisory_lock(hashtext('hub.provision'))`);
    try {
      for (const [role, password] of [
        [OWNER_ROLE, ownerPassword],
        [API_ROLE, apiPassword],
      ] as const) {
        const exists = await client.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role]);
        const verb = exists.rowCount ? 'ALTER' : 'CREATE';
        await client.query(
          `${verb} ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${literal(password)}`,
        );
      }
      const found = await client.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [database]);
      if (!found.rowCount) {
        const copy = template ? ` TEMPLATE ${ident(template)}` : '';
        await client.query(`CREATE DATABASE ${ident(database)}${copy} OWNER ${ident(OWNER_ROLE)}`);
      }
      if (options.throwAway) {
        await client.query(`ALTER DATABASE ${ident(database)} SET synchronous_commit = off`);
      }
      await client.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
      await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${ident(database)} TO ${ident(API_ROLE)}`);
    } finally {
      await client.query(`SELECT pg_advisory_unlock(hashtext('hub.provision'))`);
    }
  });
  return {
    database,
    ownerUrl: withCredentials(adminUrl, OWNER_ROLE, ownerPassword, database),
    apiUrl: withCredentials(adminUrl, API_ROLE, apiPassword, database),
  };
}

/** Drops a database, disconnecting anyone still on it (tests' throw-away databases). */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  await withAdmin(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
  });
}

/** Runs pending migrations as the owner; returns the names applied. */
export async function runMigrations(ownerUrl: string, migrations: MigrationList): Promise<string[]> {
  const dataSource = new DataSource(
    dataSourceOptions({ url: ownerUrl, migrations, applicationName: 'hub-migrate' }),
  );
  await initializeDataSource(dataSource, ownerUrl);
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Reverts the newest `count` applied migrations as the owner, newest first (each in its own
 * transaction); returns how many were reverted. For an operator rolling back a release, and for
 * the test that proves every migration's `down` undoes its `up`.
 */
export async function revertMigrations(
  ownerUrl: string,
  migrations: MigrationList,
  count: number,
): Promise<number> {
  const dataSource = new DataSource(
    dataSourceOptions({ url: ownerUrl, migrations, applicationName: 'hub-migrate' }),
  );
  await initializeDataSource(dataSource, ownerUrl);
  try {
    const [{ exists }] = (await dataSource.query(`SELECT to_regclass($1) IS NOT NULL AS exists`, [
      MIGRATIONS_TABLE,
    ])) as { exists: boolean }[];
    const applied = exists
      ? ((await dataSource.query(`SELECT count(*)::int AS n FROM ${MIGRATIONS_TABLE}`)) as { n: number }[])[0]
          .n
      : 0;
    const reverting = Math.min(count, applied);
    for (let reverted = 0; reverted < reverting; reverted += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    return reverting;
  } finally {
    await dataSource.destroy();
  }
}

/** True when a server answers at this URL within the timeout. */
export async function isReachable(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
