import { registerEnumType } from '@nestjs/graphql';
import { AppAbility, subject } from '@hub/access';

/** What a caller may do to a task force's membership list. */
export enum TaskForceAction {
  ADD_MEMBER = 'ADD_MEMBER',
}
registerEnumType(TaskForceAction, {
  name: 'TaskForceAction',
  description: 'A mutation the caller may make on a task force: addTaskForceMember (ADD_MEMBER)',
});

/** What a caller may do to one membership. */
export enum TaskForceMemberAction {
  UPDATE = 'UPDATE',
  REMOVE = 'REMOVE',
}
registerEnumType(TaskForceMemberAction, {
  name: 'TaskForceMemberAction',
  description:
    'A mutation the caller may make on a membership: updateTaskForceMember (UPDATE), removeTaskForceMember (REMOVE)',
});

/**
 * As addTaskForceMember judges it: the policy on a membership of this task force (its coordinators).
 * Which agency is added is the input's; an agency already a member, deactivated, or of the wrong
 * type for the role is refused for that input.
 */
export function availableTaskForceActions(ability: AppAbility, taskForce: { id: string }): TaskForceAction[] {
  return ability.can('create', subject('TaskForceMembership', { taskForceId: taskForce.id, agencyId: '' }))
    ? [TaskForceAction.ADD_MEMBER]
    : [];
}

/** As updateTaskForceMember and removeTaskForceMember judge them (a coordinator never removes their own agency). */
export function availableMemberActions(
  ability: AppAbility,
  member: { taskForceId: string; agencyId: string },
): TaskForceMemberAction[] {
  const record = subject('TaskForceMembership', {
    taskForceId: member.taskForceId,
    agencyId: member.agencyId,
  });
  return [
    ...(ability.can('update', record) ? [TaskForceMemberAction.UPDATE] : []),
    ...(ability.can('delete', record) ? [TaskForceMemberAction.REMOVE] : []),
  ];
}
