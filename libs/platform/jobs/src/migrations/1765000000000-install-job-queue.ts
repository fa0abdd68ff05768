import PgBoss from 'pg-boss';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { JOBS_SCHEMA } from '../queue-sql';

/** The pg-boss schema version this migration installs (pg-boss 10.x). */
export const JOB_QUEUE_SCHEMA_VERSION = 24;

/**
 * The job queue's tables (pg-boss), created by the schema owner like every other table: the
 * worker starts pg-boss with `migrate: false` and connects as `hub_api`, which may only read and
 * write its rows. pg-boss's construction plan is its own transaction (BEGIN … COMMIT under an
 * advisory lock), hence `transaction = false`. A pg-boss upgrade that changes the schema version
 * needs a new migration running `PgBoss.getMigrationPlans(JOBS_SCHEMA, 24)`; this one refuses to
 * install another version, so an upgrade cannot slip in unnoticed.
 */
export class InstallJobQueue1765000000000 implements MigrationInterface {
  name = 'InstallJobQueue1765000000000';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    const plan = PgBoss.getConstructionPlans(JOBS_SCHEMA);
    if (
      !plan.includes(`INSERT INTO ${JOBS_SCHEMA}.version(version) VALUES ('${JOB_QUEUE_SCHEMA_VERSION}')`)
    ) {
      throw new Error(
        `pg-boss no longer installs schema version ${JOB_QUEUE_SCHEMA_VERSION}: add a migration with PgBoss.getMigrationPlans`,
      );
    }
    await q.query(plan);
    await q.query(`REVOKE ALL ON SCHEMA ${JOBS_SCHEMA} FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA ${JOBS_SCHEMA} TO hub_api`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOBS_SCHEMA} TO hub_api`);
    // Queues created later (a partition table each, by the owner in a migration) get the same rights.
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOBS_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hub_api`,
    );
    // Creating or dropping a queue is DDL: the owner's, in migrations, only.
    for (const fn of ['create_queue(text, json)', 'delete_queue(text)']) {
      await q.query(`REVOKE EXECUTE ON FUNCTION ${JOBS_SCHEMA}.${fn} FROM PUBLIC`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOBS_SCHEMA} REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM hub_api`,
    );
    await q.query(`DROP SCHEMA ${JOBS_SCHEMA} CASCADE`);
  }
}
