import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Paginated } from '@hub/graphql';

@ObjectType({
  description: 'A break-glass use: time-boxed, reasoned, audited, reviewed by the owning agency',
})
export class BreakGlassSession {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  survivorId: string;

  @Field(() => ID)
  ownerAgencyId: string;

  @Field(() => ID, { description: 'The agency that opened it' })
  agencyId: string;

  @Field(() => ID)
  openedBy: string;

  @Field()
  reason: string;

  @Field()
  openedAt: Date;

  @Field()
  expiresAt: Date;
}

export const BreakGlassSessionConnection = Paginated(BreakGlassSession);
export type BreakGlassSessionConnection = InstanceType<typeof BreakGlassSessionConnection>;

@InputType()
export class OpenBreakGlassInput {
  @Field(() => ID)
  @IsUUID()
  survivorId: string;

  @Field({ description: 'The imminent danger (20–1,000 characters)' })
  @IsString()
  @MinLength(20)
  @MaxLength(1000)
  reason: string;
}

@ObjectType()
export class OpenBreakGlassPayload {
  @Field(() => BreakGlassSession)
  session: BreakGlassSession;
}
