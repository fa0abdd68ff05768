import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { seedDemoData } from '@hub/agencies';
import { ConfigError, loadConfig } from '@hub/config';
import { dataSourceOptions, migrationConfig } from '@hub/database';

/** `npm run seed`: writes the demo task force (idempotent; refused in production). */
async function main(): Promise<void> {
  const { DATABASE_OWNER_URL } = loadConfig(migrationConfig);
  const dataSource = new DataSource(
    dataSourceOptions({ url: DATABASE_OWNER_URL, applicationName: 'hub-seed' }),
  );
  await dataSource.initialize();
  try {
    await seedDemoData(dataSource);
    process.stdout.write('demo data seeded\n');
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError ? error.message : String((error as Error).stack ?? error)}\n`,
  );
  process.exit(1);
});
