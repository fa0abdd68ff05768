import { Injectable, OnModuleInit } from '@nestjs/common';
import { AgencyDeactivated, AgencyDeactivationListeners } from '@hub/agencies';
import { namedQuery, Tx } from '@hub/database';
import { RecordWorkflow } from '@hub/workflow';
import {
  effectiveStatusOf,
  hubReferralType,
  OpenReferral,
  OPEN_REFERRAL_COLUMNS,
  RECEIVED_OPEN,
} from './referral-hub-moves';
import { DeclinedBy, DeclineReason } from './referral.enums';

const HAND_BACK_TEXT = 'The receiving agency was deactivated on the hub; the referral is handed back.';

/**
 * When a platform administrator deactivates an agency (AgencyDeactivationListeners, inside that
 * transaction), every referral open at it is handed back to its sender: DECLINED with reason
 * AGENCY_DEACTIVATED by the provider, one event, one audit row and one notice to the sender each,
 * through the workflow kernel (RecordWorkflow.changeWithin, the `handBack` of HUB_REFERRAL_MOVES).
 * Referrals it sent stay as they are: their recipients still serve the survivor.
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
        // A referral EXPIRED on read has no hand-back move and is left as it is.
        { ...hubReferralType, effectiveStatus: (row) => effectiveStatusOf(row, event.at) },
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
      `SELECT ${OPEN_REFERRAL_COLUMNS}
         FROM referral r
        WHERE r.to_agency_id = :agencyId AND r.status IN (:...open)
        ORDER BY r.created_at, r.id
          FOR UPDATE OF r`,
      { agencyId, open: RECEIVED_OPEN, now },
    );
  }
}
