import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@hub/graphql';

@ObjectType({ description: 'A public hotline or help line' })
export class Resource {
  @Field(() => ID)
  id: string;

  @Field(() => ID, {
    nullable: true,
    description: "The task force whose coordinators manage it; null: a national line (the platform's)",
  })
  taskForceId: string | null;

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

  @Field(() => Date, { nullable: true, description: 'When it was retired (it then leaves the public list)' })
  retiredAt: Date | null;

  @Field(() => Int, { description: 'Pass back as expectedVersion when updating or retiring' })
  version: number;
}

export const ResourceConnection = Paginated(Resource);
export type ResourceConnection = InstanceType<typeof ResourceConnection>;

@ObjectType()
export class ResourcePayload {
  @Field(() => Resource)
  resource: Resource;
}
