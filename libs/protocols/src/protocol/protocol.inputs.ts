import { ArgsType, Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { AgencyType } from '@hub/agencies';
import { DateScalar, PageArgs } from '@hub/graphql';
import { ProtocolCategory, ProtocolState } from './protocol.enums';
import { Protocol } from './protocol.model';

/** Longest Markdown body of a version, in characters (the migration checks the same). */
export const MAX_PROTOCOL_BODY_LENGTH = 30_000;
export const MAX_PROTOCOL_TITLE_LENGTH = 200;
export const MAX_SUMMARY_OF_CHANGES_LENGTH = 2000;

const NOT_BLANK = /\S/;
const given = (_object: unknown, value: unknown) => value !== undefined;

/** The content of a version as a coordinator writes it. */
@InputType({ isAbstract: true })
abstract class ProtocolContentInput {
  @Field(() => String, {
    nullable: true,
    description: 'What changed since the previous version (≤ 2,000 characters)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_SUMMARY_OF_CHANGES_LENGTH)
  summaryOfChanges?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day from which the version applies (default: the day it is published)',
  })
  @IsOptional()
  effectiveDate?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day by which it must be reviewed; after it the version shows as due for review',
  })
  @IsOptional()
  reviewBy?: string | null;
}

@InputType()
export class CreateProtocolInput extends ProtocolContentInput {
  @Field(() => ID)
  @IsUUID()
  taskForceId: string;

  @Field({ description: `1–${MAX_PROTOCOL_TITLE_LENGTH} characters` })
  @IsString()
  @MaxLength(MAX_PROTOCOL_TITLE_LENGTH)
  @Matches(NOT_BLANK, { message: 'title must not be empty' })
  title: string;

  @Field(() => ProtocolCategory)
  @IsEnum(ProtocolCategory)
  category: ProtocolCategory;

  @Field(() => [AgencyType], { description: 'Agency types the protocol is addressed to (1–8)' })
  @IsEnum(AgencyType, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  audience: AgencyType[];

  @Field({ description: `The text in Markdown, 1–${MAX_PROTOCOL_BODY_LENGTH} characters` })
  @IsString()
  @MaxLength(MAX_PROTOCOL_BODY_LENGTH)
  @Matches(NOT_BLANK, { message: 'body must not be empty' })
  body: string;

  @Field({ nullable: true, description: 'Each audience agency must acknowledge it (default true)' })
  @IsOptional()
  @IsBoolean()
  requiresAcknowledgement?: boolean;

  @Field(() => ID, {
    nullable: true,
    description: "The owning agency, a member of the task force (default: the caller's agency)",
  })
  @IsOptional()
  @IsUUID()
  ownerAgencyId?: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Client-chosen key (8–100 chars): retrying a create with the same key returns the same protocol',
  })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'idempotencyKey may hold letters, digits and . _ : - only' })
  idempotencyKey?: string;
}

@InputType({
  description:
    'Changes to the draft. When the protocol has no draft (its current version is published) a new draft version is started from the published one.',
})
export class UpdateProtocolDraftInput extends ProtocolContentInput {
  @Field(() => ID)
  @IsUUID()
  protocolId: string;

  @Field(() => Int, {
    description: "The protocol's version the client last read; a newer one means CONFLICT",
  })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @ValidateIf(given)
  @IsString()
  @MaxLength(MAX_PROTOCOL_TITLE_LENGTH)
  @Matches(NOT_BLANK, { message: 'title must not be empty' })
  title?: string;

  @Field(() => ProtocolCategory, { nullable: true })
  @ValidateIf(given)
  @IsEnum(ProtocolCategory)
  category?: ProtocolCategory;

  @Field(() => [AgencyType], { nullable: true })
  @ValidateIf(given)
  @IsEnum(AgencyType, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(8)
  @ArrayUnique()
  audience?: AgencyType[];

  @Field(() => String, { nullable: true })
  @ValidateIf(given)
  @IsString()
  @MaxLength(MAX_PROTOCOL_BODY_LENGTH)
  @Matches(NOT_BLANK, { message: 'body must not be empty' })
  body?: string;

  @Field(() => Boolean, { nullable: true })
  @ValidateIf(given)
  @IsBoolean()
  requiresAcknowledgement?: boolean;
}

@InputType()
export class PublishProtocolVersionInput {
  @Field(() => ID, { description: 'The draft version to publish' })
  @IsUUID()
  versionId: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "The protocol's version the client reviewed: publishing a draft someone changed since is a CONFLICT",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;
}

@InputType()
export class ArchiveProtocolInput {
  @Field(() => ID)
  @IsUUID()
  protocolId: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @Field(() => String, { nullable: true, description: '≤ 1,000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

@ObjectType()
export class ProtocolPayload {
  @Field(() => Protocol)
  protocol: Protocol;
}

@ArgsType()
export class ProtocolPreviewArgs {
  @Field({ description: `Markdown, up to ${MAX_PROTOCOL_BODY_LENGTH} characters` })
  @IsString()
  @MaxLength(MAX_PROTOCOL_BODY_LENGTH)
  body: string;
}

@ObjectType({ description: 'A Markdown body rendered as a published version would be' })
export class ProtocolPreview {
  @Field({ description: 'The text as sanitised HTML (no scripts, event handlers or unsafe links)' })
  bodyHtml: string;
}

@ArgsType()
export class ProtocolsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: "One task force (default: all of the caller's)" })
  @IsOptional()
  @IsUUID()
  taskForceId?: string;

  @Field(() => ProtocolCategory, { nullable: true })
  @IsOptional()
  @IsEnum(ProtocolCategory)
  category?: ProtocolCategory;

  @Field(() => ProtocolState, { nullable: true })
  @IsOptional()
  @IsEnum(ProtocolState)
  state?: ProtocolState;

  @Field(() => String, {
    nullable: true,
    description:
      'Words in the title or text of the version in force (web-search syntax: "quoted phrase", -not, or)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  @Matches(NOT_BLANK, { message: 'text must not be empty' })
  text?: string;
}
