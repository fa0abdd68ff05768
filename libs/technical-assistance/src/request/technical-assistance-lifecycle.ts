import { defineLifecycle } from '@hub/workflow';
import { TechnicalAssistanceStatus as S } from '../shared/enums';

/** The mutations that move a request from one status to another. */
export type TransitionAction = 'triage' | 'assign' | 'start' | 'deliver' | 'close' | 'decline' | 'withdraw';

/**
 * The TA request lifecycle (DESIGN.md §3): the one table every transition is checked against.
 * Anything not listed is ILLEGAL_TRANSITION.
 */
export const TRANSITIONS: Readonly<Record<TransitionAction, { from: readonly S[]; to: S }>> = {
  triage: { from: [S.SUBMITTED], to: S.TRIAGED },
  assign: { from: [S.TRIAGED], to: S.ASSIGNED },
  start: { from: [S.ASSIGNED], to: S.IN_PROGRESS },
  deliver: { from: [S.IN_PROGRESS], to: S.DELIVERED },
  close: { from: [S.DELIVERED], to: S.CLOSED },
  decline: { from: [S.SUBMITTED, S.TRIAGED], to: S.DECLINED },
  withdraw: { from: [S.SUBMITTED, S.TRIAGED, S.ASSIGNED, S.IN_PROGRESS], to: S.WITHDRAWN },
};

/** Sessions are recorded while the work is under way. */
export const SESSION_STATUSES: readonly S[] = [S.IN_PROGRESS];

/** Nothing happens to a request after these (but its thread stays open for follow-up). */
export const FINAL_STATUSES: readonly S[] = [S.CLOSED, S.DECLINED, S.WITHDRAWN];

/** The kernel's lifecycle: the transitions above, and recording a session (the status stays). */
export const TECHNICAL_ASSISTANCE_LIFECYCLE = defineLifecycle<S, TransitionAction | 'recordSession'>(
  'TechnicalAssistanceRequest',
  { ...TRANSITIONS, recordSession: { from: SESSION_STATUSES } },
);

/**
 * A move the lifecycle allows from the status but the request's sessions do not: nothing is
 * delivered before a session is recorded (the mutation answers ILLEGAL_TRANSITION, and the
 * request does not offer it).
 */
export function withheldMove(move: TransitionAction | 'recordSession', sessionCount: number): boolean {
  return move === 'deliver' && sessionCount === 0;
}

export function canTransition(from: S, action: TransitionAction): boolean {
  return TECHNICAL_ASSISTANCE_LIFECYCLE.next(from, action) !== undefined;
}

/** Every status a request can reach from SUBMITTED (used by tests to check the table is closed). */
export function reachableStatuses(): Set<S> {
  const seen = new Set<S>([S.SUBMITTED]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const { from, to } of Object.values(TRANSITIONS)) {
      if (!seen.has(to) && from.some((status) => seen.has(status))) {
        seen.add(to);
        grew = true;
      }
    }
  }
  return seen;
}
