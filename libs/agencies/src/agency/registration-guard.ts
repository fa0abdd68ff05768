import { AuditWriter } from '@hub/audit';
import { AccessScope } from '@hub/access';
import { ForbiddenError } from '@hub/graphql';

/**
 * What only a platform administrator registers (createAgency, createTaskForce, the bootstrap): the
 * caller's user id (whose idempotency keys the create uses) when the policy lets them create the
 * type; else a refusal audited as DENIED (no record exists yet) and FORBIDDEN.
 */
export async function mustRegister(
  audit: AuditWriter,
  scope: AccessScope,
  subjectType: 'Agency' | 'TaskForce',
  auditAction: string,
): Promise<string> {
  const { actor } = scope;
  if (actor.userId && scope.ability.can('create', subjectType)) return actor.userId;
  await audit.recordDenied({
    actor,
    action: auditAction,
    subjectType,
    subjectId: null,
    subjectAgencyIds: [],
  });
  throw new ForbiddenError(`Only a platform administrator registers a ${subjectType}`);
}
