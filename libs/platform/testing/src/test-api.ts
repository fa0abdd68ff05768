import type { DataSource } from 'typeorm';
import { createTestDatabase, type TestDatabase } from './test-database';
import { startTsProcess, type TestProcess } from './test-process';

/**
 * The hub's database as the API's migrate entry builds it (apps/api/src/migrate.ts, run as a
 * process: a lib never imports an app), then `seed` (e.g. the demo agencies). Built once per test
 * run into a template (createTestDatabase), copied for each suite.
 */
export function migratedByTheApi(seed: (dataSource: DataSource) => Promise<void>): Promise<TestDatabase> {
  const migrateThenSeed = async (dataSource: DataSource) => {
    const { url } = dataSource.options as { url: string };
    const migrate = startTsProcess('apps/api/src/migrate.ts', { DATABASE_OWNER_URL: url });
    const { code } = await migrate.exited();
    if (code !== 0) throw new Error(`migrate.ts exited ${code}:\n${migrate.lines.join('\n')}`);
    await seed(dataSource);
  };
  // The template's digest reads the seed's name and code: name it after the seed it runs.
  Object.defineProperty(migrateThenSeed, 'name', { value: `migratedByTheApiThen_${seed.name}` });
  return createTestDatabase([], migrateThenSeed);
}

export interface TestApi {
  process: TestProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

/**
 * The API (apps/api/src/main.ts) as a process of its own, as it runs in production, against a
 * suite's database (the API role's URL) and identity provider; resolves once it is ready.
 */
export async function startTestApi(
  databaseUrl: string,
  identityProviderUrl: string,
  env: Record<string, string> = {},
): Promise<TestApi> {
  const api = startTsProcess('apps/api/src/main.ts', {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'info',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '4',
    AUTH_SERVER_URL: identityProviderUrl,
    AUTH_REALM: 'taskforce',
    AUTH_CLIENT_ID: 'hub-api',
    ...env,
  });
  try {
    const ready = await api.waitForLog((line) => line['msg'] === 'api ready', 90_000);
    const url = String(ready['graphql'])
      .replace(/\/graphql$/, '')
      .replace('[::1]', '127.0.0.1');
    return {
      process: api,
      url,
      close: async () => {
        api.child.kill('SIGTERM');
        await api.exited();
      },
    };
  } catch (error) {
    await api.kill();
    throw error;
  }
}
