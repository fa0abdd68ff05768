import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The workflow kernel's generic tables, shared by every record type that adopts it (docs/workflow.md):
 * the event log (one row per status change), the message threads, and the idempotency keys of
 * creates. Rows name their record by (subject_type, subject_id); there is no foreign key, as the
 * records live in the domains' tables. All three are append-only for the API's role.
 */
export class CreateWorkflow1763900000000 implements MigrationInterface {
  name = 'CreateWorkflow1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_event (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type text NOT NULL CHECK (char_length(subject_type) BETWEEN 1 AND 64),
        subject_id uuid NOT NULL,
        from_status text CHECK (char_length(from_status) BETWEEN 1 AND 64),
        to_status text NOT NULL CHECK (char_length(to_status) BETWEEN 1 AND 64),
        actor_user_id text CHECK (char_length(actor_user_id) BETWEEN 1 AND 128),
        actor_agency_id uuid,
        reason text CHECK (char_length(reason) <= 4000),
        details jsonb,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (from_status IS DISTINCT FROM to_status)
      )`);
    await q.query(
      `CREATE INDEX record_event_subject_idx ON record_event (subject_type, subject_id, occurred_at, id)`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON record_event FROM hub_api`);

    await q.query(`
      CREATE TABLE record_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        subject_type text NOT NULL CHECK (char_length(subject_type) BETWEEN 1 AND 64),
        subject_id uuid NOT NULL,
        author_user_id text NOT NULL CHECK (char_length(author_user_id) BETWEEN 1 AND 128),
        author_agency_id uuid NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX record_message_subject_idx ON record_message (subject_type, subject_id, created_at, id)`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON record_message FROM hub_api`);

    // request_hash is null only for keys recorded before requests were hashed: any retry matches those.
    await q.query(`
      CREATE TABLE idempotency_key (
        scope text NOT NULL CHECK (char_length(scope) BETWEEN 1 AND 128),
        subject_type text NOT NULL CHECK (char_length(subject_type) BETWEEN 1 AND 64),
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 200),
        request_hash text CHECK (request_hash ~ '^[0-9a-f]{64}$'),
        subject_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, subject_type, key)
      )`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON idempotency_key FROM hub_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`DROP TABLE record_message`);
    await q.query(`DROP TABLE record_event`);
  }
}
