import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-caller request budget (rate-limiter-flexible's PostgreSQL store), shared by every API
 * replica. Its layout is the library's own (`key`, `points`, `expire` in epoch milliseconds); it
 * is created here because the API role may not create tables. The API deletes expired rows
 * itself (the library's clearExpiredByTimeout), served by the index on `expire`.
 */
export class CreateCallerBudget1763890000000 implements MigrationInterface {
  name = 'CreateCallerBudget1763890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE caller_budget (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);
    await q.query(`CREATE INDEX caller_budget_expire_idx ON caller_budget (expire)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON caller_budget TO hub_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE caller_budget`);
  }
}
