import { Inject, Injectable } from '@nestjs/common';
import type { AnyAbility } from '@casl/ability';
import { AuthenticatedRequest, Caller, CallerAdmission, CallerRefusal } from '@hub/auth';
import { Actor, ACTOR_FACTS_LOADER, ActorFactsLoader, ANONYMOUS } from './actor';

/** The one policy, as a function of the caller; `@hub/access` provides it (the platform knows no rules). */
export type Policy = (actor: Actor) => AnyAbility;
export const POLICY = Symbol.for('hub.authz.policy');

interface Resolved {
  actor: Actor;
  ability: AnyAbility;
  agencyRegistered: boolean;
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

  /** A token naming an agency the hub does not know is refused (the facts load answers it, no extra query). */
  async refusal(req: AuthenticatedRequest): Promise<CallerRefusal | null> {
    if (!req.caller || req.caller.agencyId === null) return null;
    if ((await this.resolve(req)).agencyRegistered) return null;
    return { reason: 'UNKNOWN_AGENCY', message: "The token's agency is not registered on the hub" };
  }

  private async factsOf(caller: Caller | undefined): Promise<{ actor: Actor; agencyRegistered: boolean }> {
    if (!caller) return { actor: ANONYMOUS, agencyRegistered: true };
    const facts = await this.facts.load(caller);
    const actor = {
      userId: caller.userId,
      agencyId: caller.agencyId,
      agencyType: facts.agencyType,
      roles: caller.roles,
      taskForceIds: facts.taskForceIds,
    };
    return { actor, agencyRegistered: caller.agencyId === null || facts.agencyRegistered };
  }

  private resolve(req: AuthenticatedRequest): Promise<Resolved> {
    let resolved = this.perRequest.get(req);
    if (!resolved) {
      const requestId =
        typeof (req as { id?: unknown }).id === 'string' ? ((req as { id?: string }).id ?? null) : null;
      resolved = this.factsOf(req.caller).then(({ actor: facts, agencyRegistered }) => {
        const actor = { ...facts, requestId, tokenId: req.caller?.tokenId ?? null };
        return { actor, ability: this.policy(actor), agencyRegistered };
      });
      this.perRequest.set(req, resolved);
    }
    return resolved;
  }
}
