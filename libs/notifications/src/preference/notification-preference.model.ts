import { Field, ObjectType } from '@nestjs/graphql';
import { NotificationDelivery } from './notification-delivery';

@ObjectType({ description: "How the caller hears of their agency's notifications" })
export class NotificationPreference {
  @Field(() => NotificationDelivery)
  delivery: NotificationDelivery;

  @Field(() => String, {
    nullable: true,
    description:
      'Where e-mail goes: the address of the token the preference was set with (null: in the hub only)',
  })
  email: string | null;

  @Field(() => Date, { nullable: true, description: 'Null until the caller first chooses' })
  updatedAt: Date | null;
}
