import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, accessOf, AccessScope, Can } from '@hub/access';
import { Connection, PageArgs, requestLoader } from '@hub/graphql';
import { Agency } from '../agency/agency.model';
import { AgencyService } from '../agency/agency.service';
import {
  AddTaskForceMemberInput,
  RemoveTaskForceMemberInput,
  RemoveTaskForceMemberPayload,
  TaskForceMemberPayload,
  UpdateTaskForceMemberInput,
} from './task-force-member.input';
import { CreateTaskForceInput, TaskForcePayload } from './create-task-force.input';
import {
  availableMemberActions,
  availableTaskForceActions,
  TaskForceAction,
  TaskForceMemberAction,
} from './task-force-actions';
import { TaskForce, TaskForceConnection, TaskForceMember } from './task-force.model';
import { TaskForceService } from './task-force.service';

@Resolver(() => TaskForce)
export class TaskForceResolver {
  constructor(private readonly service: TaskForceService) {}

  @Can('read', 'TaskForce')
  @Query(() => TaskForceConnection, { description: 'Task forces on the hub' })
  taskForces(@Access() scope: AccessScope, @Args() args: PageArgs): Promise<Connection<TaskForce>> {
    return this.service.list(scope, args);
  }

  @ResolveField(() => [TaskForceMember])
  members(@Parent() taskForce: TaskForce, @Context('req') req: object) {
    const scope = accessOf(req);
    return requestLoader<string, TaskForceMember[]>(req, 'taskForce.members', (ids) =>
      this.service.membersOf(scope, ids),
    ).load(taskForce.id);
  }

  @ResolveField(() => [TaskForceAction], {
    description: 'The mutations the caller may make on this task force (the policy): show only these',
  })
  availableActions(@Parent() taskForce: TaskForce, @Context('req') req: object): TaskForceAction[] {
    return availableTaskForceActions(accessOf(req).ability, taskForce);
  }

  @Can('create', 'TaskForce')
  @Mutation(() => TaskForcePayload, {
    description: 'Platform administrators register a task force with its coordinating office as first member',
  })
  async createTaskForce(
    @Access() scope: AccessScope,
    @Args('input') input: CreateTaskForceInput,
  ): Promise<TaskForcePayload> {
    return { taskForce: await this.service.create(scope, input) };
  }

  @Can('create', 'TaskForceMembership')
  @Mutation(() => TaskForceMemberPayload)
  async addTaskForceMember(
    @Access() scope: AccessScope,
    @Args('input') input: AddTaskForceMemberInput,
  ): Promise<TaskForceMemberPayload> {
    return { member: await this.service.addMember(scope, input) };
  }

  @Can('update', 'TaskForceMembership')
  @Mutation(() => TaskForceMemberPayload)
  async updateTaskForceMember(
    @Access() scope: AccessScope,
    @Args('input') input: UpdateTaskForceMemberInput,
  ): Promise<TaskForceMemberPayload> {
    return { member: await this.service.updateMember(scope, input) };
  }

  @Can('delete', 'TaskForceMembership')
  @Mutation(() => RemoveTaskForceMemberPayload)
  async removeTaskForceMember(
    @Access() scope: AccessScope,
    @Args('input') input: RemoveTaskForceMemberInput,
  ): Promise<RemoveTaskForceMemberPayload> {
    await this.service.removeMember(scope, input);
    return { taskForceId: input.taskForceId, agencyId: input.agencyId };
  }
}

@Resolver(() => TaskForceMember)
export class TaskForceMemberResolver {
  constructor(
    private readonly agencies: AgencyService,
    private readonly taskForces: TaskForceService,
  ) {}

  @ResolveField(() => Agency)
  agency(@Parent() member: TaskForceMember, @Context('req') req: object) {
    const scope = accessOf(req);
    return requestLoader<string, Agency>(req, 'agency.byId', (ids) => this.agencies.getMany(scope, ids)).load(
      member.agencyId,
    );
  }

  @ResolveField(() => [TaskForceMemberAction], {
    description:
      'The mutations the caller may make on this membership (the policy): show only these. A listed action can still be refused for its input, or as CONFLICT when the membership changed meanwhile.',
  })
  availableActions(@Parent() member: TaskForceMember, @Context('req') req: object): TaskForceMemberAction[] {
    return availableMemberActions(accessOf(req).ability, member);
  }

  @ResolveField(() => TaskForce)
  taskForce(@Parent() member: TaskForceMember, @Context('req') req: object) {
    const scope = accessOf(req);
    return requestLoader<string, TaskForce>(req, 'taskForce.byId', (ids) =>
      this.taskForces.getMany(scope, ids),
    ).load(member.taskForceId);
  }
}
