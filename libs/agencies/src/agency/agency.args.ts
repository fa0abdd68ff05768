import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageArgs } from '@hub/graphql';
import { AgencyType } from '../taxonomy/agency-type';
import { IsLanguageCode } from '../taxonomy/is-language-code.validator';
import { ServiceNeed } from '../taxonomy/service-need';

@ArgsType()
export class AgenciesArgs extends PageArgs {
  @Field(() => AgencyType, { nullable: true })
  @IsOptional()
  @IsEnum(AgencyType)
  type?: AgencyType;
}

/** Public directory search: every filter given must match. */
@ArgsType()
export class DirectoryArgs extends PageArgs {
  @Field(() => ServiceNeed, { nullable: true, description: 'Agencies offering this service' })
  @IsOptional()
  @IsEnum(ServiceNeed)
  need?: ServiceNeed;

  @Field(() => String, { nullable: true, description: 'ISO 639-1 code of a language spoken' })
  @IsOptional()
  @IsLanguageCode()
  language?: string;

  @Field(() => String, { nullable: true, description: 'A place served, matched exactly, case-insensitive' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  area?: string;

  @Field(() => Boolean, { nullable: true, description: 'Only agencies accepting referrals now' })
  @IsOptional()
  @IsBoolean()
  acceptingOnly?: boolean;
}
