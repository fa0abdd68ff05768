import { DateScalar } from '@hub/graphql';
import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsLanguageCode, ServiceNeed } from '@hub/agencies';
import { NeedPriority } from '../shared/enums';

@InputType()
export class SafeContactInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  safeTimes?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  safeMethod?: string | null;

  @Field()
  @IsBoolean()
  doNotContact: boolean;
}

@InputType()
export class AssessedNeedInput {
  @Field(() => ServiceNeed)
  @IsEnum(ServiceNeed)
  need: ServiceNeed;

  @Field(() => NeedPriority)
  @IsEnum(NeedPriority)
  priority: NeedPriority;
}

/**
 * The personal fields of a survivor record, grouped by data class. On create, omitted means
 * unknown; on update, omitted means unchanged and null clears.
 */
@InputType({ isAbstract: true })
export abstract class SurvivorDataInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  givenName?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  familyName?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  @ArrayMaxSize(10)
  aliases?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Not in the future' })
  @IsOptional()
  dateOfBirth?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  gender?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\+?[0-9 ()./-]{3,40}$/, { message: 'phone must be a phone number' })
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string | null;

  @Field(() => SafeContactInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => SafeContactInput)
  safeContact?: SafeContactInput | null;

  @Field(() => [AssessedNeedInput], {
    nullable: true,
    description: 'Intake needs assessment, one entry per need',
  })
  @IsOptional()
  @ArrayMaxSize(25)
  @ValidateNested({ each: true })
  @Type(() => AssessedNeedInput)
  needs?: AssessedNeedInput[] | null;

  @Field(() => String, { nullable: true, description: 'ISO 639-1' })
  @IsOptional()
  @IsLanguageCode()
  preferredLanguage?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  interpreterNeeded?: boolean | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  situationSummary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  caseNotes?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  immigrationStatus?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  immigrationDocuments?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  medicalNotes?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  mentalHealthNotes?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  substanceUseNotes?: string | null;
}
