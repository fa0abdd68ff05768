import { subject } from '@casl/ability';
import { AccessScopeOf } from '@hub/authz';
import { Lifecycle } from './lifecycle';

type Ability = AccessScopeOf['ability'];
/** An action of the policy (the ability's own action type, whatever ability the scope carries). */
export type PolicyAction = Parameters<Ability['can']>[0];
/** What the policy judges; platform knows no domain record, so the domain's plain record is tagged and passed on. */
type PolicySubject = Parameters<Ability['can']>[1];

/**
 * Whether the policy lets the caller do `action` to this record (`policyRecord`: what the record
 * type's `policyRecord` makes of it). The runner's refusal 2, and what a client is offered: one
 * judgement for both.
 */
export function permits(
  ability: Ability,
  subjectType: string,
  policyRecord: Record<string, unknown>,
  action: PolicyAction,
): boolean {
  return ability.can(action, subject(subjectType, policyRecord) as unknown as PolicySubject);
}

/** How a domain names what its records offer, for a client-facing enum. */
export interface ActionOffer<T extends string, A extends string> {
  /** The client's name of each move of the lifecycle (its policy action is the move's name). */
  readonly moves: Readonly<Record<T, A>>;
  /** Policy actions outside the lifecycle (a thread's `message`), offered whenever the policy allows. */
  readonly always?: Readonly<Record<string, A>>;
}

/**
 * What a record offers its caller now, judged as the runner judges a change (docs/workflow.md):
 * each move whose action the policy allows on this record (refusal 2) and that the lifecycle has
 * from the record's effective status (refusal 4), in the lifecycle's order; then each action of
 * `offer.always` the policy allows. From the record already loaded: no query. `withheld` is a
 * domain rule that refuses a move whatever its input (a delivery with no session recorded). A
 * listed move can still be refused for its input (refusal 5), or as CONFLICT when the record
 * changed meanwhile.
 */
export function offeredActions<S extends string, T extends string, A extends string>(
  ability: Ability,
  lifecycle: Lifecycle<S, T>,
  record: { policyRecord: Record<string, unknown>; status: S },
  offer: ActionOffer<T, A>,
  withheld: (move: T) => boolean = () => false,
): A[] {
  const allowed = (action: string) =>
    permits(ability, lifecycle.subjectType, record.policyRecord, action as PolicyAction);
  const moves = lifecycle
    .allowedFrom(record.status)
    .filter((move) => !withheld(move) && allowed(move))
    .map((move) => offer.moves[move]);
  const others = Object.entries(offer.always ?? {})
    .filter(([action]) => allowed(action))
    .map(([, name]) => name as A);
  return [...moves, ...others];
}
