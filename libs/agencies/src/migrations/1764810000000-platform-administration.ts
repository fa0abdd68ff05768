import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Platform administration (issue 14): an agency can be taken off the hub (its rows stay, owned and
 * audited; its users are refused), and the hub keeps the users it has seen in verified tokens, per
 * agency, with the suspensions an agency admin decided. Identity stays in Keycloak: no passwords.
 *
 * - `agency.deactivated_*`: when, by whom and why; NULL while the agency is active.
 * - `agency_user`: one row per token subject, refreshed at most every few minutes (bookkeeping);
 *   the users list pages by (agency_id, username, id): `id` is a uuid of the row, so a cursor is
 *   checked like every other list's (a subject may be any string).
 * - `agency_user_suspension`: a user suspended for an agency; deleting the row reinstates them.
 */
export class PlatformAdministration1764810000000 implements MigrationInterface {
  name = 'PlatformAdministration1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE agency
        ADD COLUMN deactivated_at timestamptz,
        ADD COLUMN deactivated_by text CHECK (char_length(deactivated_by) <= 255),
        ADD COLUMN deactivation_reason text CHECK (char_length(deactivation_reason) <= 500),
        ADD CONSTRAINT agency_deactivation_complete CHECK (
          (deactivated_at IS NULL) = (deactivated_by IS NULL) AND (deactivated_at IS NULL) = (deactivation_reason IS NULL))`);

    await q.query(`
      CREATE TABLE agency_user (
        user_id text PRIMARY KEY CHECK (char_length(user_id) BETWEEN 1 AND 255),
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agency (id),
        username text NOT NULL CHECK (char_length(username) BETWEEN 1 AND 255),
        name text CHECK (char_length(name) <= 255),
        email text CHECK (char_length(email) <= 254),
        roles text[] NOT NULL DEFAULT '{}',
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX agency_user_agency_username_idx ON agency_user (agency_id, username, id)`);

    await q.query(`
      CREATE TABLE agency_user_suspension (
        user_id text NOT NULL CHECK (char_length(user_id) BETWEEN 1 AND 255),
        agency_id uuid NOT NULL REFERENCES agency (id),
        suspended_at timestamptz NOT NULL,
        suspended_by text NOT NULL CHECK (char_length(suspended_by) <= 255),
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 1 AND 500),
        PRIMARY KEY (user_id, agency_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE agency_user_suspension`);
    await q.query(`DROP TABLE agency_user`);
    await q.query(`
      ALTER TABLE agency
        DROP CONSTRAINT agency_deactivation_complete,
        DROP COLUMN deactivation_reason,
        DROP COLUMN deactivated_by,
        DROP COLUMN deactivated_at`);
  }
}
