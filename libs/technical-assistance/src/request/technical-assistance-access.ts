import type { SqlSubjectMap } from '@hub/authz';
import type { PolicyRecords } from '@hub/access';

export type TechnicalAssistanceRecord = PolicyRecords['TechnicalAssistanceRequest'];

/**
 * How the policy's TechnicalAssistanceRequest conditions read in SQL for a request row aliased
 * `alias`: list and by-id reads put `accessWhere(ability, 'read', …)` over this in their WHERE, so
 * a request the caller may not see is never fetched.
 */
export function technicalAssistanceSqlMap(alias: string): SqlSubjectMap {
  return {
    fields: {
      id: { sql: `${alias}.id`, kind: 'scalar' },
      taskForceId: { sql: `${alias}.task_force_id`, kind: 'scalar' },
      requestingAgencyId: { sql: `${alias}.requesting_agency_id`, kind: 'scalar' },
      assignedAgencyId: { sql: `${alias}.assigned_agency_id`, kind: 'scalar' },
    },
  };
}

/** The record the policy checks in memory (the same fields the SQL map names). */
export function technicalAssistanceRecord(row: {
  id: string;
  taskForceId: string;
  requestingAgencyId: string;
  assignedAgencyId: string | null;
}): TechnicalAssistanceRecord {
  return {
    id: row.id,
    taskForceId: row.taskForceId,
    requestingAgencyId: row.requestingAgencyId,
    assignedAgencyId: row.assignedAgencyId,
  };
}
