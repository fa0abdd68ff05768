import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { AnyAbility } from '@casl/ability';
import { requestOf } from '@hub/auth';
import { Actor } from './actor';

/**
 * The caller's access scope: who they are to the policy, and what the policy lets them do. The
 * platform knows no subject names, so the ability is generic here; `@hub/access` fixes it to the
 * hub's one policy (`AccessScope` there), which is what domains use.
 */
export interface AccessScopeOf<A extends AnyAbility = AnyAbility> {
  readonly actor: Actor;
  readonly ability: A;
  /**
   * What the operation declared with @Can (set by the AuthzGuard), so that a record-level check
   * can enforce the same action on the loaded record.
   */
  readonly requirement?: { readonly action: string; readonly subjectType: string };
}

export const ACCESS_KEY = 'hubAccess';

/** The access scope the AuthzGuard resolved for this request (field resolvers read it this way). */
export function accessOf(request: object): AccessScopeOf {
  const access = (request as Record<string, unknown>)[ACCESS_KEY] as AccessScopeOf | undefined;
  if (!access) throw new Error('AuthzGuard did not run for this request');
  return access;
}

/** The caller's access scope, for top-level resolvers; pass it to services and repositories. */
export const Access = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AccessScopeOf => accessOf(requestOf(context)),
);

/**
 * A subscription's access: the scope it was admitted with, and `refresh()` for each event — the
 * caller checked again (token, admission) and their actor and ability built afresh, so an event
 * is read under what the caller may do now; null when the caller was refused (the connection is
 * closed then, and the subscription should end).
 */
export interface LiveAccessOf<A extends AnyAbility = AnyAbility> {
  readonly scope: AccessScopeOf<A>;
  refresh(): Promise<AccessScopeOf<A> | null>;
}

export const LIVE_ACCESS_KEY = 'hubLiveAccess';

/** The live access the AuthzGuard set for this subscription (a programming error elsewhere). */
export function liveAccessOf(request: object): LiveAccessOf {
  const live = (request as Record<string, unknown>)[LIVE_ACCESS_KEY] as LiveAccessOf | undefined;
  if (!live) throw new Error('LiveAccess is only for subscriptions over a live connection');
  return live;
}

/** The caller's live access, for subscription resolvers. */
export const LiveAccess = createParamDecorator(
  (_data: unknown, context: ExecutionContext): LiveAccessOf => liveAccessOf(requestOf(context)),
);
