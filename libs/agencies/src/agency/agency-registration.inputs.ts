import { Field, InputType, IntersectionType, PickType } from '@nestjs/graphql';
import { IsEnum, IsString, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IdempotencyKeyField } from '@hub/graphql';
import { AgencyType } from '../taxonomy/agency-type';
import { UpdateAgencyProfileInput } from './update-agency-profile.input';

/** Present (even as null) means "validate it": fields that cannot be cleared refuse null. */
const notUndefined = (_object: unknown, value: unknown) => value !== undefined;

/** The contact fields and flags a registration shares with the profile, validated alike. */
const RegistrationDetails = PickType(UpdateAgencyProfileInput, [
  'description',
  'intakePhone',
  'intakeEmail',
  'website',
  'confidentialLocation',
] as const);

/** A new agency, as a platform administrator registers it; its admins fill in the directory profile. */
@InputType()
export class CreateAgencyInput extends RegistrationDetails {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Field(() => AgencyType)
  @IsEnum(AgencyType)
  type: AgencyType;

  @Field({ description: 'Where it works, e.g. a county' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  jurisdiction: string;

  @IdempotencyKeyField(
    'Retrying with the same key and input returns the same agency; with other input, CONFLICT',
  )
  idempotencyKey?: string;
}

/** Changes to an agency's registration; omitted fields stay as they are. */
@InputType()
export class UpdateAgencyInput extends IntersectionType(
  PickType(UpdateAgencyProfileInput, ['agencyId', 'expectedVersion', 'name'] as const),
  RegistrationDetails,
) {
  @Field(() => AgencyType, {
    nullable: true,
    description: 'Refused while the agency holds a co-lead role its new type cannot',
  })
  @ValidateIf(notUndefined)
  @IsEnum(AgencyType)
  type?: AgencyType;

  @Field({ nullable: true })
  @ValidateIf(notUndefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  jurisdiction?: string;
}

@InputType()
export class DeactivateAgencyInput extends PickType(UpdateAgencyProfileInput, [
  'agencyId',
  'expectedVersion',
] as const) {
  @Field({ description: 'Why (audited; 1–500 characters)' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason: string;
}
