import { InputProblem } from '@hub/graphql';
import { AgencyType, TaskForceRole } from '../taxonomy/agency-type';

/** Which agency types may hold each co-lead role (DESIGN.md §3: one co-lead from each side). */
const CO_LEAD_TYPES: Partial<Record<TaskForceRole, readonly string[]>> = {
  [TaskForceRole.CO_LEAD_LAW_ENFORCEMENT]: [AgencyType.LAW_ENFORCEMENT, AgencyType.PROSECUTOR],
  [TaskForceRole.CO_LEAD_VICTIM_SERVICES]: [AgencyType.NGO],
};

/**
 * Whether `agencyType` may take `role` in a task force whose other members hold `otherRoles`:
 * a co-lead role only for an agency of its side, and at most one of each co-lead per task force.
 */
export function taskForceRoleProblems(
  role: TaskForceRole,
  agencyType: string,
  otherRoles: readonly string[],
): InputProblem[] {
  const types = CO_LEAD_TYPES[role];
  if (!types) return [];
  if (!types.includes(agencyType)) {
    return [
      {
        field: 'role',
        message: `${role} is only for agencies of type ${types.join(' or ')}`,
        reason: 'ROLE_NOT_FOR_AGENCY_TYPE',
      },
    ];
  }
  if (otherRoles.includes(role)) {
    return [
      {
        field: 'role',
        message: `the task force already has a ${role}`,
        reason: 'CO_LEAD_ALREADY_TAKEN',
      },
    ];
  }
  return [];
}
