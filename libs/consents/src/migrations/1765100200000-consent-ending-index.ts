import { MigrationInterface, QueryRunner } from 'typeorm';

/** The worker's "consent ending soon" reminder reads consents by end of validity, across agencies. */
export class ConsentEndingIndex1765100200000 implements MigrationInterface {
  name = 'ConsentEndingIndex1765100200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX consent_valid_until_idx ON consent (valid_until, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX consent_valid_until_idx`);
  }
}
