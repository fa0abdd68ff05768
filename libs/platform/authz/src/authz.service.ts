import { Inject, Injectable } from '@nestjs/common';
import type { AnyAbility } from '@casl/ability';
import { AuthenticatedRequest, Caller, CallerAdmission, CallerRefusal } from '@hub/auth';
import { Actor, ACTOR_FACTS_LOADER, ActorFacts, ActorFactsLoader, ANONYMOUS } from './actor';

/** The one policy, as a function of the caller; `@hub/access` provides it (the platform knows no rules). */
export type Policy = (actor: Actor) => AnyAbility;
export const POLICY = Symbol.for('hub.authz.policy');

interface Resolved {
  actor: Actor;
  ability: AnyAbility;
  refusal: CallerRefusal | null;
}

/** Builds the caller's actor and ability once per request and hands out the same one after. */
@Injectable()
export class AuthzService implements CallerAdmission {
  private readonly perRequest = new WeakMap<object, Promise<Resolved>>();

  constructor(
    @Inject(ACTOR_FACTS_LOADER) private readonly facts: ActorFactsLoader,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  async actorFor(req: AuthenticatedRequest): Promise<Actor> {
    return (await this.resolve(req)).actor;
  }

  async abilityFor(req: AuthenticatedRequest): Promise<AnyAbility> {
    return (await this.resolve(req)).ability;
  }

  async actorOf(caller: Caller | undefined): Promise<Actor> {
    return (await this.factsOf(caller)).actor;
  }

  /**
   * A token naming an agency the hub does not know, or one taken off the hub, or a user suspended
   * in the hub, is refused (the facts load answers all three, no extra query).
   */
  async refusal(req: AuthenticatedRequest): Promise<CallerRefusal | null> {
    if (!req.caller || req.caller.agencyId === null) return null;
    return (await this.resolve(req)).refusal;
  }

  private async factsOf(
    caller: Caller | undefined,
  ): Promise<{ actor: Actor; refusal: CallerRefusal | null }> {
    if (!caller) return { actor: ANONYMOUS, refusal: null };
    const facts = await this.facts.load(caller);
    const actor = {
      userId: caller.userId,
      agencyId: caller.agencyId,
      agencyType: facts.agencyType,
      roles: caller.roles,
      taskForceIds: facts.taskForceIds,
    };
    return { actor, refusal: caller.agencyId === null ? null : refusalOf(facts) };
  }

  private resolve(req: AuthenticatedRequest): Promise<Resolved> {
    let resolved = this.perRequest.get(req);
    if (!resolved) {
      const requestId =
        typeof (req as { id?: unknown }).id === 'string' ? ((req as { id?: string }).id ?? null) : null;
      resolved = this.factsOf(req.caller).then(({ actor: facts, refusal }) => {
        const actor = { ...facts, requestId, tokenId: req.caller?.tokenId ?? null };
        return { actor, ability: this.policy(actor), refusal };
      });
      this.perRequest.set(req, resolved);
    }
    return resolved;
  }
}

/** Why the facts about a caller's agency and account keep them out (docs/errors.md), or null. */
function refusalOf(facts: ActorFacts): CallerRefusal | null {
  if (!facts.agencyRegistered)
    return { reason: 'UNKNOWN_AGENCY', message: "The token's agency is not registered on the hub" };
  if (facts.agencyDeactivated)
    return { reason: 'AGENCY_DEACTIVATED', message: "The token's agency was deactivated on the hub" };
  if (facts.userSuspended)
    return { reason: 'USER_SUSPENDED', message: 'This user is suspended in the hub by their agency' };
  return null;
}
