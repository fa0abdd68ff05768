import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsUUID, Min } from 'class-validator';
import { TaskForceRole } from '../taxonomy/agency-type';
import { TaskForceMember } from './task-force.model';

@InputType()
export class AddTaskForceMemberInput {
  @Field(() => ID)
  @IsUUID()
  taskForceId: string;

  @Field(() => ID)
  @IsUUID()
  agencyId: string;

  @Field(() => TaskForceRole)
  @IsEnum(TaskForceRole)
  role: TaskForceRole;
}

@InputType()
export class UpdateTaskForceMemberInput extends AddTaskForceMemberInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class RemoveTaskForceMemberInput {
  @Field(() => ID)
  @IsUUID()
  taskForceId: string;

  @Field(() => ID)
  @IsUUID()
  agencyId: string;
}

@ObjectType()
export class TaskForceMemberPayload {
  @Field(() => TaskForceMember)
  member: TaskForceMember;
}

@ObjectType()
export class RemoveTaskForceMemberPayload {
  @Field(() => ID)
  taskForceId: string;

  @Field(() => ID)
  agencyId: string;
}
