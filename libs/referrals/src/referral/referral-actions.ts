import { registerEnumType } from '@nestjs/graphql';
import { AppAbility, subject } from '@hub/access';
import { REFERRAL_LIFECYCLE, ReferralTransition } from './referral-lifecycle';
import { ReferralStatus } from './referral.enums';
import { referralPolicyRecord, ReferralPolicyFields } from './referral-record';

/** What a caller may do to a referral: each is one mutation (the lifecycle's transitions and the thread). */
export enum ReferralAction {
  SEND = 'SEND',
  ACKNOWLEDGE = 'ACKNOWLEDGE',
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  START = 'START',
  HOLD = 'HOLD',
  COMPLETE = 'COMPLETE',
  FAIL = 'FAIL',
  WITHDRAW = 'WITHDRAW',
  MESSAGE = 'MESSAGE',
}
registerEnumType(ReferralAction, {
  name: 'ReferralAction',
  description:
    'A mutation the caller may make on a referral now: sendReferral, acknowledgeReferral, …, addReferralMessage (MESSAGE)',
});

const BY_TRANSITION: Record<ReferralTransition, ReferralAction> = {
  send: ReferralAction.SEND,
  acknowledge: ReferralAction.ACKNOWLEDGE,
  accept: ReferralAction.ACCEPT,
  decline: ReferralAction.DECLINE,
  start: ReferralAction.START,
  hold: ReferralAction.HOLD,
  complete: ReferralAction.COMPLETE,
  fail: ReferralAction.FAIL,
  withdraw: ReferralAction.WITHDRAW,
};

/**
 * The actions the workflow kernel would let this caller take (docs/workflow.md, refusals 2 and 4):
 * the policy allows it on this record, and the lifecycle has the move from the effective status
 * (EXPIRED computed on read). The same judgement as the mutations, from the record already loaded:
 * no query. A domain check may still refuse a listed action for its input (a send whose consent
 * no longer covers the recipient: BAD_USER_INPUT), and a stale version is a CONFLICT.
 */
export function availableActions(
  ability: AppAbility,
  referral: ReferralPolicyFields & { status: ReferralStatus },
): ReferralAction[] {
  const record = subject('Referral', referralPolicyRecord(referral));
  const moves = REFERRAL_LIFECYCLE.allowedFrom(referral.status)
    .filter((transition) => ability.can(transition, record))
    .map((transition) => BY_TRANSITION[transition]);
  // The thread has no lifecycle: whoever the policy lets write in it may, in any status.
  return ability.can('message', record) ? [...moves, ReferralAction.MESSAGE] : moves;
}
