import { MigrationInterface, QueryRunner } from 'typeorm';

const SUBJECT = 'Referral';

/**
 * Idempotent referral creates move onto the workflow kernel's createOnce: each referral's key goes
 * to idempotency_key (scope: the sending agency) and the referral's own idempotency_key and
 * request_hash columns are dropped. Migrated keys keep a null request_hash, so a retry with them is
 * answered as before (the old hash was not the kernel's canonical one).
 */
export class ReferralKeysOnWorkflow1764700100000 implements MigrationInterface {
  name = 'ReferralKeysOnWorkflow1764700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO idempotency_key (scope, subject_type, key, request_hash, subject_id, created_at)
       SELECT r.from_agency_id::text, $1, r.idempotency_key, NULL, r.id, r.created_at
         FROM referral r WHERE r.idempotency_key IS NOT NULL`,
      [SUBJECT],
    );
    await q.query(`ALTER TABLE referral DROP COLUMN idempotency_key, DROP COLUMN request_hash`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE referral
         ADD COLUMN idempotency_key text CHECK (char_length(idempotency_key) BETWEEN 8 AND 100),
         ADD COLUMN request_hash text`,
    );
    await q.query(
      `UPDATE referral r SET idempotency_key = k.key, request_hash = k.request_hash
         FROM idempotency_key k
        WHERE k.subject_type = $1 AND k.subject_id = r.id AND char_length(k.key) BETWEEN 8 AND 100`,
      [SUBJECT],
    );
    await q.query(
      `CREATE UNIQUE INDEX referral_idempotency_idx ON referral (from_agency_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`DELETE FROM idempotency_key WHERE subject_type = $1`, [SUBJECT]);
  }
}
