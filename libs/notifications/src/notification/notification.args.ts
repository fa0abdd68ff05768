import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageArgs } from '@hub/graphql';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only those the caller has not marked read' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}
