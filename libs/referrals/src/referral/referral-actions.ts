import { registerEnumType } from '@nestjs/graphql';
import { AppAbility } from '@hub/access';
import { offeredActions } from '@hub/workflow';
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

const OFFER = { moves: BY_TRANSITION, always: { message: ReferralAction.MESSAGE } };

/**
 * The actions the workflow kernel would let this caller take (`offeredActions`, docs/workflow.md):
 * the policy allows it on this record, and the lifecycle has the move from the effective status
 * (EXPIRED computed on read); the thread, whoever the policy lets write in it, in any status. A
 * domain check may still refuse a listed action for its input (a send whose consent no longer
 * covers the recipient: BAD_USER_INPUT), and a stale version is a CONFLICT.
 */
export function availableActions(
  ability: AppAbility,
  referral: ReferralPolicyFields & { status: ReferralStatus },
): ReferralAction[] {
  return offeredActions(
    ability,
    REFERRAL_LIFECYCLE,
    { policyRecord: referralPolicyRecord(referral), status: referral.status },
    OFFER,
  );
}
