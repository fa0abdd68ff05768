import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Survivors, their consents (immutable once recorded), revocations (a new fact, never an edit),
 * and the access rows derived from consents (grants). Reads join live grants, so the indexes
 * below serve "which survivors may agency A see for purpose P now".
 */
export class CreateSurvivorsAndConsents1763810000000 implements MigrationInterface {
  name = 'CreateSurvivorsAndConsents1763810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE survivor (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        reference text NOT NULL UNIQUE CHECK (reference ~ '^S-[0-9A-Z]{10}$'),
        owner_agency_id uuid NOT NULL REFERENCES agency (id),
        idempotency_key text CHECK (char_length(idempotency_key) BETWEEN 8 AND 100),
        minor boolean NOT NULL DEFAULT false,
        given_name text CHECK (char_length(given_name) <= 100),
        family_name text CHECK (char_length(family_name) <= 100),
        aliases text[] NOT NULL DEFAULT '{}',
        date_of_birth date,
        gender text CHECK (char_length(gender) <= 50),
        phone text CHECK (char_length(phone) <= 40),
        email text CHECK (char_length(email) <= 254),
        address text CHECK (char_length(address) <= 300),
        safe_contact jsonb,
        needs jsonb NOT NULL DEFAULT '[]',
        preferred_language text CHECK (char_length(preferred_language) = 2),
        interpreter_needed boolean,
        situation_summary text CHECK (char_length(situation_summary) <= 4000),
        case_notes text CHECK (char_length(case_notes) <= 10000),
        immigration_status text CHECK (char_length(immigration_status) <= 200),
        immigration_documents text CHECK (char_length(immigration_documents) <= 1000),
        medical_notes text CHECK (char_length(medical_notes) <= 4000),
        mental_health_notes text CHECK (char_length(mental_health_notes) <= 4000),
        substance_use_notes text CHECK (char_length(substance_use_notes) <= 4000),
        created_by text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX survivor_idempotency_idx ON survivor (owner_agency_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX survivor_owner_created_idx ON survivor (owner_agency_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX survivor_created_idx ON survivor (created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE consent (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survivor_id uuid NOT NULL REFERENCES survivor (id),
        owner_agency_id uuid NOT NULL REFERENCES agency (id),
        grantor_type text NOT NULL CHECK (grantor_type IN ('SELF', 'PARENT', 'GUARDIAN', 'LEGAL_REPRESENTATIVE')),
        grantor_name text CHECK (char_length(grantor_name) <= 200),
        grantor_relationship text CHECK (char_length(grantor_relationship) <= 100),
        grantor_not_suspected_attested boolean NOT NULL DEFAULT false,
        recipient_agency_ids uuid[] NOT NULL CHECK (cardinality(recipient_agency_ids) BETWEEN 1 AND 20),
        purposes text[] NOT NULL CHECK (cardinality(purposes) BETWEEN 1 AND 2 AND purposes <@ ARRAY['SERVICE', 'INVESTIGATION']),
        data_classes text[] NOT NULL CHECK (cardinality(data_classes) BETWEEN 1 AND 6
          AND data_classes <@ ARRAY['IDENTITY', 'CONTACT', 'NEEDS', 'NARRATIVE', 'IMMIGRATION', 'HEALTH']),
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL CHECK (valid_until > valid_from),
        obtained_how text NOT NULL CHECK (obtained_how IN ('WRITTEN', 'E_SIGNATURE')),
        language text NOT NULL CHECK (char_length(language) = 2),
        interpreter_used boolean NOT NULL,
        interpreter_name text CHECK (char_length(interpreter_name) <= 200),
        acknowledged_right_to_revoke boolean NOT NULL CHECK (acknowledged_right_to_revoke),
        acknowledged_not_condition_of_service boolean NOT NULL CHECK (acknowledged_not_condition_of_service),
        acknowledged_redisclosure_risk boolean NOT NULL CHECK (acknowledged_redisclosure_risk),
        document_reference text NOT NULL CHECK (char_length(document_reference) BETWEEN 1 AND 200),
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consent_survivor_idx ON consent (survivor_id, recorded_at DESC, id DESC)`);
    // Immutable once recorded: the API may add consents, never change or remove one.
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON consent FROM hub_api`);

    await q.query(`
      CREATE TABLE consent_revocation (
        consent_id uuid PRIMARY KEY REFERENCES consent (id),
        revoked_at timestamptz NOT NULL DEFAULT now(),
        revoked_by text NOT NULL,
        revoked_by_agency_id uuid NOT NULL REFERENCES agency (id),
        channel text NOT NULL CHECK (channel IN ('IN_PERSON', 'PHONE', 'WRITTEN', 'E_SIGNATURE', 'OTHER')),
        reason text CHECK (char_length(reason) <= 1000)
      )`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON consent_revocation FROM hub_api`);

    await q.query(`
      CREATE TABLE consent_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        consent_id uuid NOT NULL REFERENCES consent (id),
        survivor_id uuid NOT NULL REFERENCES survivor (id),
        agency_id uuid NOT NULL REFERENCES agency (id),
        data_classes text[] NOT NULL,
        purposes text[] NOT NULL,
        valid_from timestamptz NOT NULL,
        valid_until timestamptz NOT NULL,
        revoked_at timestamptz,
        UNIQUE (consent_id, agency_id)
      )`);
    await q.query(
      `CREATE INDEX consent_grant_survivor_idx ON consent_grant (survivor_id, agency_id) WHERE revoked_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX consent_grant_agency_idx ON consent_grant (agency_id, survivor_id) WHERE revoked_at IS NULL`,
    );
    // Grants only ever gain a revocation time; they are not deleted.
    await q.query(`REVOKE DELETE, TRUNCATE ON consent_grant FROM hub_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consent_grant`);
    await q.query(`DROP TABLE consent_revocation`);
    await q.query(`DROP TABLE consent`);
    await q.query(`DROP TABLE survivor`);
  }
}
