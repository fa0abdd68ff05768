import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * "Was ever sent" becomes a fact of its own (`sent_at`) instead of being read off
 * `response_due_at IS NOT NULL`. Backfill: the time of the referral's first event into SENT (a
 * child-safety report is created SENT, so its creation event counts); a sent referral without such
 * an event (none is expected) gets its deadline minus the window it was given (the requested hours,
 * else the urgency's default: EMERGENCY 4 h, URGENT 24 h, ROUTINE 7 days).
 */
export class ReferralSentAt1763920000000 implements MigrationInterface {
  name = 'ReferralSentAt1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referral ADD COLUMN sent_at timestamptz`);
    await q.query(
      `UPDATE referral r SET sent_at = COALESCE(
         (SELECT min(e.occurred_at) FROM referral_event e WHERE e.referral_id = r.id AND e.to_status = 'SENT'),
         r.response_due_at - make_interval(hours => COALESCE(r.requested_response_hours,
           CASE r.urgency WHEN 'EMERGENCY' THEN 4 WHEN 'URGENT' THEN 24 ELSE 7 * 24 END)))
        WHERE r.response_due_at IS NOT NULL`,
    );
    // Sent and due go together: a referral gets its deadline when it is sent.
    await q.query(
      `ALTER TABLE referral ADD CONSTRAINT referral_sent_check CHECK ((sent_at IS NULL) = (response_due_at IS NULL))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE referral DROP COLUMN sent_at`);
  }
}
