import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log. The API role may only append and read: UPDATE, DELETE and TRUNCATE are revoked,
 * so even a compromised API process cannot rewrite history (tamper evidence comes later).
 */
export class CreateAuditEvent1763790000000 implements MigrationInterface {
  name = 'CreateAuditEvent1763790000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_user_id text,
        actor_agency_id uuid,
        action text NOT NULL CHECK (char_length(action) <= 64),
        subject_type text NOT NULL CHECK (char_length(subject_type) <= 64),
        subject_id text CHECK (char_length(subject_id) <= 128),
        fields text[] NOT NULL DEFAULT '{}',
        purpose text CHECK (purpose IN ('SERVICE', 'INVESTIGATION')),
        decision text NOT NULL CHECK (decision IN ('ALLOWED', 'DENIED')),
        reason text CHECK (char_length(reason) <= 500)
      )`);
    await q.query(
      `CREATE INDEX audit_event_agency_time_idx ON audit_event (actor_agency_id, occurred_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX audit_event_subject_idx ON audit_event (subject_type, subject_id, occurred_at DESC)`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM hub_api`);
    await q.query(`GRANT SELECT, INSERT ON audit_event TO hub_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
  }
}
