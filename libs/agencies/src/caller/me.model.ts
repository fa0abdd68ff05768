import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CAPABILITIES, Capability } from '@hub/access';
import { Agency } from '../agency/agency.model';
import { AgencyType, TaskForceRole } from '../taxonomy/agency-type';
import { TaskForce } from '../task-force/task-force.model';
import { HubUser } from './hub-user.model';

/** The policy's capability table as a GraphQL enum (its names are the values). */
const CapabilityEnum = Object.fromEntries(Object.keys(CAPABILITIES).map((name) => [name, name])) as {
  [K in Capability]: K;
};
registerEnumType(CapabilityEnum, {
  name: 'Capability',
  description:
    'What the caller may do to some record of a kind, from the one policy: clients show a screen or an action only for one the caller holds (each operation is still checked)',
});

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

  @Field(() => [CapabilityEnum], {
    description:
      'What the policy lets the caller do (to some record of each kind); not a grant for any one record',
  })
  capabilities: Capability[];
}
