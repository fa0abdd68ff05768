import { IsLanguageCode } from '@hub/agencies';
import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsDate,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import {
  ConsentObtainedHow,
  ConsentPurpose,
  DataClass,
  GrantorType,
  RevocationChannel,
} from '../shared/enums';

import { Consent } from './consent.model';

@InputType()
export class ConsentGrantorInput {
  @Field(() => GrantorType, {
    description: 'SELF, or for a minor a parent, guardian or legal representative',
  })
  @IsEnum(GrantorType)
  type: GrantorType;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: 'Required when the grantor is not the survivor' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  relationship?: string;

  @Field({
    nullable: true,
    description:
      'Required true when the grantor is not the survivor: the recording worker attests the grantor is not suspected of involvement in the exploitation',
  })
  @IsOptional()
  @IsBoolean()
  notSuspectedAttestation?: boolean;
}

@InputType()
export class ConsentAcknowledgementsInput {
  @Field()
  @IsBoolean()
  rightToRevoke: boolean;

  @Field()
  @IsBoolean()
  notConditionOfService: boolean;

  @Field()
  @IsBoolean()
  redisclosureRisk: boolean;
}

@InputType()
export class RecordConsentInput {
  @Field(() => ID)
  @IsUUID()
  survivorId: string;

  @Field(() => ConsentGrantorInput)
  @ValidateNested()
  @Type(() => ConsentGrantorInput)
  grantor: ConsentGrantorInput;

  @Field(() => [ID], {
    description:
      "Named recipient agencies (1–20), each one whose users can read survivor records for one of the consent's purposes: for SERVICE an NGO, HEALTH or CHILD_WELFARE agency; for INVESTIGATION a LAW_ENFORCEMENT or PROSECUTOR agency. Never the owning agency, and never a FEDERAL_PARTNER, TA_PROVIDER or COORDINATOR agency, whose users never read survivor records (BAD_USER_INPUT, reason RECIPIENT_CANNOT_READ).",
  })
  @IsUUID('all', { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  recipientAgencyIds: string[];

  @Field(() => [ConsentPurpose])
  @IsEnum(ConsentPurpose, { each: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  purposes: ConsentPurpose[];

  @Field(() => [DataClass])
  @IsEnum(DataClass, { each: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  dataClasses: DataClass[];

  @Field({ nullable: true, description: 'Default: now; at most consentRules.maxBackdateDays in the past' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  validFrom?: Date;

  @Field({
    description:
      'Required; at most consentRules.maxValidityDays (the configured cap, default 90) after validFrom and after now',
  })
  @Type(() => Date)
  @IsDate()
  validUntil: Date;

  @Field(() => ConsentObtainedHow)
  @IsEnum(ConsentObtainedHow)
  obtainedHow: ConsentObtainedHow;

  @Field({ description: 'ISO 639-1 language the consent was explained and signed in' })
  @IsLanguageCode()
  language: string;

  @Field()
  @IsBoolean()
  interpreterUsed: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  interpreterName?: string;

  @Field(() => ConsentAcknowledgementsInput)
  @ValidateNested()
  @Type(() => ConsentAcknowledgementsInput)
  acknowledgements: ConsentAcknowledgementsInput;

  @Field({ description: 'Reference to the signed document (e.g. a document-management id)' })
  @IsString()
  @Matches(/\S/, { message: '$property must not be blank' })
  @MinLength(1)
  @MaxLength(200)
  documentReference: string;
}

@InputType()
export class RevokeConsentInput {
  @Field(() => ID)
  @IsUUID()
  consentId: string;

  @Field(() => RevocationChannel, { description: 'How the survivor revoked' })
  @IsEnum(RevocationChannel)
  channel: RevocationChannel;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

@ObjectType()
export class ConsentPayload {
  @Field(() => Consent)
  consent: Consent;
}

@ArgsType()
export class ConsentsArgs {
  @Field(() => ID)
  @IsUUID()
  survivorId: string;
}
