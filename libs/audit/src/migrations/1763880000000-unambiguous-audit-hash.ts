import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event hash encodes each event as a JSON array, so no two different events can share an
 * encoding (joining values with separators let `{a,b}` and `{"a,b"}` collide). Seals made with
 * the earlier encoding (development databases only) no longer verify after this change.
 */
export class UnambiguousAuditHash1763880000000 implements MigrationInterface {
  name = 'UnambiguousAuditHash1763880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_hash(e audit_event) RETURNS bytea LANGUAGE sql STABLE AS $$
        SELECT sha256(convert_to(jsonb_build_array('v2',
          e.id::text, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
          e.actor_user_id, e.actor_agency_id, e.action, e.subject_type, e.subject_id, to_jsonb(e.fields),
          e.purpose, e.decision, e.reason, e.request_id, to_jsonb(e.subject_agency_ids))::text, 'UTF8'))
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_hash(e audit_event) RETURNS bytea LANGUAGE sql STABLE AS $$
        SELECT sha256(convert_to(concat_ws(chr(31),
          e.id::text, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
          coalesce(e.actor_user_id, ''), coalesce(e.actor_agency_id::text, ''), e.action, e.subject_type,
          coalesce(e.subject_id, ''), array_to_string(e.fields, ','), coalesce(e.purpose, ''), e.decision,
          coalesce(e.reason, ''), coalesce(e.request_id, ''), array_to_string(e.subject_agency_ids, ',')), 'UTF8'))
      $$`);
  }
}
