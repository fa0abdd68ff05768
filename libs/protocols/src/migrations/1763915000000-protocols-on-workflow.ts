import { MigrationInterface, QueryRunner } from 'typeorm';

const SUBJECT = 'Protocol';

/**
 * Protocols move onto the workflow kernel (docs/workflow.md). The protocol's lifecycle column is
 * the kernel's `status` (renamed from `state`; the GraphQL field keeps its name), its idempotency
 * keys go to idempotency_key (scope: the task force, as the old unique index had it) and the column
 * they came from is dropped. Keys recorded before requests were hashed keep a null request_hash, so
 * a retry with them is answered as before. Protocols had no event history: it starts here.
 */
export class ProtocolsOnWorkflow1763915000000 implements MigrationInterface {
  name = 'ProtocolsOnWorkflow1763915000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE protocol RENAME COLUMN state TO status`);
    await q.query(`ALTER INDEX protocol_task_force_state_idx RENAME TO protocol_task_force_status_idx`);
    await q.query(
      `INSERT INTO idempotency_key (scope, subject_type, key, request_hash, subject_id, created_at)
       SELECT p.task_force_id::text, $1, p.idempotency_key, NULL, p.id, p.created_at
         FROM protocol p WHERE p.idempotency_key IS NOT NULL`,
      [SUBJECT],
    );
    await q.query(`DROP INDEX protocol_idempotency_idx`);
    await q.query(`ALTER TABLE protocol DROP COLUMN idempotency_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE protocol ADD COLUMN idempotency_key text CHECK (char_length(idempotency_key) BETWEEN 8 AND 100)`,
    );
    await q.query(
      `UPDATE protocol p SET idempotency_key = k.key
         FROM idempotency_key k
        WHERE k.subject_type = $1 AND k.subject_id = p.id AND char_length(k.key) BETWEEN 8 AND 100`,
      [SUBJECT],
    );
    await q.query(
      `CREATE UNIQUE INDEX protocol_idempotency_idx ON protocol (task_force_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`DELETE FROM idempotency_key WHERE subject_type = $1`, [SUBJECT]);
    await q.query(`DELETE FROM record_event WHERE subject_type IN ($1, 'ProtocolVersion')`, [SUBJECT]);
    await q.query(`ALTER INDEX protocol_task_force_status_idx RENAME TO protocol_task_force_state_idx`);
    await q.query(`ALTER TABLE protocol RENAME COLUMN status TO state`);
  }
}
