import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { NotificationDelivery } from './notification-delivery';
import { NotificationPreference } from './notification-preference.model';

@InputType()
export class SetNotificationPreferenceInput {
  @Field(() => NotificationDelivery)
  @IsEnum(NotificationDelivery)
  delivery: NotificationDelivery;
}

@ObjectType()
export class SetNotificationPreferencePayload {
  @Field(() => NotificationPreference)
  preference: NotificationPreference;
}
