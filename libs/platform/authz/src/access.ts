import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf } from '@hub/auth';
import { Actor } from './actor';
import { AppAbility } from './policy';

/** The caller's access scope: who they are to the policy, and what the policy lets them do. */
export interface AccessScope {
  readonly actor: Actor;
  readonly ability: AppAbility;
}

export const ACCESS_KEY = 'hubAccess';

/** The access scope the AuthzGuard resolved for this request (field resolvers read it this way). */
export function accessOf(request: object): AccessScope {
  const access = (request as Record<string, unknown>)[ACCESS_KEY] as AccessScope | undefined;
  if (!access) throw new Error('AuthzGuard did not run for this request');
  return access;
}

/** The caller's access scope, for top-level resolvers; pass it to services and repositories. */
export const Access = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AccessScope => accessOf(requestOf(context)),
);
