import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@hub/graphql';
import { HubUser } from '../caller/hub-user.model';

@ObjectType({
  description:
    'A user the hub has seen act for an agency, as their verified tokens describe them (identity stays in Keycloak; the hub keeps no passwords)',
})
export class AgencyUser extends HubUser {
  @Field(() => ID)
  agencyId: string;

  @Field()
  firstSeenAt: Date;

  @Field({ description: 'Last request seen, to within a few minutes' })
  lastSeenAt: Date;

  @Field({ description: 'Suspended in the hub by an agency admin: every request is refused' })
  suspended: boolean;

  @Field(() => Date, { nullable: true })
  suspendedAt: Date | null;

  @Field(() => String, { nullable: true })
  suspensionReason: string | null;
}

export const AgencyUserConnection = Paginated(AgencyUser);
export type AgencyUserConnection = InstanceType<typeof AgencyUserConnection>;
