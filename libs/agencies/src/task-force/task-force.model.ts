import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@hub/graphql';
import { TaskForceRole } from '../taxonomy/agency-type';

@ObjectType()
export class TaskForce {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  jurisdiction: string;

  @Field()
  description: string;
}

export const TaskForceConnection = Paginated(TaskForce);
export type TaskForceConnection = InstanceType<typeof TaskForceConnection>;

@ObjectType({ description: "An agency's membership of a task force" })
export class TaskForceMember {
  @Field(() => ID)
  taskForceId: string;

  @Field(() => ID)
  agencyId: string;

  @Field(() => TaskForceRole)
  role: TaskForceRole;

  @Field()
  joinedAt: Date;

  @Field(() => Int)
  version: number;
}
