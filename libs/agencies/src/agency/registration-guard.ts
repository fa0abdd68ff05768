import { AccessScope } from '@hub/access';
import { ForbiddenError } from '@hub/graphql';
import { Refusals } from '@hub/workflow';

/**
 * What only a platform administrator registers (createAgency, createTaskForce, the bootstrap): the
 * caller's user id (whose idempotency keys the create uses) when the policy lets them create the
 * type; else a refusal audited as DENIED (no record exists yet) and FORBIDDEN.
 */
export async function mustRegister(
  refusals: Refusals,
  scope: AccessScope,
  subjectType: 'Agency' | 'TaskForce',
  auditAction: string,
): Promise<string> {
  const { actor } = scope;
  if (actor.userId && scope.ability.can('create', subjectType)) return actor.userId;
  await refusals.refuse(scope, auditAction, subjectType, null, []);
  throw new ForbiddenError(`Only a platform administrator registers a ${subjectType}`);
}
