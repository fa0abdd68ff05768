import { defineLifecycle } from '@hub/workflow';
import { ReferralStatus as S, Urgency } from './referral.enums';

/** What a caller can do to a referral; each is one mutation. */
export type ReferralTransition =
  | 'send'
  | 'acknowledge'
  | 'accept'
  | 'decline'
  | 'start'
  | 'hold'
  | 'complete'
  | 'fail'
  | 'withdraw';

const OPEN: readonly S[] = [S.DRAFT, S.SENT, S.ACKNOWLEDGED, S.ACCEPTED, S.IN_PROGRESS, S.ON_HOLD];

/** DESIGN.md §3, as data (the workflow kernel's lifecycle table): transition → from → to. */
export const REFERRAL_LIFECYCLE = defineLifecycle<S, ReferralTransition>('Referral', {
  send: { from: [S.DRAFT], to: S.SENT },
  acknowledge: { from: [S.SENT], to: S.ACKNOWLEDGED },
  accept: { from: [S.ACKNOWLEDGED], to: S.ACCEPTED },
  decline: { from: [S.SENT, S.ACKNOWLEDGED, S.ACCEPTED], to: S.DECLINED },
  start: { from: [S.ACCEPTED, S.ON_HOLD], to: S.IN_PROGRESS },
  hold: { from: [S.IN_PROGRESS], to: S.ON_HOLD },
  complete: { from: [S.IN_PROGRESS], to: S.COMPLETED },
  fail: { from: [S.IN_PROGRESS, S.ON_HOLD], to: S.FAILED },
  withdraw: { from: OPEN, to: S.WITHDRAWN },
});

export const TRANSITIONS = Object.keys(REFERRAL_LIFECYCLE.moves) as ReferralTransition[];

/** The state a transition leads to from `status`, or undefined when it is illegal there. */
export function nextStatus(status: S, transition: ReferralTransition): S | undefined {
  return REFERRAL_LIFECYCLE.next(status, transition);
}

export const isOpen = (status: S): boolean => OPEN.includes(status);

/** Default response deadlines (DESIGN.md §3). */
export const RESPONSE_WINDOW_MS: Record<Urgency, number> = {
  [Urgency.EMERGENCY]: 4 * 60 * 60 * 1000,
  [Urgency.URGENT]: 24 * 60 * 60 * 1000,
  [Urgency.ROUTINE]: 7 * 24 * 60 * 60 * 1000,
};

/**
 * The status as of `now`: a SENT or ACKNOWLEDGED referral past its deadline, or whose consent
 * no longer covers the recipient, is EXPIRED — correct on read before any job persists it.
 */
export function effectiveStatus(
  referral: { status: S; responseDueAt: Date | null; consentId: string | null },
  consentLive: boolean,
  now: Date,
): S {
  if (referral.status !== S.SENT && referral.status !== S.ACKNOWLEDGED) return referral.status;
  const late = referral.responseDueAt !== null && referral.responseDueAt.getTime() <= now.getTime();
  const consentEnded = referral.consentId !== null && !consentLive;
  return late || consentEnded ? S.EXPIRED : referral.status;
}
