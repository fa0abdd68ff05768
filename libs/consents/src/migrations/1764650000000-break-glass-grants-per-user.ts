import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Break-glass opens a record to the supervisor who broke the glass, not to their agency: its
 * grant names that user. A break-glass grant always names one, and only it does; the others
 * serve an agency (the policy reads "no user" as "the whole agency").
 */
export class BreakGlassGrantsPerUser1764650000000 implements MigrationInterface {
  name = 'BreakGlassGrantsPerUser1764650000000';

  async up(q: QueryRunner): Promise<void> {
    // Break-glass grants made before this served their whole agency: they end now (they last an
    // hour at most), and are left out of the check below, which holds for every new row.
    await q.query(
      `UPDATE consent_grant SET revoked_at = now() WHERE basis = 'BREAK_GLASS' AND revoked_at IS NULL`,
    );
    await q.query(`ALTER TABLE consent_grant ADD COLUMN user_id text`);
    await q.query(`ALTER TABLE consent_grant ADD CONSTRAINT consent_grant_user_iff_break_glass
      CHECK ((basis = 'BREAK_GLASS') = (user_id IS NOT NULL)) NOT VALID`);
    // Sessions are ended per agency when a revocation names it.
    await q.query(`CREATE INDEX consent_grant_break_glass_idx ON consent_grant (survivor_id, agency_id)
      WHERE basis = 'BREAK_GLASS' AND revoked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX consent_grant_break_glass_idx`);
    await q.query(
      `ALTER TABLE consent_grant DROP CONSTRAINT consent_grant_user_iff_break_glass, DROP COLUMN user_id`,
    );
  }
}
