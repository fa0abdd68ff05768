import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Break-glass opens a record to the supervisor who broke the glass, not to their agency: its
 * grant names that user. Only a break-glass grant may name one; the others serve an agency.
 */
export class BreakGlassGrantsPerUser1764650000000 implements MigrationInterface {
  name = 'BreakGlassGrantsPerUser1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent_grant
      ADD COLUMN user_id text,
      ADD CONSTRAINT consent_grant_user_only_break_glass CHECK (user_id IS NULL OR basis = 'BREAK_GLASS')`);
    // Sessions are ended per agency when a revocation names it.
    await q.query(`CREATE INDEX consent_grant_break_glass_idx ON consent_grant (survivor_id, agency_id)
      WHERE basis = 'BREAK_GLASS' AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX consent_grant_break_glass_idx`);
    await q.query(
      `ALTER TABLE consent_grant DROP CONSTRAINT consent_grant_user_only_break_glass, DROP COLUMN user_id`,
    );
  }
}
