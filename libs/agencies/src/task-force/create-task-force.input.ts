import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { IdempotencyKeyField } from '@hub/graphql';
import { TaskForce } from './task-force.model';

/** A new task force and its first member: the coordinating office whose coordinators run it. */
@InputType()
export class CreateTaskForceInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  jurisdiction: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @Field(() => ID, { description: 'A registered, active agency of type COORDINATOR; it joins as MEMBER' })
  @IsUUID()
  coordinatingAgencyId: string;

  @IdempotencyKeyField(
    'Retrying with the same key and input returns the same task force; with other input, CONFLICT',
  )
  idempotencyKey?: string;
}

@ObjectType()
export class TaskForcePayload {
  @Field(() => TaskForce)
  taskForce: TaskForce;
}
