import { MigrationInterface, QueryRunner } from 'typeorm';

const AGENCY_TYPES = `'NGO','LAW_ENFORCEMENT','FEDERAL_PARTNER','PROSECUTOR','HEALTH','CHILD_WELFARE','TA_PROVIDER','COORDINATOR'`;
const ROLES = `'CO_LEAD_LAW_ENFORCEMENT','CO_LEAD_VICTIM_SERVICES','MEMBER','OBSERVER'`;

/**
 * Agencies with their directory entries, task forces and memberships, and public resources.
 * Enumerations are text with CHECK constraints (easier to extend than PostgreSQL enums); every
 * list has an index: directory filters by GIN on the arrays, pages by (name, id).
 */
export class CreateAgencies1763780000000 implements MigrationInterface {
  name = 'CreateAgencies1763780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        type text NOT NULL CHECK (type IN (${AGENCY_TYPES})),
        jurisdiction text NOT NULL CHECK (char_length(jurisdiction) <= 200),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        services text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        service_areas text[] NOT NULL DEFAULT '{}',
        service_area_keys text[] NOT NULL DEFAULT '{}',
        hours text CHECK (char_length(hours) <= 200),
        intake_phone text CHECK (char_length(intake_phone) <= 40),
        intake_email text CHECK (char_length(intake_email) <= 254),
        website text CHECK (char_length(website) <= 500),
        address_street text CHECK (char_length(address_street) <= 200),
        address_city text CHECK (char_length(address_city) <= 100),
        address_region text CHECK (char_length(address_region) <= 100),
        address_postal_code text CHECK (char_length(address_postal_code) <= 20),
        accepting_referrals boolean NOT NULL DEFAULT false,
        confidential_location boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX agency_name_id_idx ON agency (name, id)`);
    await q.query(`CREATE INDEX agency_type_name_id_idx ON agency (type, name, id)`);
    await q.query(`CREATE INDEX agency_services_idx ON agency USING gin (services)`);
    await q.query(`CREATE INDEX agency_languages_idx ON agency USING gin (languages)`);
    await q.query(`CREATE INDEX agency_service_area_keys_idx ON agency USING gin (service_area_keys)`);

    await q.query(`
      CREATE TABLE task_force (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        jurisdiction text NOT NULL CHECK (char_length(jurisdiction) <= 200),
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX task_force_name_id_idx ON task_force (name, id)`);

    await q.query(`
      CREATE TABLE task_force_membership (
        task_force_id uuid NOT NULL REFERENCES task_force (id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agency (id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN (${ROLES})),
        version integer NOT NULL DEFAULT 1,
        joined_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (task_force_id, agency_id)
      )`);
    await q.query(
      `CREATE INDEX task_force_membership_agency_idx ON task_force_membership (agency_id, task_force_id)`,
    );

    await q.query(`
      CREATE TABLE resource (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        phone text NOT NULL CHECK (char_length(phone) <= 40),
        text_number text CHECK (char_length(text_number) <= 40),
        chat_url text CHECK (char_length(chat_url) <= 500),
        hours text NOT NULL CHECK (char_length(hours) <= 200),
        languages text[] NOT NULL DEFAULT '{}',
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000)
      )`);
    await q.query(`CREATE INDEX resource_name_id_idx ON resource (name, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE resource`);
    await q.query(`DROP TABLE task_force_membership`);
    await q.query(`DROP TABLE task_force`);
    await q.query(`DROP TABLE agency`);
  }
}
