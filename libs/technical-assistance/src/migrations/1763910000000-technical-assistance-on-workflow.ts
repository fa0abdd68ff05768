import { MigrationInterface, QueryRunner } from 'typeorm';

const SUBJECT = 'TechnicalAssistanceRequest';
// The statuses as the table being restored by `down` checked them (1763840000000).
const STATUSES = [
  'SUBMITTED',
  'TRIAGED',
  'ASSIGNED',
  'IN_PROGRESS',
  'DELIVERED',
  'CLOSED',
  'DECLINED',
  'WITHDRAWN',
]
  .map((status) => `'${status}'`)
  .join(', ');

/**
 * Technical assistance moves onto the workflow kernel (docs/workflow.md): its events go to
 * record_event, its messages to record_message and its idempotency keys to idempotency_key, and the
 * tables and column they came from are dropped. Messages keep their ids; events keep their times,
 * but their bigint ids become uuids derived from them (md5 of subject type and old id: stable, and
 * distinct from any other domain's). Keys recorded before requests were hashed keep a null
 * request_hash, so a retry with them is answered as before.
 */
export class TechnicalAssistanceOnWorkflow1763910000000 implements MigrationInterface {
  name = 'TechnicalAssistanceOnWorkflow1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO record_event (id, subject_type, subject_id, from_status, to_status, actor_user_id, actor_agency_id,
         reason, occurred_at)
       SELECT md5($1 || '/event/' || e.id)::uuid, $1, e.request_id, e.from_status, e.to_status, e.actor_user_id,
              e.actor_agency_id, e.reason, e.occurred_at
         FROM technical_assistance_event e`,
      [SUBJECT],
    );
    await q.query(
      `INSERT INTO record_message (id, subject_type, subject_id, author_user_id, author_agency_id, body, created_at)
       SELECT m.id, $1, m.request_id, m.author_user_id, m.author_agency_id, m.body, m.created_at
         FROM technical_assistance_message m`,
      [SUBJECT],
    );
    await q.query(
      `INSERT INTO idempotency_key (scope, subject_type, key, request_hash, subject_id, created_at)
       SELECT r.requesting_agency_id::text, $1, r.idempotency_key, NULL, r.id, r.created_at
         FROM technical_assistance_request r WHERE r.idempotency_key IS NOT NULL`,
      [SUBJECT],
    );
    await q.query(`DROP TABLE technical_assistance_event`);
    await q.query(`DROP TABLE technical_assistance_message`);
    await q.query(`ALTER TABLE technical_assistance_request DROP COLUMN idempotency_key`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE technical_assistance_request
         ADD COLUMN idempotency_key text CHECK (char_length(idempotency_key) BETWEEN 8 AND 100)`,
    );
    await q.query(
      `UPDATE technical_assistance_request r SET idempotency_key = k.key
         FROM idempotency_key k
        WHERE k.subject_type = $1 AND k.subject_id = r.id AND char_length(k.key) BETWEEN 8 AND 100`,
      [SUBJECT],
    );
    await q.query(
      `CREATE UNIQUE INDEX ta_request_idempotency_idx ON technical_assistance_request (requesting_agency_id, idempotency_key)
         WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE technical_assistance_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES technical_assistance_request (id),
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        actor_user_id text NOT NULL CHECK (char_length(actor_user_id) BETWEEN 1 AND 128),
        actor_agency_id uuid NOT NULL REFERENCES agency (id),
        reason text CHECK (char_length(reason) <= 4000),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_status IS DISTINCT FROM to_status)
      )`);
    await q.query(`CREATE INDEX ta_event_request_idx ON technical_assistance_event (request_id, id)`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON technical_assistance_event FROM hub_api`);
    await q.query(
      `INSERT INTO technical_assistance_event (request_id, from_status, to_status, actor_user_id, actor_agency_id,
         reason, occurred_at)
       SELECT subject_id, from_status, to_status, actor_user_id, actor_agency_id, reason, occurred_at
         FROM record_event WHERE subject_type = $1 ORDER BY occurred_at, id`,
      [SUBJECT],
    );
    await q.query(`
      CREATE TABLE technical_assistance_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES technical_assistance_request (id),
        author_user_id text NOT NULL CHECK (char_length(author_user_id) BETWEEN 1 AND 128),
        author_agency_id uuid NOT NULL REFERENCES agency (id),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ta_message_request_idx ON technical_assistance_message (request_id, created_at, id)`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON technical_assistance_message FROM hub_api`);
    await q.query(
      `INSERT INTO technical_assistance_message (id, request_id, author_user_id, author_agency_id, body, created_at)
       SELECT id, subject_id, author_user_id, author_agency_id, body, created_at FROM record_message WHERE subject_type = $1`,
      [SUBJECT],
    );
    await q.query(`DELETE FROM record_message WHERE subject_type = $1`, [SUBJECT]);
    await q.query(`DELETE FROM record_event WHERE subject_type = $1`, [SUBJECT]);
    await q.query(`DELETE FROM idempotency_key WHERE subject_type = $1`, [SUBJECT]);
  }
}
