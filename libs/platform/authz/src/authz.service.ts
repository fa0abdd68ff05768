import { Inject, Injectable } from '@nestjs/common';
import { AuthenticatedRequest, Caller } from '@hub/auth';
import { Actor, ACTOR_FACTS_LOADER, ActorFactsLoader, ANONYMOUS } from './actor';
import { AppAbility, defineAbilityFor } from './policy';

interface Resolved {
  actor: Actor;
  ability: AppAbility;
}

/** Builds the caller's actor and ability once per request and hands out the same one after. */
@Injectable()
export class AuthzService {
  private readonly perRequest = new WeakMap<object, Promise<Resolved>>();

  constructor(@Inject(ACTOR_FACTS_LOADER) private readonly facts: ActorFactsLoader) {}

  async actorFor(req: AuthenticatedRequest): Promise<Actor> {
    return (await this.resolve(req)).actor;
  }

  async abilityFor(req: AuthenticatedRequest): Promise<AppAbility> {
    return (await this.resolve(req)).ability;
  }

  async actorOf(caller: Caller | undefined): Promise<Actor> {
    if (!caller) return ANONYMOUS;
    const facts = await this.facts.load(caller);
    return {
      userId: caller.userId,
      agencyId: caller.agencyId,
      agencyType: facts.agencyType,
      roles: caller.roles,
      taskForceIds: facts.taskForceIds,
    };
  }

  private resolve(req: AuthenticatedRequest): Promise<Resolved> {
    let resolved = this.perRequest.get(req);
    if (!resolved) {
      const requestId =
        typeof (req as { id?: unknown }).id === 'string' ? ((req as { id?: string }).id ?? null) : null;
      resolved = this.actorOf(req.caller).then((facts) => {
        const actor = { ...facts, requestId, tokenId: req.caller?.tokenId ?? null };
        return { actor, ability: defineAbilityFor(actor) };
      });
      this.perRequest.set(req, resolved);
    }
    return resolved;
  }
}
