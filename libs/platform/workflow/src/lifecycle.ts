import { HubError } from '@hub/graphql';

/** One row of a lifecycle table: the statuses a transition starts from, and where it goes. */
export interface Move<S extends string> {
  readonly from: readonly S[];
  /** Omitted: a change that keeps the status (e.g. a session recorded); no event is written. */
  readonly to?: S;
}

/** A record type's lifecycle as data: every transition with its `from` statuses and its `to`. */
export interface Lifecycle<S extends string, T extends string> {
  /** The subject type (CASL subject, audit subject_type, event subject_type). */
  readonly subjectType: string;
  readonly moves: Readonly<Record<T, Move<S>>>;
  /** Where `transition` leads from `status`; undefined when it is illegal there. */
  next(status: S, transition: T): S | undefined;
  /** The transitions legal from `status`, in table order. */
  allowedFrom(status: S): T[];
  /** `next`, or the one ILLEGAL_TRANSITION error. */
  assert(status: S, transition: T): S;
  /** The ILLEGAL_TRANSITION error for `transition` at `status` (for a domain check that refuses a move). */
  illegal(status: S, transition: T): IllegalTransitionError;
}

/**
 * Defines a lifecycle: `defineLifecycle('Referral', { send: { from: [S.DRAFT], to: S.SENT }, … })`.
 * Statuses and transitions are string-literal unions (or string enums), checked by the compiler.
 */
export function defineLifecycle<S extends string, T extends string>(
  subjectType: string,
  moves: Record<T, Move<S>>,
): Lifecycle<S, T> {
  const table = Object.freeze({ ...moves }) as Readonly<Record<T, Move<S>>>;
  const names = Object.keys(table) as T[];
  const next = (status: S, transition: T): S | undefined => {
    const move = table[transition] as Move<S> | undefined;
    if (!move || !move.from.includes(status)) return undefined;
    return move.to ?? status;
  };
  const allowedFrom = (status: S): T[] => names.filter((name) => table[name].from.includes(status));
  const illegal = (status: S, transition: T) =>
    new IllegalTransitionError(subjectType, status, transition, allowedFrom(status));
  return {
    subjectType,
    moves: table,
    next,
    allowedFrom,
    illegal,
    assert(status, transition) {
      const to = next(status, transition);
      if (to === undefined) throw illegal(status, transition);
      return to;
    },
  };
}

/** The extensions every ILLEGAL_TRANSITION carries (one shape for every record type). */
export interface IllegalTransitionExtensions {
  code: 'ILLEGAL_TRANSITION';
  subjectType: string;
  /** The record's current effective status. */
  status: string;
  /** The transition that was attempted. */
  transition: string;
  /** The transitions legal from that status. */
  allowed: string[];
}

/** A transition the lifecycle does not allow from the record's current (effective) status. */
export class IllegalTransitionError extends HubError {
  constructor(subjectType: string, status: string, transition: string, allowed: readonly string[]) {
    super('ILLEGAL_TRANSITION', `${subjectType} in status ${status} does not allow ${transition}`, {
      subjectType,
      status,
      transition,
      allowed: [...allowed],
    });
  }
}
