import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@hub/graphql';

@ObjectType({
  description:
    'A user the hub has seen act for an agency, as their verified tokens describe them (identity stays in Keycloak; the hub keeps no passwords)',
})
export class AgencyUser {
  @Field(() => ID, { description: 'Identity-provider subject' })
  userId: string;

  @Field(() => ID)
  agencyId: string;

  @Field()
  username: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => [String], { description: 'Hub realm roles of the last token seen' })
  roles: string[];

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
