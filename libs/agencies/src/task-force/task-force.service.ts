import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@hub/audit';
import { AccessScope, subject } from '@hub/access';
import { Transactions, Tx } from '@hub/database';
import {
  BadUserInputError,
  Connection,
  InputProblem,
  ConflictError,
  mapConnection,
  ForbiddenError,
  groupByKeys,
  NotFoundError,
  PageArgs,
} from '@hub/graphql';
import { CreateOnce, Refusals } from '@hub/workflow';
import { agencyStatusOf, AgencyStatus } from '../agency/agency-lifecycle';
import { AgencyRepository } from '../agency/agency.repository';
import { mustRegister } from '../agency/registration-guard';
import { AgencyType, TaskForceRole } from '../taxonomy/agency-type';
import { requiredText } from '../taxonomy/required-text';
import { CreateTaskForceInput } from './create-task-force.input';
import { TaskForceEntity, TaskForceMembershipEntity } from './task-force.entity';
import { taskForceRoleProblems } from './task-force-roles';
import {
  AddTaskForceMemberInput,
  RemoveTaskForceMemberInput,
  UpdateTaskForceMemberInput,
} from './task-force-member.input';
import { TaskForce, TaskForceMember } from './task-force.model';
import { TaskForceRepository } from './task-force.repository';

/** Task forces and their memberships, managed by the task force's coordinator. */
@Injectable()
export class TaskForceService {
  constructor(
    private readonly taskForces: TaskForceRepository,
    private readonly agencies: AgencyRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly refusals: Refusals,
    private readonly createOnce: CreateOnce,
  ) {}

  async list(scope: AccessScope, args: PageArgs): Promise<Connection<TaskForce>> {
    this.mayRead(scope);
    return mapConnection(await this.taskForces.list(args), toTaskForce);
  }

  async getMany(scope: AccessScope, ids: readonly string[]): Promise<(TaskForce | Error)[]> {
    this.mayRead(scope);
    const found = new Map((await this.taskForces.findByIds(ids)).map((tf) => [tf.id, tf]));
    return ids.map((id) => {
      const entity = found.get(id);
      return entity ? toTaskForce(entity) : new NotFoundError('TaskForce', id);
    });
  }

  /** Members of each task force, in key order (for a per-request DataLoader). */
  async membersOf(scope: AccessScope, taskForceIds: readonly string[]): Promise<TaskForceMember[][]> {
    this.mayRead(scope);
    const rows = await this.taskForces.membersOf(taskForceIds);
    return groupByKeys(taskForceIds, rows, (row) => row.taskForceId).map((group) => group.map(toMember));
  }

  async membershipsOfAgency(scope: AccessScope, agencyId: string): Promise<TaskForceMember[]> {
    this.mayRead(scope);
    return (await this.taskForces.membershipsOfAgency(agencyId)).map(toMember);
  }

  /** For referrals: agencies refer to each other within a shared task force. */
  shareATaskForce(agencyA: string, agencyB: string): Promise<boolean> {
    return this.taskForces.shareATaskForce(agencyA, agencyB);
  }

  /**
   * A platform administrator registers a task force with its coordinating office as first member
   * (MEMBER): from then on that office's coordinators manage its members (addTaskForceMember).
   */
  async create(scope: AccessScope, input: CreateTaskForceInput): Promise<TaskForce> {
    const keysOf = await mustRegister(this.refusals, scope, 'TaskForce', 'CREATE_TASK_FORCE');
    const name = requiredText(input.name, 'name');
    const jurisdiction = requiredText(input.jurisdiction, 'jurisdiction');
    await this.mustCoordinate(input.coordinatingAgencyId);
    const created = await this.createOnce.run({
      subjectType: 'TaskForce',
      scope: keysOf,
      key: input.idempotencyKey,
      request: input,
      load: (id) => this.taskForces.findById(id),
      create: async (tx, id) => {
        const row = await this.taskForces.insert(tx, id, {
          name,
          jurisdiction,
          description: input.description?.trim() ?? '',
        });
        const member = { taskForceId: row.id, agencyId: input.coordinatingAgencyId };
        await this.taskForces.addMember(tx, row.id, member.agencyId, TaskForceRole.MEMBER);
        await this.audit.record(tx, {
          actor: scope.actor,
          action: 'CREATE_TASK_FORCE',
          subjectType: 'TaskForce',
          subjectId: row.id,
          decision: 'ALLOWED',
          subjectAgencyIds: [member.agencyId],
        });
        await this.audited(tx, scope, 'ADD_TASK_FORCE_MEMBER', member, `role ${TaskForceRole.MEMBER}`);
        return row;
      },
    });
    return toTaskForce(created);
  }

  /** The coordinating office of a new task force: registered, on the hub, of type COORDINATOR. */
  private async mustCoordinate(agencyId: string): Promise<void> {
    const agency = await this.agencies.findById(agencyId);
    const field = 'coordinatingAgencyId';
    let problem: InputProblem | null = null;
    if (!agency) problem = { field, message: 'is not a registered agency' };
    else if (agencyStatusOf(agency) !== AgencyStatus.ACTIVE)
      problem = { field, message: 'was deactivated', reason: 'AGENCY_DEACTIVATED' };
    else if (agency.type !== AgencyType.COORDINATOR)
      problem = { field, message: 'must be a COORDINATOR agency', reason: 'NOT_A_COORDINATING_AGENCY' };
    if (problem) throw new BadUserInputError('Invalid task force', [problem]);
  }

