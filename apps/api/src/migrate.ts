import 'reflect-metadata';
import { loadConfig } from '@hub/config';
import { migrationConfig, runMigrations } from '@hub/database';
import { apiMigrations } from './app/migrations';
import { exitAfter, logLine, startupFailureLine } from '@hub/observability';

/** `npm run migrate` (in the image: `node migrate.js`): applies pending migrations as the schema owner. */
async function main(): Promise<void> {
  const { DATABASE_OWNER_URL } = loadConfig(migrationConfig);
  const applied = await runMigrations(DATABASE_OWNER_URL, apiMigrations);
  process.stdout.write(
    logLine('info', applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date', {
      applied,
    }),
  );
}

main().catch((error: unknown) => exitAfter(startupFailureLine('migration failed', error), 1));
