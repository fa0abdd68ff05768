import { DataSource, EntitySchema } from 'typeorm';
import { agenciesMigrations } from '@hub/agencies';
import { auditMigrations } from '@hub/audit';
import { databaseMigrations, dataSourceOptions } from '@hub/database';
import { createTestDatabase, TestDatabase } from '@hub/testing';
import { workflowMigrations } from '@hub/workflow';
import { ConsentEntity, ConsentGrantEntity, ConsentRevocationEntity } from '../consent/consent.entity';
import { consentsMigrations } from '../migrations';
import { SurvivorEntity } from '../survivor/survivor.entity';

/**
 * For the consents specs (not the lib's code): a throw-away database with the consents' migrations
 * and those they build on, a data source on it as the owner (`setup`, which writes the world) and
 * one as the API role (`api`, what the code under test runs as) knowing the consents' entities and
 * `entities`.
 */
export async function consentsDatabase(
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: (Function | EntitySchema)[] = [],
): Promise<{ db: TestDatabase; setup: DataSource; api: DataSource }> {
  const db = await createTestDatabase([
    ...databaseMigrations,
    ...agenciesMigrations,
    ...auditMigrations,
    ...workflowMigrations,
    ...consentsMigrations,
  ]);
  const setup = new DataSource(dataSourceOptions({ url: db.ownerUrl }));
  const api = new DataSource(
    dataSourceOptions({
      url: db.apiUrl,
      entities: [SurvivorEntity, ConsentEntity, ConsentGrantEntity, ConsentRevocationEntity, ...entities],
    }),
  );
  await Promise.all([setup.initialize(), api.initialize()]);
  return { db, setup, api };
}
