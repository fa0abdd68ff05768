import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A break-glass session can end before it expires (ended early by the owning agency or the
 * opener, or by a revocation naming the opener's agency) and is reviewed by the owning agency.
 * The API may set only these columns, and the opening stays as it was written.
 */
export class BreakGlassEndAndReview1764650100000 implements MigrationInterface {
  name = 'BreakGlassEndAndReview1764650100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE break_glass
      ADD COLUMN ended_at timestamptz,
      ADD COLUMN ended_by text,
      ADD COLUMN ended_reason text CHECK (ended_reason IN ('CONSENT_REVOKED', 'ENDED_EARLY')),
      ADD COLUMN ended_note text CHECK (char_length(ended_note) BETWEEN 1 AND 1000),
      ADD COLUMN reviewed_at timestamptz,
      ADD COLUMN reviewed_by text,
      ADD COLUMN review_finding text CHECK (review_finding IN ('JUSTIFIED', 'NOT_JUSTIFIED', 'NEEDS_FOLLOW_UP')),
      ADD COLUMN review_note text CHECK (char_length(review_note) BETWEEN 1 AND 2000),
      ADD CONSTRAINT break_glass_ended CHECK ((ended_at IS NULL) = (ended_reason IS NULL)),
      ADD CONSTRAINT break_glass_reviewed CHECK (
        (reviewed_at IS NULL) = (reviewed_by IS NULL) AND (reviewed_at IS NULL) = (review_finding IS NULL))`);
    // Open sessions of an agency on a survivor, found when a revocation names that agency.
    await q.query(
      `CREATE INDEX break_glass_open_idx ON break_glass (survivor_id, agency_id) WHERE ended_at IS NULL`,
    );
    await q.query(`GRANT UPDATE (ended_at, ended_by, ended_reason, ended_note, reviewed_at, reviewed_by,
      review_finding, review_note) ON break_glass TO hub_api`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE UPDATE ON break_glass FROM hub_api`);
    await q.query(`DROP INDEX break_glass_open_idx`);
    await q.query(`ALTER TABLE break_glass DROP CONSTRAINT break_glass_reviewed, DROP CONSTRAINT break_glass_ended,
      DROP COLUMN review_note, DROP COLUMN review_finding, DROP COLUMN reviewed_by, DROP COLUMN reviewed_at,
      DROP COLUMN ended_note, DROP COLUMN ended_reason, DROP COLUMN ended_by, DROP COLUMN ended_at`);
  }
}
