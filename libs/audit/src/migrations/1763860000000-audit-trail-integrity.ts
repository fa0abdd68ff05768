import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A trustworthy audit trail.
 *
 * - Append-only, enforced twice: the API role has no UPDATE/DELETE/TRUNCATE privilege, and
 *   triggers refuse those statements for every role (the owner must disable them on purpose).
 * - Tamper evidence without serialising writers: events are written freely; a sealer (any API
 *   replica, one at a time via an advisory lock) periodically seals every committed, unsealed
 *   event into the next link of a hash chain (`audit_seal`), recording which events it sealed
 *   (`audit_seal_entry`). Verification recomputes each event's hash, each seal's hash and the
 *   chain; the newest seal hash is the anchor, printed to the log and returned by a query, so
 *   a rewrite of the whole chain shows against an anchor kept outside the table.
 * - Each event also names the request it came from and the agencies whose records it concerns.
 */
export class AuditTrailIntegrity1763860000000 implements MigrationInterface {
  name = 'AuditTrailIntegrity1763860000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event
      ADD COLUMN request_id text CHECK (char_length(request_id) <= 128),
      ADD COLUMN subject_agency_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX audit_event_time_idx ON audit_event (occurred_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX audit_event_subject_agency_idx ON audit_event USING gin (subject_agency_ids)`,
    );

    // The canonical content of an event; its SHA-256 is what a seal vouches for.
    await q.query(`
      CREATE FUNCTION audit_event_hash(e audit_event) RETURNS bytea LANGUAGE sql STABLE AS $$
        SELECT sha256(convert_to(concat_ws(chr(31),
          e.id::text, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
          coalesce(e.actor_user_id, ''), coalesce(e.actor_agency_id::text, ''), e.action, e.subject_type,
          coalesce(e.subject_id, ''), array_to_string(e.fields, ','), coalesce(e.purpose, ''), e.decision,
          coalesce(e.reason, ''), coalesce(e.request_id, ''), array_to_string(e.subject_agency_ids, ',')), 'UTF8'))
      $$`);

    await q.query(`
      CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the audit trail is append-only (% refused on %)', TG_OP, TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
      FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);

    await q.query(`
      CREATE TABLE audit_seal (
        seq bigint PRIMARY KEY,
        sealed_at timestamptz NOT NULL DEFAULT now(),
        event_count integer NOT NULL,
        events_hash bytea NOT NULL,
        prev_hash bytea NOT NULL,
        seal_hash bytea NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_seal_entry (
        event_id bigint PRIMARY KEY,
        seal_seq bigint NOT NULL REFERENCES audit_seal (seq),
        event_hash bytea NOT NULL
      )`);
    await q.query(`CREATE INDEX audit_seal_entry_seal_idx ON audit_seal_entry (seal_seq, event_id)`);
    for (const table of ['audit_seal', 'audit_seal_entry']) {
      await q.query(`CREATE TRIGGER ${table}_no_update_delete BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION audit_refuse_change()`);
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change()`);
      await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM hub_api`);
      await q.query(`GRANT SELECT, INSERT ON ${table} TO hub_api`);
    }

    // First request seen per token: the API's view of a sign-in.
    await q.query(
      `CREATE TABLE audit_token_seen (token_id text PRIMARY KEY, seen_at timestamptz NOT NULL DEFAULT now())`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_token_seen FROM hub_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_token_seen`);
    await q.query(`DROP TABLE audit_seal_entry`);
    await q.query(`DROP TABLE audit_seal`);
    await q.query(`DROP TRIGGER audit_event_no_update_delete ON audit_event`);
    await q.query(`DROP TRIGGER audit_event_no_truncate ON audit_event`);
    await q.query(`DROP FUNCTION audit_refuse_change()`);
    await q.query(`DROP FUNCTION audit_event_hash(audit_event)`);
    await q.query(`DROP INDEX audit_event_subject_agency_idx`);
    await q.query(`DROP INDEX audit_event_time_idx`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN subject_agency_ids, DROP COLUMN request_id`);
  }
}
