import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsNotIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsLanguageCode, ServiceNeed } from '@hub/agencies';
import { AgeBand, DataClass } from '@hub/consents';
import { PageArgs } from '@hub/graphql';
import { DeclinedBy, DeclineReason, ReferralBox, ReferralStatus, Urgency } from './referral.enums';
import { Referral, ReferralMessage } from './referral.model';

@InputType()
export class CreateReferralInput {
  @Field(() => ID, {
    description:
      'The receiving agency: of type NGO, LAW_ENFORCEMENT, PROSECUTOR, HEALTH or CHILD_WELFARE (TA providers, federal partners and coordinators do not receive referrals: BAD_USER_INPUT, reason RECIPIENT_CANNOT_RECEIVE_REFERRALS)',
  })
  @IsUUID()
  toAgencyId: string;

  @Field(() => [ServiceNeed])
  @IsEnum(ServiceNeed, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  needs: ServiceNeed[];

  @Field(() => Urgency)
  @IsEnum(Urgency)
  urgency: Urgency;

  @Field(() => Int, {
    nullable: true,
    description: 'Hours the recipient has to respond once sent (default per urgency)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  responseHours?: number;

  @Field(() => String, { nullable: true, description: 'For the recipient' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'With a survivor: their record (give consentId and sharedClasses too)',
  })
  @IsOptional()
  @IsUUID()
  survivorId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The consent that covers the recipient for SERVICE and the shared classes',
  })
  @IsOptional()
  @IsUUID()
  consentId?: string;

  @Field(() => [DataClass], { nullable: true })
  @IsOptional()
  @IsEnum(DataClass, { each: true })
  @ArrayUnique()
  sharedClasses?: DataClass[];

  @Field(() => String, {
    nullable: true,
    description: 'De-identified referral: preferred language (ISO 639-1)',
  })
  @IsOptional()
  @IsLanguageCode()
  language?: string;

  @Field(() => AgeBand, { nullable: true, description: 'De-identified referral: age band' })
  @IsOptional()
  @IsEnum(AgeBand)
  ageBand?: AgeBand;

  @Field(() => String, {
    nullable: true,
    description: 'De-identified referral: callback route, no personal data',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  callback?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Sub-referral: the referral my agency received that this one continues',
  })
  @IsOptional()
  @IsUUID()
  parentReferralId?: string;

  @Field(() => String, {
    nullable: true,
    description: 'Retrying with the same key and input returns the same referral; with other input, CONFLICT',
  })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'idempotencyKey may hold letters, digits and . _ : - only' })
  idempotencyKey?: string;
}

/** Every transition names the referral and the version the client saw. */
@InputType()
export class ReferralTransitionInput {
  @Field(() => ID)
  @IsUUID()
  referralId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true, description: 'Why (recorded on the event)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

@InputType()
export class DeclineReferralInput extends ReferralTransitionInput {
  @Field(() => DeclineReason)
  @IsEnum(DeclineReason)
  @IsNotIn([DeclineReason.AGENCY_DEACTIVATED], { message: 'reasonCode AGENCY_DEACTIVATED is the hub’s own' })
  reasonCode: DeclineReason;

  @Field(() => DeclinedBy)
  @IsEnum(DeclinedBy)
  declinedBy: DeclinedBy;
}

@InputType()
export class FailReferralInput extends ReferralTransitionInput {
  @Field({ description: 'Why the survivor could not get help' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MinLength(1)
  @MaxLength(1000)
  failureReason: string;
}

@InputType()
export class ReferralOutcomeInput {
  @Field(() => [ServiceNeed])
  @IsEnum(ServiceNeed, { each: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  servicesDelivered: ServiceNeed[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  text?: string;
}

@InputType()
export class CompleteReferralInput extends ReferralTransitionInput {
  @Field(() => ReferralOutcomeInput)
  @ValidateNested()
  @Type(() => ReferralOutcomeInput)
  outcome: ReferralOutcomeInput;
}

@InputType()
export class AddReferralMessageInput {
  @Field(() => ID)
  @IsUUID()
  referralId: string;

  @Field()
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MinLength(1)
  @MaxLength(4000)
  body: string;
}

@InputType({
  description:
    "A mandatory report about a minor, sent at once: the recipient (law enforcement or child welfare) sees the record's IDENTITY, CONTACT and NARRATIVE for INVESTIGATION for grantDays",
})
export class CreateChildSafetyReferralInput {
  @Field(() => ID, { description: 'A minor whose record my agency owns' })
  @IsUUID()
  survivorId: string;

  @Field(() => ID, { description: 'A law-enforcement or child-welfare agency' })
  @IsUUID()
  toAgencyId: string;

  @Field({ description: 'The legal basis of the mandatory report' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MinLength(1)
  @MaxLength(500)
  legalBasis: string;

  @Field({ description: 'Why the report is made' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MinLength(1)
  @MaxLength(2000)
  reason: string;

  @Field(() => Urgency, { nullable: true, description: 'Default URGENT' })
  @IsOptional()
  @IsEnum(Urgency)
  urgency?: Urgency;

  @Field(() => Int, {
    nullable: true,
    description: 'Days the recipient may see the granted classes (default 30)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  grantDays?: number;
}

@ObjectType()
export class ReferralPayload {
  @Field(() => Referral)
  referral: Referral;
}

@ObjectType()
export class ReferralMessagePayload {
  @Field(() => ReferralMessage)
  message: ReferralMessage;
}

@ArgsType()
export class ReferralsArgs extends PageArgs {
  @Field(() => ReferralBox)
  @IsEnum(ReferralBox)
  box: ReferralBox;

  @Field(() => ReferralStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ReferralStatus)
  status?: ReferralStatus;

  @Field(() => ServiceNeed, { nullable: true })
  @IsOptional()
  @IsEnum(ServiceNeed)
  need?: ServiceNeed;
}
