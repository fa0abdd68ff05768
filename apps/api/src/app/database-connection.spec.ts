import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { dataSourceOptions } from '@hub/database';
import { createTestDatabase, TestDatabase } from '@hub/testing';
import { apiEntities } from './app.module';
import { apiMigrations } from './migrations';

/** Every statement TypeORM sends while connecting, and every error it reports. */
class RecordingLogger implements TypeOrmLogger {
  readonly statements: string[] = [];
  logQuery(query: string) {
    this.statements.push(query);
  }
  logQueryError(_error: unknown, query: string) {
    this.statements.push(query);
  }
  logQuerySlow = () => undefined;
  logSchemaBuild = () => undefined;
  logMigration = () => undefined;
  log = () => undefined;
}

describe("the API's connection as hub_api", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(apiMigrations);
  });
  afterAll(async () => {
    await db.drop();
  });

  it('creates no extension (hub_api may not: PostgreSQL would log a permission error at each start)', async () => {
    const logger = new RecordingLogger();
    const dataSource = new DataSource({
      ...dataSourceOptions({ url: db.apiUrl, entities: apiEntities }),
      logging: true,
      logger,
    });
    await dataSource.initialize();
    try {
      // The entities do have uuid primary keys, the case in which TypeORM would try.
      expect(
        dataSource.entityMetadatas.some((m) => m.primaryColumns.some((c) => c.generationStrategy === 'uuid')),
      ).toBe(true);
      expect(logger.statements.length).toBeGreaterThan(0);
      expect(logger.statements.filter((sql) => /\bCREATE\s+EXTENSION\b/i.test(sql))).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
