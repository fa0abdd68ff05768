import { MigrationInterface, QueryRunner } from 'typeorm';

const AGENCY_TYPES = `'NGO','LAW_ENFORCEMENT','FEDERAL_PARTNER','PROSECUTOR','HEALTH','CHILD_WELFARE','TA_PROVIDER','COORDINATOR'`;
const CATEGORIES = `'REFERRAL','SCREENING','RESPONSE','INFORMATION_SHARING','MOU','TRAINING','OTHER'`;
/** Longest Markdown body of a version, in characters (the API checks the same limit first). */
const MAX_BODY = 30000;

/**
 * Task-force protocols, their versions and the acknowledgements of member agencies.
 *
 * A protocol row carries the "headline" of its current published version (or, before the first
 * publication, of its draft) so lists filter, search and page on one table. A version is DRAFT
 * until published; then its content never changes (a trigger refuses it, whatever the caller):
 * only its state moves on, to SUPERSEDED when a newer version is published or ARCHIVED with the
 * whole protocol. At most one PUBLISHED and one DRAFT version per protocol (unique partial
 * indexes). Acknowledgements are facts: the API may add them, never change or remove them.
 */
export class CreateProtocols1763830000000 implements MigrationInterface {
  name = 'CreateProtocols1763830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE protocol (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_force_id uuid NOT NULL REFERENCES task_force (id),
        owner_agency_id uuid NOT NULL REFERENCES agency (id),
        idempotency_key text CHECK (char_length(idempotency_key) BETWEEN 8 AND 100),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        category text NOT NULL CHECK (category IN (${CATEGORIES})),
        audience text[] NOT NULL CHECK (cardinality(audience) BETWEEN 1 AND 8 AND audience <@ ARRAY[${AGENCY_TYPES}]),
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
        current_version_id uuid,
        first_published_at timestamptz,
        search tsvector NOT NULL DEFAULT ''::tsvector,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        archived_at timestamptz,
        archived_by text,
        archive_reason text CHECK (char_length(archive_reason) <= 1000),
        CHECK ((state = 'PUBLISHED') = (current_version_id IS NOT NULL)),
        CHECK ((state = 'ARCHIVED') = (archived_at IS NOT NULL)),
        CHECK (state <> 'PUBLISHED' OR first_published_at IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX protocol_idempotency_idx ON protocol (task_force_id, idempotency_key) WHERE idempotency_key IS NOT NULL`,
    );
    // The list: one task force's protocols by title, optionally of one category or state, or by words.
    await q.query(`CREATE INDEX protocol_task_force_title_idx ON protocol (task_force_id, title, id)`);
    await q.query(
      `CREATE INDEX protocol_task_force_category_idx ON protocol (task_force_id, category, title, id)`,
    );
    await q.query(`CREATE INDEX protocol_task_force_state_idx ON protocol (task_force_id, state, title, id)`);
    await q.query(`CREATE INDEX protocol_search_idx ON protocol USING gin (search)`);

    await q.query(`
      CREATE TABLE protocol_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        protocol_id uuid NOT NULL REFERENCES protocol (id),
        number integer NOT NULL CHECK (number >= 1),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
        category text NOT NULL CHECK (category IN (${CATEGORIES})),
        audience text[] NOT NULL CHECK (cardinality(audience) BETWEEN 1 AND 8 AND audience <@ ARRAY[${AGENCY_TYPES}]),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND ${MAX_BODY}),
        summary_of_changes text CHECK (char_length(summary_of_changes) <= 2000),
        effective_date date,
        review_by date,
        requires_acknowledgement boolean NOT NULL DEFAULT true,
        state text NOT NULL DEFAULT 'DRAFT' CHECK (state IN ('DRAFT', 'PUBLISHED', 'SUPERSEDED', 'ARCHIVED')),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        published_by text,
        superseded_at timestamptz,
        archived_at timestamptz,
        UNIQUE (protocol_id, number),
        CHECK (review_by IS NULL OR effective_date IS NULL OR review_by > effective_date),
        CHECK (
          (state = 'DRAFT' AND published_at IS NULL)
          OR (state IN ('PUBLISHED', 'SUPERSEDED') AND published_at IS NOT NULL AND effective_date IS NOT NULL)
          OR state = 'ARCHIVED'
        ),
        CHECK ((state = 'SUPERSEDED') = (superseded_at IS NOT NULL)),
        CHECK ((state = 'ARCHIVED') = (archived_at IS NOT NULL))
      )`);
    // At most one current published version and one draft per protocol, whatever races.
    await q.query(
      `CREATE UNIQUE INDEX protocol_version_published_idx ON protocol_version (protocol_id) WHERE state = 'PUBLISHED'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX protocol_version_draft_idx ON protocol_version (protocol_id) WHERE state = 'DRAFT'`,
    );
    // Pending acknowledgements: current versions that ask for one, oldest first.
    await q.query(
      `CREATE INDEX protocol_version_pending_idx ON protocol_version (published_at, id)
         WHERE state = 'PUBLISHED' AND requires_acknowledgement`,
    );
    await q.query(
      `ALTER TABLE protocol ADD CONSTRAINT protocol_current_version_fk
         FOREIGN KEY (current_version_id) REFERENCES protocol_version (id)`,
    );

    // A published version never changes: only its state moves on (and the time it did).
    await q.query(`
      CREATE FUNCTION protocol_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.state = 'DRAFT' THEN
          IF NEW.state NOT IN ('DRAFT', 'PUBLISHED', 'ARCHIVED') THEN
            RAISE EXCEPTION 'protocol version %: % cannot become %', OLD.id, OLD.state, NEW.state
              USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF ROW(NEW.protocol_id, NEW.number, NEW.title, NEW.category, NEW.audience, NEW.body,
               NEW.summary_of_changes, NEW.effective_date, NEW.review_by, NEW.requires_acknowledgement,
               NEW.created_by, NEW.created_at, NEW.published_at, NEW.published_by)
           IS DISTINCT FROM
           ROW(OLD.protocol_id, OLD.number, OLD.title, OLD.category, OLD.audience, OLD.body,
               OLD.summary_of_changes, OLD.effective_date, OLD.review_by, OLD.requires_acknowledgement,
               OLD.created_by, OLD.created_at, OLD.published_at, OLD.published_by) THEN
          RAISE EXCEPTION 'protocol version % is % and can no longer change; publish a new version', OLD.id, OLD.state
            USING ERRCODE = 'check_violation';
        END IF;
        IF NOT (NEW.state = OLD.state OR (OLD.state = 'PUBLISHED' AND NEW.state IN ('SUPERSEDED', 'ARCHIVED'))) THEN
          RAISE EXCEPTION 'protocol version %: % cannot become %', OLD.id, OLD.state, NEW.state
            USING ERRCODE = 'check_violation';
        END IF;
        IF OLD.state <> 'PUBLISHED' AND ROW(NEW.superseded_at, NEW.archived_at) IS DISTINCT FROM ROW(OLD.superseded_at, OLD.archived_at) THEN
          RAISE EXCEPTION 'protocol version % is % and can no longer change', OLD.id, OLD.state
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER protocol_version_guard BEFORE UPDATE ON protocol_version
         FOR EACH ROW EXECUTE FUNCTION protocol_version_guard()`,
    );

    await q.query(`
      CREATE TABLE protocol_acknowledgement (
        version_id uuid NOT NULL REFERENCES protocol_version (id),
        agency_id uuid NOT NULL REFERENCES agency (id),
        protocol_id uuid NOT NULL REFERENCES protocol (id),
        acknowledged_by text NOT NULL,
        acknowledged_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (version_id, agency_id)
      )`);
    await q.query(
      `CREATE INDEX protocol_acknowledgement_agency_idx ON protocol_acknowledgement (agency_id, acknowledged_at DESC)`,
    );
    // Only the current published version can be acknowledged, whatever the caller.
    await q.query(`
      CREATE FUNCTION protocol_acknowledgement_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (
          SELECT 1 FROM protocol_version v
           WHERE v.id = NEW.version_id AND v.protocol_id = NEW.protocol_id AND v.state = 'PUBLISHED'
        ) THEN
          RAISE EXCEPTION 'protocol version % is not the current published version', NEW.version_id
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER protocol_acknowledgement_guard BEFORE INSERT ON protocol_acknowledgement
         FOR EACH ROW EXECUTE FUNCTION protocol_acknowledgement_guard()`,
    );

    // Protocols are archived, never deleted; versions only move on; acknowledgements are facts.
    await q.query(`REVOKE DELETE, TRUNCATE ON protocol FROM hub_api`);
    await q.query(`REVOKE DELETE, TRUNCATE ON protocol_version FROM hub_api`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON protocol_acknowledgement FROM hub_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE protocol_acknowledgement`);
    await q.query(`DROP FUNCTION protocol_acknowledgement_guard`);
    await q.query(`ALTER TABLE protocol DROP CONSTRAINT protocol_current_version_fk`);
    await q.query(`DROP TABLE protocol_version`);
    await q.query(`DROP FUNCTION protocol_version_guard`);
    await q.query(`DROP TABLE protocol`);
  }
}
