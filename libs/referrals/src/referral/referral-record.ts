import { Injectable } from '@nestjs/common';
import { ServiceNeed } from '@hub/agencies';
import { AccessScope } from '@hub/access';
import { Clock } from '@hub/config';
import { DataClass } from '@hub/consents';
import { Tx } from '@hub/database';
import { RecordType } from '@hub/workflow';
import { effectiveStatus, REFERRAL_LIFECYCLE, ReferralTransition } from './referral-lifecycle';
import { DeclinedBy, DeclineReason, ReferralKind, ReferralStatus, Urgency } from './referral.enums';
import { ReferralEntity } from './referral.entity';
import { Referral } from './referral.model';
import { ReferralRepository, ReferralRow } from './referral.repository';

/**
 * Referrals as the workflow kernel sees them (docs/workflow.md), shared by the services that
 * create them (intake, child safety) and the one that reads and moves them.
 */
@Injectable()
export class ReferralRecord
  implements RecordType<ReferralRow, ReferralStatus, ReferralTransition, AccessScope>
{
  readonly lifecycle = REFERRAL_LIFECYCLE;
  readonly entity = ReferralEntity;

  constructor(
    private readonly referrals: ReferralRepository,
    private readonly clock: Clock,
  ) {}

  load(scope: AccessScope, id: string, tx?: Tx): Promise<ReferralRow | null> {
    return this.referrals.findVisible(scope, id, this.clock.now(), tx);
  }

  policyRecord(row: ReferralRow) {
    return referralPolicyRecord(row);
  }

  agencies(row: ReferralRow) {
    return [row.fromAgencyId, row.toAgencyId];
  }

  effectiveStatus(row: ReferralRow): ReferralStatus {
    return statusOf(row, this.clock.now());
  }

  /** A referral never sent is the sender's own business: nobody else hears of it. */
  parties(_scope: AccessScope, row: ReferralRow) {
    return row.sentAt === null ? [] : [row.fromAgencyId, row.toAgencyId];
  }
}

/** What the policy looks at of a referral: a row, or the model a client was given. */
export type ReferralPolicyFields = Pick<ReferralRow, 'id' | 'fromAgencyId' | 'toAgencyId' | 'sentAt'>;

/** What the policy judges of a referral (the mutations and `availableActions` alike). */
export function referralPolicyRecord(referral: ReferralPolicyFields) {
  return {
    id: referral.id,
    fromAgencyId: referral.fromAgencyId,
    toAgencyId: referral.toAgencyId,
    sent: referral.sentAt !== null,
  };
}

/** The status as of `now` (EXPIRED computed on read). */
function statusOf(row: ReferralRow, now: Date): ReferralStatus {
  return effectiveStatus(
    { status: row.status as ReferralStatus, responseDueAt: row.responseDueAt, consentId: row.consentId },
    row.consentLive,
    now,
  );
}

/** The one place a referral becomes what a client sees. */
export function toModel(row: ReferralRow, now: Date): Referral {
  return {
    id: row.id,
    kind: row.kind as ReferralKind,
    parentReferralId: row.parentReferralId,
    fromAgencyId: row.fromAgencyId,
    toAgencyId: row.toAgencyId,
    needs: row.needs as ServiceNeed[],
    urgency: row.urgency as Urgency,
    status: statusOf(row, now),
    sentAt: row.sentAt,
    responseDueAt: row.responseDueAt,
    notes: row.notes,
    survivorId: row.survivorId,
    consentId: row.consentId,
    sharedClasses: row.sharedClasses as DataClass[],
    language: row.language,
    ageBand: row.ageBand,
    callback: row.callback,
    legalBasis: row.legalBasis,
    reportReason: row.reportReason,
    decline: row.declineReason
      ? {
          reason: row.declineReason as DeclineReason,
          text: row.declineReasonText,
          declinedBy: (row.declinedBy ?? DeclinedBy.PROVIDER) as DeclinedBy,
        }
      : null,
    failureReason: row.failureReason,
    outcome: row.outcomeServices
      ? { servicesDelivered: row.outcomeServices as ServiceNeed[], text: row.outcomeText }
      : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
