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
  IsUUID,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  DirectoryDescription,
  DirectoryHours,
  DirectoryLanguages,
  DirectoryName,
  DirectoryPhone,
  DirectoryServiceAreas,
  DirectoryUrl,
} from '../taxonomy/directory-fields';
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
  @DirectoryName()
  name?: string;

  @Field({ nullable: true })
  @ValidateIf(notUndefined)
  @DirectoryDescription()
  description?: string;

  @Field(() => [ServiceNeed], { nullable: true })
  @ValidateIf(notUndefined)
  @IsEnum(ServiceNeed, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(30)
  services?: ServiceNeed[];

  @Field(() => [String], { nullable: true, description: 'ISO 639-1 codes' })
  @ValidateIf(notUndefined)
  @DirectoryLanguages()
  languages?: string[];

  @Field(() => [String], { nullable: true })
  @ValidateIf(notUndefined)
  @DirectoryServiceAreas()
  serviceAreas?: string[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @DirectoryHours()
  hours?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @DirectoryPhone()
  intakePhone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  intakeEmail?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @DirectoryUrl()
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
