import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf } from '@hub/auth';
import { accessOf as untypedAccessOf, AccessScopeOf, liveAccessOf, LiveAccessOf } from '@hub/authz';
import { AppAbility } from './subjects';

/** The caller's access scope under the hub's one policy: what services and repositories take. */
export type AccessScope = AccessScopeOf<AppAbility>;

/** The access scope the AuthzGuard resolved for this request (field resolvers read it this way). */
export function accessOf(request: object): AccessScope {
  return untypedAccessOf(request) as AccessScope;
}

/** The caller's access scope, for top-level resolvers; pass it to services and repositories. */
export const Access = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AccessScope => accessOf(requestOf(context)),
);

/** A subscription's access under the one policy: its scope, and the caller afresh at each event. */
export type LiveAccessScope = LiveAccessOf<AppAbility>;

/** The caller's live access, for subscription resolvers (see LiveAccessOf). */
export const LiveAccess = createParamDecorator(
  (_data: unknown, context: ExecutionContext): LiveAccessScope =>
    liveAccessOf(requestOf(context)) as LiveAccessScope,
);
