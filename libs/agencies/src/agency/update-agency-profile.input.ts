import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsLanguageCode } from '../taxonomy/is-language-code.validator';
import { NOTIFICATION_LANGUAGES } from '../taxonomy/languages';
import { ServiceNeed } from '../taxonomy/service-need';
import { Agency } from './agency.model';

@InputType()
export class AgencyAddressInput {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  street: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  region: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  postalCode: string;
}

/** Present (even as null) means "validate it": fields that cannot be cleared refuse null. */
const notUndefined = (_object: unknown, value: unknown) => value !== undefined;

/** Changes to an agency's profile and directory entry; omitted fields stay as they are. */
@InputType()
export class UpdateAgencyProfileInput {
  @Field(() => ID)
  @IsUUID()
  agencyId: string;

  @Field(() => Int, { description: 'The version the client last read; a newer one means CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field({ nullable: true })
  @ValidateIf(notUndefined)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @Field({ nullable: true })
  @ValidateIf(notUndefined)
  @IsString()
  @MaxLength(2000)
  description?: string;

  @Field(() => [ServiceNeed], { nullable: true })
  @ValidateIf(notUndefined)
  @IsEnum(ServiceNeed, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(30)
  services?: ServiceNeed[];

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes' })
  @ValidateIf(notUndefined)
  @IsLanguageCode({ each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  languages?: string[];

  @Field(() => [String], { nullable: true })
  @ValidateIf(notUndefined)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  @ArrayMaxSize(50)
  serviceAreas?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  hours?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()./-]{3,40}$/, { message: 'intakePhone must be a phone number' })
  intakePhone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  intakeEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true })
  @MaxLength(500)
  website?: string | null;

  @Field({ nullable: true, description: 'Language of the e-mail the hub sends the agency: en or es' })
  @ValidateIf(notUndefined)
  @IsIn([...NOTIFICATION_LANGUAGES])
  notificationLanguage?: string;

  @Field(() => AgencyAddressInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AgencyAddressInput)
  address?: AgencyAddressInput | null;

  @Field({ nullable: true })
  @ValidateIf(notUndefined)
  @IsBoolean()
  acceptingReferrals?: boolean;

  @Field({ nullable: true })
  @ValidateIf(notUndefined)
  @IsBoolean()
  confidentialLocation?: boolean;
}

@ObjectType()
export class UpdateAgencyProfilePayload {
  @Field(() => Agency)
  agency: Agency;
}
