import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { AgencyUser } from './agency-user.model';

/** Reinstating names the user (the token subject the hub saw). */
@InputType()
export class ReinstateAgencyUserInput {
  @Field(() => ID, { description: 'The user’s identity-provider subject (AgencyUser.userId)' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  userId: string;
}

@InputType()
export class SuspendAgencyUserInput extends ReinstateAgencyUserInput {
  @Field({ description: 'Why (audited; 1–500 characters)' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}

@ObjectType()
export class AgencyUserPayload {
  @Field(() => AgencyUser)
  user: AgencyUser;
}
