import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The worker's time-based rules read referrals across every agency, by time:
 * - awaiting an answer (SENT, ACKNOWLEDGED) by deadline: the expiry sweep (past it, or before it
 *   with a consent that ended) and the "deadline near" reminder;
 * - accepted or in progress by last change: the "idle too long" reminder.
 * Partial indexes: referrals leave them as they move on, so each stays the size of the open work.
 */
export class ReferralTimeRuleIndexes1765100100000 implements MigrationInterface {
  name = 'ReferralTimeRuleIndexes1765100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX referral_awaiting_answer_idx ON referral (response_due_at, id)
      WHERE status IN ('SENT', 'ACKNOWLEDGED')`);
    await q.query(`CREATE INDEX referral_active_idx ON referral (updated_at, id)
      WHERE status IN ('ACCEPTED', 'IN_PROGRESS')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX referral_active_idx`);
    await q.query(`DROP INDEX referral_awaiting_answer_idx`);
  }
}
