import { Injectable, OnModuleInit } from '@nestjs/common';
import { AgencyDeactivated, AgencyDeactivationListeners } from '@hub/agencies';
import { liveConsentGrantSql } from '@hub/consents';
import { namedQuery, Tx } from '@hub/database';
import { defineLifecycle, RecordWorkflow } from '@hub/workflow';
import { effectiveStatus } from './referral-lifecycle';
import { DeclinedBy, DeclineReason, ReferralStatus as S } from './referral.enums';
import { ReferralEntity } from './referral.entity';

/** What the hand-back reads of a referral: enough for the kernel's guarded UPDATE and the effective status. */
interface OpenReferral {
  id: string;
  version: number;
  status: string;
  fromAgencyId: string;
  toAgencyId: string;
  responseDueAt: Date | null;
  consentId: string | null;
  consentLive: boolean;
}

/** The statuses a referral is open in at its recipient (a draft was never the recipient's). */
const RECEIVED_OPEN = [S.SENT, S.ACKNOWLEDGED, S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD];

/**
 * The hub's own move (no caller makes it, so it is not in REFERRAL_LIFECYCLE's table of actions):
 * any referral still open at an agency taken off the hub goes back to its sender as DECLINED —
 * also one already accepted or in progress, since nobody at the recipient can work on it any more.
 * A referral EXPIRED on read has no such move and is left as it is.
 */
export const HAND_BACK_LIFECYCLE = defineLifecycle<S, 'handBack'>('Referral', {
  handBack: { from: RECEIVED_OPEN, to: S.DECLINED },
});

const HAND_BACK_TEXT = 'The receiving agency was deactivated on the hub; the referral is handed back.';

/**
 * When a platform administrator deactivates an agency (AgencyDeactivationListeners, inside that
 * transaction), every referral open at it is handed back to its sender: DECLINED with reason
 * AGENCY_DEACTIVATED by the provider, one event, one audit row and one notice to the sender each,
 * through the workflow kernel (RecordWorkflow.changeWithin). Referrals it sent stay as they are:
 * their recipients still serve the survivor.
 */
@Injectable()
export class ReferralHandBack implements OnModuleInit {
  constructor(
    private readonly deactivations: AgencyDeactivationListeners,
    private readonly workflow: RecordWorkflow,
  ) {}

  onModuleInit(): void {
    this.deactivations.register((tx, event) => this.handBack(tx, event).then(() => undefined));
  }

  /** Answers how many referrals went back. */
  async handBack(tx: Tx, event: AgencyDeactivated): Promise<number> {
    const open = await this.openAt(tx, event.agencyId, event.at);
    let handedBack = 0;
    for (const referral of open) {
      const moved = await this.workflow.changeWithin(
        tx,
        {
          lifecycle: HAND_BACK_LIFECYCLE,
          entity: ReferralEntity,
          agencies: (row) => [row.fromAgencyId, row.toAgencyId],
          effectiveStatus: (row) =>
            effectiveStatus(
              { status: row.status as S, responseDueAt: row.responseDueAt, consentId: row.consentId },
              row.consentLive,
              event.at,
            ),
        },
        event.actor,
        referral,
        {
          transition: 'handBack',
          auditAction: 'HAND_BACK_REFERRAL',
          reason: HAND_BACK_TEXT,
          set: () => ({
            declineReason: DeclineReason.AGENCY_DEACTIVATED,
            declineReasonText: HAND_BACK_TEXT,
            declinedBy: DeclinedBy.PROVIDER,
          }),
          notice: () => ({
            eventType: 'REFERRAL_DECLINED',
            message: 'A referral was handed back: the receiving agency left the hub.',
          }),
          parties: [referral.fromAgencyId],
        },
      );
      if (moved) handedBack += 1;
    }
    return handedBack;
  }

  /**
   * The referrals open at the agency, locked for the deactivation's transaction, with whether their
   * consent still covers the recipient (for the effective status). Served by referral_received_idx.
   */
  private async openAt(tx: Tx, agencyId: string, now: Date): Promise<OpenReferral[]> {
    return namedQuery<OpenReferral>(
      tx,
      `SELECT r.id, r.version, r.status, r.from_agency_id AS "fromAgencyId", r.to_agency_id AS "toAgencyId",
              r.response_due_at AS "responseDueAt", r.consent_id AS "consentId",
              (r.consent_id IS NULL OR ${liveConsentGrantSql('r.consent_id', 'r.to_agency_id', now)}) AS "consentLive"
         FROM referral r
        WHERE r.to_agency_id = :agencyId AND r.status IN (:...open)
        ORDER BY r.created_at, r.id
          FOR UPDATE OF r`,
      { agencyId, open: RECEIVED_OPEN },
    );
  }
}
