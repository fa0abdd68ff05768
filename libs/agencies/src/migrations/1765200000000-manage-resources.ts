import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hotlines managed through the API (issue 14): a resource belongs to a task force (its coordinators
 * manage it) or to none (a national line, managed by the platform administrator); it carries a
 * version for optimistic concurrency and is retired rather than deleted, so the audit trail keeps
 * naming it. The public list shows active ones by name: the partial index serves exactly that.
 */
export class ManageResources1765200000000 implements MigrationInterface {
  name = 'ManageResources1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE resource
        ADD COLUMN task_force_id uuid REFERENCES task_force (id),
        ADD COLUMN version integer NOT NULL DEFAULT 1,
        ADD COLUMN created_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN retired_at timestamptz,
        ADD COLUMN retired_by text CHECK (char_length(retired_by) <= 255),
        ADD COLUMN retirement_reason text CHECK (char_length(retirement_reason) <= 500),
        ADD CONSTRAINT resource_retirement_complete CHECK (
          (retired_at IS NULL) = (retired_by IS NULL) AND (retired_at IS NULL) = (retirement_reason IS NULL))`);
    await q.query(`DROP INDEX resource_name_id_idx`);
    await q.query(`CREATE INDEX resource_active_name_id_idx ON resource (name, id) WHERE retired_at IS NULL`);
    await q.query(`CREATE INDEX resource_task_force_idx ON resource (task_force_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX resource_task_force_idx`);
    await q.query(`DROP INDEX resource_active_name_id_idx`);
    await q.query(`CREATE INDEX resource_name_id_idx ON resource (name, id)`);
    await q.query(`
      ALTER TABLE resource
        DROP CONSTRAINT resource_retirement_complete,
        DROP COLUMN retirement_reason,
        DROP COLUMN retired_by,
        DROP COLUMN retired_at,
        DROP COLUMN updated_at,
        DROP COLUMN created_at,
        DROP COLUMN version,
        DROP COLUMN task_force_id`);
  }
}