  async addMember(scope: AccessScope, input: AddTaskForceMemberInput): Promise<TaskForceMember> {
    await this.mustExist(input.taskForceId, input.agencyId);
    await this.must(scope, 'create', input);
    return this.transactions.run(async (tx) => {
      await this.mustFitRole(tx, input);
      const created = await this.taskForces.addMember(tx, input.taskForceId, input.agencyId, input.role);
      if (!created) throw new ConflictError('That agency is already a member of this task force');
      await this.audited(tx, scope, 'ADD_TASK_FORCE_MEMBER', input, `role ${input.role}`);
      return toMember(created);
    });
  }

  async updateMember(scope: AccessScope, input: UpdateTaskForceMemberInput): Promise<TaskForceMember> {
    const current = await this.taskForces.findMembership(input.taskForceId, input.agencyId);
    if (!current) throw new NotFoundError('TaskForceMember', `${input.taskForceId}/${input.agencyId}`);
    await this.must(scope, 'update', input);
    return this.transactions.run(async (tx) => {
      await this.mustFitRole(tx, input);
      const updated = await this.taskForces.updateMember(
        tx,
        input.taskForceId,
        input.agencyId,
        input.expectedVersion,
        input.role,
      );
      if (!updated) {
        throw new ConflictError('The membership was changed by someone else; reload it and try again');
      }
      await this.audited(
        tx,
        scope,
        'UPDATE_TASK_FORCE_MEMBER',
        input,
        `role ${current.role} → ${input.role}`,
      );
      return toMember(updated);
    });
  }

  async removeMember(scope: AccessScope, input: RemoveTaskForceMemberInput): Promise<void> {
    const current = await this.taskForces.findMembership(input.taskForceId, input.agencyId);
    if (!current) throw new NotFoundError('TaskForceMember', `${input.taskForceId}/${input.agencyId}`);
    await this.must(scope, 'delete', input);
    await this.transactions.run(async (tx) => {
      if (!(await this.taskForces.removeMember(tx, input.taskForceId, input.agencyId))) {
        throw new ConflictError('The membership was removed by someone else');
      }
      await this.audited(tx, scope, 'REMOVE_TASK_FORCE_MEMBER', input, `was ${current.role}`);
    });
  }

  /** Membership changes change who may do what: each is audited with the change itself. */
  private audited(
    tx: Tx,
    scope: AccessScope,
    action: string,
    target: { taskForceId: string; agencyId: string },
    reason: string,
  ): Promise<void> {
    return this.audit.record(tx, {
      actor: scope.actor,
      action,
      subjectType: 'TaskForceMembership',
      subjectId: `${target.taskForceId}/${target.agencyId}`,
      decision: 'ALLOWED',
      reason,
      subjectAgencyIds: [target.agencyId],
    });
  }

  private mayRead(scope: AccessScope): void {
    if (!scope.ability.can('read', 'TaskForce')) throw new ForbiddenError();
  }

  private async must(
    scope: AccessScope,
    action: 'create' | 'update' | 'delete',
    target: { taskForceId: string; agencyId: string },
  ): Promise<void> {
    const record = subject('TaskForceMembership', {
      taskForceId: target.taskForceId,
      agencyId: target.agencyId,
    });
    if (!scope.ability.can(action, record)) {
      await this.refusals.refuse(
        scope,
        `${action.toUpperCase()}_TASK_FORCE_MEMBER`,
        'TaskForceMembership',
        `${target.taskForceId}/${target.agencyId}`,
        [target.agencyId],
      );
      throw new ForbiddenError(
        'Only a coordinator of this task force may manage its members (and not remove their own agency)',
      );
    }
  }

  /** The role suits the agency's type and no other member holds that co-lead role (BAD_USER_INPUT). */
  private async mustFitRole(
    tx: Tx,
    input: { taskForceId: string; agencyId: string; role: TaskForceRole },
  ): Promise<void> {
    const otherRoles = await this.taskForces.lockOtherRoles(tx, input.taskForceId, input.agencyId);
    const agency = await this.agencies.findById(input.agencyId);
    if (!agency) throw new NotFoundError('Agency', input.agencyId);
    // A deactivated agency keeps the memberships it had (its records stay) but takes no new role.
    if (agencyStatusOf(agency) !== AgencyStatus.ACTIVE) {
      throw new BadUserInputError('Invalid task-force member', [
        { field: 'agencyId', message: 'was deactivated', reason: 'AGENCY_DEACTIVATED' },
      ]);
    }
    const problems = taskForceRoleProblems(input.role, agency.type, otherRoles);
    if (problems.length) throw new BadUserInputError('Invalid task-force role', problems);
  }

  private async mustExist(taskForceId: string, agencyId: string): Promise<void> {
    if (!(await this.taskForces.findById(taskForceId))) throw new NotFoundError('TaskForce', taskForceId);
    if (!(await this.agencies.findById(agencyId))) throw new NotFoundError('Agency', agencyId);
  }
}

const toTaskForce = (entity: TaskForceEntity): TaskForce => ({
  id: entity.id,
  name: entity.name,
  jurisdiction: entity.jurisdiction,
  description: entity.description,
});

const toMember = (entity: TaskForceMembershipEntity): TaskForceMember => ({
  taskForceId: entity.taskForceId,
  agencyId: entity.agencyId,
  role: entity.role as TaskForceRole,
  joinedAt: entity.joinedAt,
  version: entity.version,
});
