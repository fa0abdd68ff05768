import { MigrationInterface, QueryRunner } from 'typeorm';

/** Break-glass uses, kept for review by the owning agency's admin (insert-only for the API). */
export class CreateBreakGlass1763870000000 implements MigrationInterface {
  name = 'CreateBreakGlass1763870000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE break_glass (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survivor_id uuid NOT NULL REFERENCES survivor (id),
        owner_agency_id uuid NOT NULL REFERENCES agency (id),
        agency_id uuid NOT NULL REFERENCES agency (id),
        opened_by text NOT NULL,
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 20 AND 1000),
        opened_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL CHECK (expires_at > opened_at)
      )`);
    await q.query(
      `CREATE INDEX break_glass_owner_idx ON break_glass (owner_agency_id, opened_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX break_glass_agency_idx ON break_glass (agency_id, opened_at DESC, id DESC)`);
    await q.query(`REVOKE UPDATE, DELETE, TRUNCATE ON break_glass FROM hub_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE break_glass`);
  }
}
