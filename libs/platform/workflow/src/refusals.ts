import { Inject, Injectable } from '@nestjs/common';
import { AccessScopeOf as AccessScope, NOT_FOUND_REFUSAL } from '@hub/authz';
import { NotFoundError, UUID_PATTERN } from '@hub/graphql';
import { WORKFLOW_AUDIT, WorkflowAuditPort } from './ports';

/**
 * The one way every domain refuses: each refusal audited as DENIED in its own transaction (so it
 * stays written when the request fails), then the error thrown by the caller. RecordWorkflow's
 * guard uses it; a domain refusing outside the runner (a create, a by-id read, a record reached
 * through a part) injects it directly.
 */
@Injectable()
export class Refusals {
  constructor(@Inject(WORKFLOW_AUDIT) private readonly audit: WorkflowAuditPort) {}

  /**
   * A record the caller may not see (or that does not exist: the same answer): the refusal is
   * audited as DENIED with reason NOT_FOUND_REFUSAL (auditors only), naming the id asked for when
   * it is a uuid and, when the caller knows them, the agencies whose record it is; then NOT_FOUND
   * is thrown. The one way every domain answers NOT_FOUND to a write or a by-id read.
   */
  async notFound(
    scope: AccessScope,
    auditAction: string,
    subjectType: string,
    id: string,
    owners: readonly (string | null | undefined)[] = [],
  ): Promise<never> {
    await this.refuse(
      scope,
      auditAction,
      subjectType,
      UUID_PATTERN.test(id) ? id : null,
      owners,
      NOT_FOUND_REFUSAL,
    );
    throw new NotFoundError(subjectType, id);
  }

  /**
   * A refusal, audited as DENIED in its own transaction. `reason` NOT_FOUND_REFUSAL marks one the
   * caller was told was a missing record (readable by auditors only).
   */
  refuse(
    scope: AccessScope,
    action: string,
    subjectType: string,
    subjectId: string | null,
    subjectAgencyIds: readonly (string | null | undefined)[],
    reason: string | null = null,
  ): Promise<void> {
    return this.audit.recordDenied({
      actor: scope.actor,
      action,
      subjectType,
      subjectId,
      subjectAgencyIds: agencyIds(subjectAgencyIds),
      reason,
    });
  }
}

/** The distinct agency ids among these (nulls and repeats left out). */
export function agencyIds(ids: readonly (string | null | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => !!id))];
}
