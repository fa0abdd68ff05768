import { Caller } from '@hub/auth';

/** The caller as the policy sees them: who, which agency of which type, which task forces. */
export interface Actor {
  readonly userId: string | null;
  readonly agencyId: string | null;
  readonly agencyType: string | null;
  readonly roles: readonly string[];
  /** Task forces the caller's agency is a member of. */
  readonly taskForceIds: readonly string[];
  /** The request this actor is acting in (for the audit trail); not used by the rules. */
  readonly requestId?: string | null;
  /** The verified token's id, to record a sign-in once per token; not used by the rules. */
  readonly tokenId?: string | null;
}

export const ANONYMOUS: Actor = {
  userId: null,
  agencyId: null,
  agencyType: null,
  roles: [],
  taskForceIds: [],
};

/**
 * The hub itself, for a change no person made (a time-based rule: a referral past its deadline
 * expires). Its events and audit rows name no user and no agency; it is never given an ability
 * (such changes go through `RecordWorkflow.changeWithin`, which judges no caller).
 */
export const HUB_SYSTEM: Actor = Object.freeze({
  userId: null,
  agencyId: null,
  agencyType: null,
  roles: [],
  taskForceIds: [],
});

/**
 * Where the facts about a caller's agency come from. The agencies domain provides it; the policy
 * only needs the answer, so the platform stays free of domain code.
 */
export interface ActorFacts {
  /** False when the caller's `agency_id` is not the id of a registered agency (the request is refused). */
  agencyRegistered: boolean;
  agencyType: string | null;
  taskForceIds: string[];
  /** The caller's agency was taken off the hub: its users are refused at once. */
  agencyDeactivated?: boolean;
  /** An admin of the caller's agency suspended them in the hub: refused at once. */
  userSuspended?: boolean;
}
export interface ActorFactsLoader {
  load(caller: Caller): Promise<ActorFacts>;
}
export const ACTOR_FACTS_LOADER = Symbol.for('hub.authz.actorFactsLoader');

/**
 * The audit reason of a refusal answered as NOT_FOUND (the caller may not learn the record
 * exists): the policy lets only auditors read such rows. Mechanism-level, so the workflow kernel
 * and the audit writer mark them the same way.
 */
export const NOT_FOUND_REFUSAL = 'NOT_FOUND';
