import type { AbilityBuilder } from '@casl/ability';
import type { Actor } from '@hub/authz';
import type { AppAbility } from './subjects';

/** What managing a hotline takes: the same actions on a task force's lines and on national ones. */
const MANAGE_RESOURCE = ['create', 'update', 'retire'] as const;

/**
 * The directory beyond agencies' own profiles (DESIGN.md §3, issue 14):
 * - hotlines (Resource): a task force's coordinators create, edit and retire its lines; national
 *   lines (no task force) are the platform administrator's (defineNationalResourceRules);
 * - the exchange in Open Referral HSDS (Directory): a task force's coordinators export its
 *   directory and import into it; an agency admin of a member agency exports it too (they keep a
 *   directory entry; the export holds only what the public directory shows). Nobody else does.
 */
export function defineDirectoryRules(actor: Actor, { can }: AbilityBuilder<AppAbility>): void {
  if (!actor.userId || !actor.agencyId || actor.taskForceIds.length === 0) return;
  const taskForceId = { $in: [...actor.taskForceIds] };
  if (actor.roles.includes('coordinator')) {
    can([...MANAGE_RESOURCE], 'Resource', { taskForceId });
    can(['export', 'import'], 'Directory', { taskForceId });
  }
  if (actor.roles.includes('agency_admin')) can('export', 'Directory', { taskForceId });
}

/** National hotlines (no task force) are managed by the platform administrator only. */
export function defineNationalResourceRules({ can }: AbilityBuilder<AppAbility>): void {
  can([...MANAGE_RESOURCE], 'Resource', { taskForceId: null });
}
