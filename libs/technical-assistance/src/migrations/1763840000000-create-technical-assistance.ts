import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

// Spelled out here (not imported from the enums) so this migration never changes after it ran.
const TOPICS = list([
  'VICTIM_IDENTIFICATION',
  'TRAUMA_INFORMED_SERVICES',
  'SERVICE_QUALITY',
  'INTERAGENCY_COLLABORATION',
  'PROTOCOL_DEVELOPMENT',
  'DATA_AND_EVALUATION',
  'LEGAL_AND_IMMIGRATION',
  'LABOR_TRAFFICKING',
  'YOUTH_AND_MINORS',
  'OTHER',
]);
const TYPES = list(['TRAINING', 'CONSULTATION', 'RESOURCE_REVIEW', 'ON_SITE_VISIT']);
const MODALITIES = list(['VIRTUAL', 'ON_SITE', 'HYBRID']);
const AUDIENCES = list([
  'LAW_ENFORCEMENT',
  'PROSECUTORS',
  'SERVICE_PROVIDERS',
  'SOCIAL_SERVICES',
  'HEALTH_CARE',
  'CHILD_WELFARE',
  'EDUCATORS',
  'COMMUNITY',
  'TASK_FORCE_MEMBERS',
  'OTHER',
]);
const URGENCIES = list(['ROUTINE', 'TIME_SENSITIVE', 'URGENT']);
const PRIORITIES = list(['LOW', 'MEDIUM', 'HIGH']);
const STATUSES = list([
  'SUBMITTED',
  'TRIAGED',
  'ASSIGNED',
  'IN_PROGRESS',
  'DELIVERED',
  'CLOSED',
  'DECLINED',
  'WITHDRAWN',
]);

/**
 * Technical-assistance requests: the request (one row, versioned, its status a text + CHECK), its
 * transitions (append-only events: actor, time, from, to, reason), the sessions delivered with
 * attendance by audience, and the message thread. Requests hold no survivor personal data.
 * Every list has its index: by requesting agency, assigned agency, task force (and status, the
 * coordinator's queue), and all, each ordered (created_at DESC, id DESC) for keyset pages.
 */
export class CreateTechnicalAssistance1763840000000 implements MigrationInterface {
  name = 'CreateTechnicalAssistance1763840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE technical_assistance_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_force_id uuid NOT NULL REFERENCES task_force (id),
        requesting_agency_id uuid NOT NULL REFERENCES agency (id),
        requested_by text NOT NULL CHECK (char_length(requested_by) BETWEEN 1 AND 128),
        idempotency_key text CHECK (char_length(idempotency_key) BETWEEN 8 AND 100),
        topic text NOT NULL CHECK (topic IN (${TOPICS})),
        type text NOT NULL CHECK (type IN (${TYPES})),
        modality text NOT NULL CHECK (modality IN (${MODALITIES})),
        problem_statement text NOT NULL CHECK (char_length(problem_statement) BETWEEN 1 AND 4000),
        why_it_matters text NOT NULL CHECK (char_length(why_it_matters) BETWEEN 1 AND 4000),
        current_practice text NOT NULL CHECK (char_length(current_practice) BETWEEN 1 AND 4000),
        desired_outcome text NOT NULL CHECK (char_length(desired_outcome) BETWEEN 1 AND 4000),
        preferred_start_date date,
        preferred_end_date date,
        audiences text[] NOT NULL CHECK (cardinality(audiences) BETWEEN 1 AND 10 AND audiences <@ ARRAY[${AUDIENCES}]),
        expected_attendees integer NOT NULL CHECK (expected_attendees BETWEEN 1 AND 1000),
        urgency text NOT NULL CHECK (urgency IN (${URGENCIES})),
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN (${STATUSES})),
        priority text CHECK (priority IN (${PRIORITIES})),
        triage_note text CHECK (char_length(triage_note) <= 2000),
        assigned_agency_id uuid REFERENCES agency (id),
        assignee_name text CHECK (char_length(assignee_name) <= 200),
        delivery_summary text CHECK (char_length(delivery_summary) <= 4000),
        decline_reason text CHECK (char_length(decline_reason) BETWEEN 1 AND 1000),
        rating smallint CHECK (rating BETWEEN 1 AND 5),
        feedback text CHECK (char_length(feedback) <= 4000),
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (preferred_end_date >= preferred_start_date),
        CHECK (status IN ('SUBMITTED', 'DECLINED', 'WITHDRAWN') OR priority IS NOT NULL),
        CHECK (status NOT IN ('ASSIGNED', 'IN_PROGRESS', 'DELIVERED', 'CLOSED') OR assigned_agency_id IS NOT NULL),
        CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)),
        CHECK ((status = 'CLOSED') = (rating IS NOT NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX ta_request_idempotency_idx ON technical_assistance_request (requesting_agency_id, idempotency_key)
         WHERE idempotency_key IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ta_request_requesting_idx ON technical_assistance_request (requesting_agency_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ta_request_assigned_idx ON technical_assistance_request (assigned_agency_id, created_at DESC, id DESC)
         WHERE assigned_agency_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ta_request_task_force_idx ON technical_assistance_request (task_force_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ta_request_task_force_status_idx ON technical_assistance_request (task_force_id, status, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX ta_request_created_idx ON technical_assistance_request (created_at DESC, id DESC)`,
    );
    // Requests are closed, declined or withdrawn, never deleted.
    await q.query(`REVOKE DELETE, TRUNCATE ON technical_assistance_request FROM hub_api`);

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

    await q.query(`
      CREATE TABLE technical_assistance_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES technical_assistance_request (id),
        held_on date NOT NULL,
        modality text NOT NULL CHECK (modality IN (${MODALITIES})),
        hours numeric(4, 2) NOT NULL CHECK (hours > 0 AND hours <= 24),
        materials text[] NOT NULL DEFAULT '{}' CHECK (cardinality(materials) <= 20),
        notes text CHECK (char_length(notes) <= 4000),
        recorded_by text NOT NULL CHECK (char_length(recorded_by) BETWEEN 1 AND 128),
        recorded_by_agency_id uuid NOT NULL REFERENCES agency (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX ta_session_request_idx ON technical_assistance_session (request_id, held_on, recorded_at, id)`,
    );
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON technical_assistance_session FROM hub_api`);

    await q.query(`
      CREATE TABLE technical_assistance_attendance (
        session_id uuid NOT NULL REFERENCES technical_assistance_session (id),
        audience text NOT NULL CHECK (audience IN (${AUDIENCES})),
        attendees integer NOT NULL CHECK (attendees BETWEEN 1 AND 1000),
        PRIMARY KEY (session_id, audience)
      )`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON technical_assistance_attendance FROM hub_api`);

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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE technical_assistance_message`);
    await q.query(`DROP TABLE technical_assistance_attendance`);
    await q.query(`DROP TABLE technical_assistance_session`);
    await q.query(`DROP TABLE technical_assistance_event`);
    await q.query(`DROP TABLE technical_assistance_request`);
  }
}
