import { Injectable, Logger, Optional } from '@nestjs/common';
import { HUB_SYSTEM } from '@hub/authz';
import { namedQuery, Transactions, Tx } from '@hub/database';
import { Metrics } from '@hub/observability';
import { RecordWorkflow } from '@hub/workflow';
import {
  AWAITING_ANSWER,
  CONSENT_LIVE_SQL,
  effectiveStatusOf,
  hubReferralType,
  OpenReferral,
  OPEN_REFERRAL_COLUMNS,
} from './referral-hub-moves';
import { ReferralStatus as S } from './referral.enums';

/** Why a referral expired; recorded in the event's details and counted by cause. */
export type ExpiryCause = 'RESPONSE_DEADLINE' | 'CONSENT_ENDED';

const REASONS: Record<ExpiryCause, { reason: string; message: string }> = {
  RESPONSE_DEADLINE: {
    reason: 'No answer before the response deadline.',
    message: 'A referral expired: it was not accepted before its response deadline.',
  },
  CONSENT_ENDED: {
    reason: "The survivor's consent stopped covering the receiving agency before the referral was accepted.",
    message: 'A referral expired: the consent behind it ended before it was accepted.',
  },
};

/**
 * Which awaiting referrals each cause takes, as SQL over `referral r` (the in-memory twin is
 * `effectiveStatus`, checked again on each row before it moves). Both are ranges of
 * referral_awaiting_answer_idx (response_due_at, id) WHERE status IN (SENT, ACKNOWLEDGED):
 * past the deadline, or before it with a consent that no longer covers the recipient.
 */
function causeSql(cause: ExpiryCause): string {
  return cause === 'RESPONSE_DEADLINE'
    ? `r.response_due_at <= :now`
    : `r.response_due_at > :now AND r.consent_id IS NOT NULL AND NOT ${CONSENT_LIVE_SQL}`;
}

/**
 * The expiry sweep (DESIGN §3): a SENT or ACKNOWLEDGED referral past its response deadline, or
 * whose consent was revoked or ended before it was accepted, reads as EXPIRED at once
 * (`effectiveStatus`); this records it: the status, one event (no actor: the hub, with the
 * reason), one audit row and a notice to both agencies, through the workflow kernel
 * (`changeWithin`, the `expire` of HUB_REFERRAL_MOVES).
 *
 * Safe to run anywhere at any time: each batch takes its referrals `FOR UPDATE SKIP LOCKED` in its
 * own transaction, so concurrent sweeps (worker replicas) take different rows, and a referral a
 * caller is changing at that moment is left to the next sweep; the kernel's UPDATE is guarded by
 * the version and stored status read. A referral accepted before its deadline is no longer
 * awaiting an answer and is never taken.
 */
@Injectable()
export class ReferralExpiry {
  private readonly logger = new Logger(ReferralExpiry.name);
  private readonly expired?: ReturnType<Metrics['counter']>;

  constructor(
    private readonly transactions: Transactions,
    private readonly workflow: RecordWorkflow,
    @Optional() metrics?: Metrics,
  ) {
    this.expired = metrics?.counter({
      name: 'hub_referrals_expired_total',
      help: 'Referrals the sweep recorded as EXPIRED, by cause',
      labelNames: ['cause'] as const,
    });
  }

  /** Records every referral expired at `now`, `batchSize` per transaction; answers how many. */
  async sweep(now: Date, batchSize: number): Promise<number> {
    let total = 0;
    for (const cause of ['RESPONSE_DEADLINE', 'CONSENT_ENDED'] as const) {
      for (;;) {
        const { taken, moved } = await this.transactions.run((tx) => this.batch(tx, cause, now, batchSize));
        total += moved;
        if (moved > 0) this.expired?.inc({ cause }, moved);
        if (moved < taken) {
          // SQL and the in-memory rule disagree on some row: stop rather than take it again forever.
          this.logger.error(`${taken - moved} referrals taken for expiry (${cause}) did not move`);
          break;
        }
        if (taken < batchSize) break;
      }
    }
    return total;
  }

  private async batch(
    tx: Tx,
    cause: ExpiryCause,
    now: Date,
    limit: number,
  ): Promise<{ taken: number; moved: number }> {
    const rows = await namedQuery<OpenReferral>(
      tx,
      `SELECT ${OPEN_REFERRAL_COLUMNS}
         FROM referral r
        WHERE r.status IN (:...awaiting) AND ${causeSql(cause)}
        ORDER BY r.response_due_at, r.id
        LIMIT :limit
          FOR UPDATE OF r SKIP LOCKED`,
      { awaiting: AWAITING_ANSWER, now, limit },
    );
    let moved = 0;
    for (const referral of rows) {
      if (effectiveStatusOf(referral, now) !== S.EXPIRED) continue;
      const { reason, message } = REASONS[cause];
      const expired = await this.workflow.changeWithin(
        tx,
        // The stored status (SENT or ACKNOWLEDGED) is what moves: the event reads SENT → EXPIRED.
        hubReferralType,
        HUB_SYSTEM,
        referral,
        {
          transition: 'expire',
          auditAction: 'EXPIRE_REFERRAL',
          reason,
          details: { cause },
          notice: () => ({ eventType: 'REFERRAL_EXPIRED', message }),
          parties: [referral.fromAgencyId, referral.toAgencyId],
        },
      );
      if (expired) moved += 1;
    }
    return { taken: rows.length, moved };
  }
}
