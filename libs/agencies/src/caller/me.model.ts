import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Agency } from '../agency/agency.model';
import { AgencyType, TaskForceRole } from '../taxonomy/agency-type';
import { TaskForce } from '../task-force/task-force.model';

@ObjectType({ description: "One of the caller's task forces and their agency's role in it" })
export class CallerTaskForce {
  @Field(() => TaskForce)
  taskForce: TaskForce;

  @Field(() => TaskForceRole)
  role: TaskForceRole;
}

@ObjectType({ description: 'The caller, as their token and their agency describe them' })
export class Me {
  @Field(() => ID, { description: 'Identity-provider subject' })
  userId: string;

  @Field()
  username: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => [String], { description: 'Hub realm roles' })
  roles: string[];

  @Field(() => Agency, { nullable: true })
  agency: Agency | null;

  @Field(() => AgencyType, { nullable: true })
  agencyType: AgencyType | null;

  @Field(() => [CallerTaskForce])
  taskForces: CallerTaskForce[];
}
