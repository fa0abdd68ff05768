import { MigrationInterface, QueryRunner } from 'typeorm';

const SUBJECT = 'Survivor';

/**
 * Survivor creates become idempotent through the workflow kernel's one mechanism (`CreateOnce`,
 * table idempotency_key, scoped by the owning agency): existing keys move there with a null
 * request hash (the request that made them cannot be rebuilt, so a retry with one is answered as
 * before), and the survivor's own column and index go.
 */
export class SurvivorKeysToCreateOnce1764660000000 implements MigrationInterface {
  name = 'SurvivorKeysToCreateOnce1764660000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO idempotency_key (scope, subject_type, key, request_hash, subject_id, created_at)
       SELECT s.owner_agency_id::text, $1, s.idempotency_key, NULL, s.id, s.created_at
         FROM survivor s WHERE s.idempotency_key IS NOT NULL`,
      [SUBJECT],
    );
    await q.query(`DROP INDEX survivor_idempotency_idx`);
    await q.query(`ALTER TABLE survivor DROP COLUMN idempotency_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE survivor ADD COLUMN idempotency_key text CHECK (char_length(idempotency_key) BETWEEN 8 AND 100)`,
    );
    await q.query(
      `UPDATE survivor s SET idempotency_key = k.key FROM idempotency_key k
        WHERE k.subject_type = $1 AND k.subject_id = s.id AND char_length(k.key) BETWEEN 8 AND 100`,
      [SUBJECT],
    );
    await q.query(
      `CREATE UNIQUE INDEX survivor_idempotency_idx ON survivor (owner_agency_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`DELETE FROM idempotency_key WHERE subject_type = $1`, [SUBJECT]);
  }
}
