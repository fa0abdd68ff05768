import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's "past its review date" reminder reads versions in force by review-by date (the
 * unacknowledged reminder already has protocol_version_pending_idx).
 */
export class ProtocolReviewIndex1765100300000 implements MigrationInterface {
  name = 'ProtocolReviewIndex1765100300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX protocol_version_review_idx ON protocol_version (review_by, id)
      WHERE state = 'PUBLISHED' AND review_by IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX protocol_version_review_idx`);
  }
}
