import { Actor } from '@hub/authz';

/** An actor for the policy's table tests (specs only): a user of `agencyId` with these roles. */
export function policyActor(
  agencyId: string,
  agencyType: string,
  roles: string[],
  options: { taskForceIds?: string[]; userId?: string } = {},
): Actor {
  return {
    userId: options.userId ?? `user-${agencyId}-${roles.join('-')}`,
    agencyId,
    agencyType,
    roles,
    taskForceIds: options.taskForceIds ?? [],
  };
}
