import { DataSource } from 'typeorm';
import { dataSourceOptions, databaseMigrations } from '@hub/database';
import { createTestDatabase, LastQuery, TestDatabase } from '@hub/testing';
import { agenciesEntities } from '../agencies.entities';
import { agenciesMigrations } from '../migrations';

/**
 * For the repository specs (not the lib's code): a throw-away database with the agencies' migrations,
 * and a data source on it as the owner that hands every statement to `last` (for plan tests).
 */
export async function agenciesDatabase(
  last: LastQuery,
): Promise<{ db: TestDatabase; dataSource: DataSource }> {
  const db = await createTestDatabase([...databaseMigrations, ...agenciesMigrations]);
  const dataSource = new DataSource({
    ...dataSourceOptions({ url: db.ownerUrl, entities: agenciesEntities }),
    logging: ['query'],
    logger: last,
  });
  await dataSource.initialize();
  return { db, dataSource };
}
