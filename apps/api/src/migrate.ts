import 'reflect-metadata';
import { ConfigError, loadConfig } from '@hub/config';
import { migrationConfig, runMigrations } from '@hub/database';
import { apiMigrations } from './app/migrations';

/** `npm run migrate`: applies pending migrations as the schema owner (DATABASE_OWNER_URL). */
async function main(): Promise<void> {
  const { DATABASE_OWNER_URL } = loadConfig(migrationConfig);
  const applied = await runMigrations(DATABASE_OWNER_URL, apiMigrations);
  process.stdout.write(
    applied.length
      ? `applied ${applied.length} migration(s): ${applied.join(', ')}\n`
      : 'database is up to date\n',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});
