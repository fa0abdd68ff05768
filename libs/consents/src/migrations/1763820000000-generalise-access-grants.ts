import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access to a survivor record comes from consent, and — for a minor — from a child-safety
 * referral (a mandatory report), later from break-glass. All are rows in the one grants table
 * every read already joins, with their basis; only consent grants point at a consent.
 */
export class GeneraliseAccessGrants1763820000000 implements MigrationInterface {
  name = 'GeneraliseAccessGrants1763820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE consent_grant ALTER COLUMN consent_id DROP NOT NULL`);
    await q.query(`ALTER TABLE consent_grant
      ADD COLUMN basis text NOT NULL DEFAULT 'CONSENT' CHECK (basis IN ('CONSENT', 'CHILD_SAFETY', 'BREAK_GLASS')),
      ADD COLUMN source_id uuid,
      ADD CONSTRAINT consent_grant_basis_source CHECK (
        (basis = 'CONSENT' AND consent_id IS NOT NULL) OR (basis <> 'CONSENT' AND consent_id IS NULL AND source_id IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM consent_grant WHERE basis <> 'CONSENT'`);
    await q.query(
      `ALTER TABLE consent_grant DROP CONSTRAINT consent_grant_basis_source, DROP COLUMN source_id, DROP COLUMN basis`,
    );
    await q.query(`ALTER TABLE consent_grant ALTER COLUMN consent_id SET NOT NULL`);
  }
}
