import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@hub/graphql';

@ObjectType({ description: 'A public hotline or help line' })
export class Resource {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  phone: string;

  @Field(() => String, { nullable: true, description: 'Number or short code for text messages' })
  text: string | null;

  @Field(() => String, { nullable: true })
  chatUrl: string | null;

  @Field()
  hours: string;

  @Field(() => [String])
  languages: string[];

  @Field()
  description: string;
}

export const ResourceConnection = Paginated(Resource);
export type ResourceConnection = InstanceType<typeof ResourceConnection>;
