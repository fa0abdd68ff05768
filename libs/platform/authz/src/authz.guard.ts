import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { AuthenticatedRequest, IS_PUBLIC, requestOf } from '@hub/auth';
import { ForbiddenError } from '@hub/graphql';
import { ACCESS_KEY, AccessScopeOf, LIVE_ACCESS_KEY, LiveAccessOf } from './access';
import { AuthzService } from './authz.service';
import { Declaration, REQUIREMENT } from './can.decorator';

/**
 * Global guard: deny by declaration. Resolves the caller's access scope once per request, with the
 * operation's declared requirement in it; refuses (FORBIDDEN) a Query or Mutation that declares
 * neither @Public() nor @Can(…). The declared action is judged on the loaded record, where the
 * record is known (the workflow kernel refuses a change whose action differs from the declaration):
 * a type-level refusal here would answer FORBIDDEN where the contract says a record the caller may
 * not see does not exist for them (NOT_FOUND), and would audit it without the record's id.
 */
@Injectable()
export class AuthzGuard implements CanActivate {
  private readonly logger = new Logger(AuthzGuard.name);

  constructor(
    private readonly authz: AuthzService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    const [actor, ability] = await Promise.all([this.authz.actorFor(req), this.authz.abilityFor(req)]);
    const operation = operationOf(context);
    const targets = [context.getHandler(), context.getClass()];
    const declared = operation
      ? this.reflector.getAllAndOverride<Declaration | undefined>(REQUIREMENT, targets)
      : undefined;
    const access: AccessScopeOf = declared
      ? { actor, ability, requirement: { action: declared.action, subjectType: declared.subjectType } }
      : { actor, ability };
    (req as unknown as Record<string, unknown>)[ACCESS_KEY] = access;
    if (req.live && operation) {
      (req as unknown as Record<string, unknown>)[LIVE_ACCESS_KEY] = this.liveAccess(req, access);
    }
    // HTTP routes (the AuthGuard's business) and field resolvers are not operations.
    if (!operation) return true;
    if (!declared) {
      if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
      // A programming error: the schema test should have caught it before it shipped.
      this.logger.error(
        `${operation.type}.${operation.name} declares neither @Public() nor @Can(…); refused`,
      );
      throw new ForbiddenError();
    }
    return true;
  }

  /** Each event of a subscription is read under the caller as they are then (see LiveAccessOf). */
  private liveAccess(req: AuthenticatedRequest, scope: AccessScopeOf): LiveAccessOf {
    return {
      scope,
      refresh: async () => {
        const now = await req.live?.recheck();
        if (!now) return null;
        const [actor, ability] = await Promise.all([this.authz.actorFor(now), this.authz.abilityFor(now)]);
        return { ...scope, actor, ability };
      },
    };
  }
}

/** The root Query or Mutation field this context resolves; null for HTTP routes and nested fields. */
function operationOf(context: ExecutionContext): { type: string; name: string } | null {
  if (context.getType<string>() !== 'graphql') return null;
  const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo | undefined>();
  if (!info || info.path.prev !== undefined) return null;
  return { type: info.parentType.name, name: info.fieldName };
}
