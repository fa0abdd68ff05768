import { Field, ID, ObjectType } from '@nestjs/graphql';

/** A person as their verified token describes them: what `Me` and `AgencyUser` share. */
@ObjectType({ isAbstract: true })
export abstract class HubUser {
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
}
