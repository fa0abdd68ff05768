import { Field, ObjectType } from '@nestjs/graphql';
import { Agency } from '../agency/agency.model';
import { AgencyType, TaskForceRole } from '../taxonomy/agency-type';
import { TaskForce } from '../task-force/task-force.model';
import { HubUser } from './hub-user.model';

@ObjectType({ description: "One of the caller's task forces and their agency's role in it" })
export class CallerTaskForce {
  @Field(() => TaskForce)
  taskForce: TaskForce;

  @Field(() => TaskForceRole)
  role: TaskForceRole;
}

@ObjectType({ description: 'The caller, as their token and their agency describe them' })
export class Me extends HubUser {
  @Field(() => Agency, { nullable: true })
  agency: Agency | null;

  @Field(() => AgencyType, { nullable: true })
  agencyType: AgencyType | null;

  @Field(() => [CallerTaskForce])
  taskForces: CallerTaskForce[];
}
