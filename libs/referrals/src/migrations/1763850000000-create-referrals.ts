import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'DRAFT','SENT','ACKNOWLEDGED','ACCEPTED','IN_PROGRESS','ON_HOLD','COMPLETED','DECLINED','FAILED','WITHDRAWN','EXPIRED'`;

/**
 * Referrals between agencies, their transition events and their message threads. Inboxes page
 * newest first per agency, so each box has an index on (agency, created_at, id).
 */
export class CreateReferrals1763850000000 implements MigrationInterface {
  name = 'CreateReferrals1763850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE referral (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL DEFAULT 'STANDARD' CHECK (kind IN ('STANDARD', 'CHILD_SAFETY')),
        parent_referral_id uuid REFERENCES referral (id),
        from_agency_id uuid NOT NULL REFERENCES agency (id),
        to_agency_id uuid NOT NULL REFERENCES agency (id),
        needs text[] NOT NULL CHECK (cardinality(needs) BETWEEN 1 AND 10),
        urgency text NOT NULL CHECK (urgency IN ('EMERGENCY', 'URGENT', 'ROUTINE')),
        requested_response_hours integer CHECK (requested_response_hours BETWEEN 1 AND 720),
        response_due_at timestamptz,
        notes text CHECK (char_length(notes) <= 4000),
        survivor_id uuid REFERENCES survivor (id),
        consent_id uuid REFERENCES consent (id),
        shared_classes text[] NOT NULL DEFAULT '{}',
        language text CHECK (char_length(language) = 2),
        age_band text CHECK (char_length(age_band) <= 32),
        callback text CHECK (char_length(callback) <= 500),
        legal_basis text CHECK (char_length(legal_basis) <= 500),
        report_reason text CHECK (char_length(report_reason) <= 2000),
        status text NOT NULL CHECK (status IN (${STATUSES})),
        decline_reason text,
        decline_reason_text text CHECK (char_length(decline_reason_text) <= 1000),
        declined_by text CHECK (declined_by IN ('PROVIDER', 'SURVIVOR')),
        failure_reason text CHECK (char_length(failure_reason) <= 1000),
        outcome_services text[],
        outcome_text text CHECK (char_length(outcome_text) <= 4000),
        idempotency_key text CHECK (char_length(idempotency_key) BETWEEN 8 AND 100),
        request_hash text,
        created_by text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_agency_id <> to_agency_id),
        -- With a survivor, a consent (standard) or a child-safety basis; without, de-identified.
        CHECK (survivor_id IS NOT NULL OR (consent_id IS NULL AND cardinality(shared_classes) = 0)),
        CHECK (kind = 'CHILD_SAFETY' OR survivor_id IS NULL OR consent_id IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX referral_idempotency_idx ON referral (from_agency_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(`CREATE INDEX referral_received_idx ON referral (to_agency_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referral_sent_idx ON referral (from_agency_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX referral_received_open_idx ON referral (to_agency_id, status, response_due_at)
      WHERE status IN ('SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS')`);
    await q.query(
      `CREATE INDEX referral_survivor_idx ON referral (survivor_id) WHERE survivor_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX referral_parent_idx ON referral (parent_referral_id) WHERE parent_referral_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE referral_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        referral_id uuid NOT NULL REFERENCES referral (id),
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        actor_user_id text NOT NULL,
        actor_agency_id uuid NOT NULL,
        reason text CHECK (char_length(reason) <= 1000),
        occurred_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX referral_event_referral_idx ON referral_event (referral_id, id)`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON referral_event FROM hub_api`);

    await q.query(`
      CREATE TABLE referral_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        referral_id uuid NOT NULL REFERENCES referral (id),
        author_user_id text NOT NULL,
        author_agency_id uuid NOT NULL,
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 4000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX referral_message_referral_idx ON referral_message (referral_id, created_at, id)`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON referral_message FROM hub_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE referral_message`);
    await q.query(`DROP TABLE referral_event`);
    await q.query(`DROP TABLE referral`);
  }
}
