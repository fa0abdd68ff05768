import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Paginated } from '@hub/graphql';

/** Why a session ended before it expired. */
export enum BreakGlassEndReason {
  /** The survivor revoked a consent naming the opener's agency: their "no" ends it at once. */
  CONSENT_REVOKED = 'CONSENT_REVOKED',
  /** The owning agency or the opener ended it. */
  ENDED_EARLY = 'ENDED_EARLY',
}
registerEnumType(BreakGlassEndReason, { name: 'BreakGlassEndReason' });

/** The owning agency's finding on a break-glass use. */
export enum BreakGlassFinding {
  JUSTIFIED = 'JUSTIFIED',
  NOT_JUSTIFIED = 'NOT_JUSTIFIED',
  NEEDS_FOLLOW_UP = 'NEEDS_FOLLOW_UP',
}
registerEnumType(BreakGlassFinding, { name: 'BreakGlassFinding' });

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

  @Field(() => ID, { description: 'The agency of the supervisor who opened it' })
  agencyId: string;

  @Field(() => ID, { description: 'The supervisor who opened it: the only user it opens the record to' })
  openedBy: string;

  @Field()
  reason: string;

  @Field()
  openedAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it ended before it expired' })
  endedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'Who ended it (or revoked the consent that ended it)' })
  endedBy: string | null;

  @Field(() => BreakGlassEndReason, { nullable: true })
  endedReason: BreakGlassEndReason | null;

  @Field(() => String, { nullable: true })
  endedNote: string | null;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => ID, { nullable: true })
  reviewedBy: string | null;

  @Field(() => BreakGlassFinding, { nullable: true })
  reviewFinding: BreakGlassFinding | null;

  @Field(() => String, { nullable: true })
  reviewNote: string | null;
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

@InputType()
export class EndBreakGlassInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field({ description: 'Why it ends now (10–1,000 characters)' })
  @IsString()
  @MinLength(10)
  @MaxLength(1000)
  reason: string;
}

@InputType()
export class ReviewBreakGlassInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => BreakGlassFinding)
  @IsEnum(BreakGlassFinding)
  finding: BreakGlassFinding;

  @Field(() => String, { nullable: true, description: 'What the review found (up to 2,000 characters)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@ObjectType()
export class BreakGlassSessionPayload {
  @Field(() => BreakGlassSession)
  session: BreakGlassSession;
}
