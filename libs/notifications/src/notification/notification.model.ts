import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Paginated } from '@hub/graphql';

@ObjectType({
  description: "A message to the caller's agency about something that happened; never survivor personal data",
})
export class Notification {
  @Field(() => ID)
  id: string;

  @Field({ description: 'What happened, SCREAMING_CASE (e.g. REFERRAL_RECEIVED)' })
  eventType: string;

  @Field({ description: 'The kind of record it is about (e.g. Referral)' })
  subjectType: string;

  @Field(() => ID, { description: 'The id of the record it is about' })
  subjectId: string;

  @Field()
  message: string;

  @Field()
  createdAt: Date;

  @Field({ description: 'Whether the caller (not the whole agency) has marked it read' })
  read: boolean;
}

export const NotificationConnection = Paginated(Notification);
export type NotificationConnection = InstanceType<typeof NotificationConnection>;
