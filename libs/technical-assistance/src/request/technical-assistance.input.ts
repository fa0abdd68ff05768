import { ArgsType, Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsNumber,
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
import { DateScalar, PageArgs } from '@hub/graphql';
import {
  TechnicalAssistanceAudience,
  TechnicalAssistanceModality,
  TechnicalAssistancePriority,
  TechnicalAssistanceScope,
  TechnicalAssistanceStatus,
  TechnicalAssistanceTopic,
  TechnicalAssistanceType,
  TechnicalAssistanceUrgency,
} from '../shared/enums';
import {
  TechnicalAssistanceMessage,
  TechnicalAssistanceRequest,
  TechnicalAssistanceSession,
} from './technical-assistance.model';

/** Most attendees a request may expect, and a session may count (all audiences together). */
export const MAX_ATTENDEES = 1000;
/** Longest session on one day. */
export const MAX_SESSION_HOURS = 24;

const NOT_PERSONAL =
  'Describe practice, not people: never survivor personal data (names, contacts, case details).';
const NOT_BLANK = /\S/;

/** A required free-text field of 1–`max` characters that is not only whitespace. */
function Text(max: number): PropertyDecorator {
  return (target, key) => {
    IsString()(target, key);
    MinLength(1)(target, key);
    MaxLength(max)(target, key);
    Matches(NOT_BLANK, { message: `${String(key)} must not be blank` })(target, key);
  };
}

@InputType({ description: `Ask the task force for technical assistance. ${NOT_PERSONAL}` })
export class RequestTechnicalAssistanceInput {
  @Field(() => ID, {
    nullable: true,
    description:
      "The task force asked; default: the caller's agency's task force when it belongs to exactly one",
  })
  @IsOptional()
  @IsUUID()
  taskForceId?: string;

  @Field(() => TechnicalAssistanceTopic)
  @IsEnum(TechnicalAssistanceTopic)
  topic: TechnicalAssistanceTopic;

  @Field(() => TechnicalAssistanceType)
  @IsEnum(TechnicalAssistanceType)
  type: TechnicalAssistanceType;

  @Field(() => TechnicalAssistanceModality)
  @IsEnum(TechnicalAssistanceModality)
  modality: TechnicalAssistanceModality;

  @Field({ description: `The problem to solve (1–4000 characters). ${NOT_PERSONAL}` })
  @Text(4000)
  problemStatement: string;

  @Field({ description: `Why it matters to the agency and to survivors (1–4000). ${NOT_PERSONAL}` })
  @Text(4000)
  whyItMatters: string;

  @Field({ description: `What the agency does today (1–4000). ${NOT_PERSONAL}` })
  @Text(4000)
  currentPractice: string;

  @Field({ description: `What should be different afterwards (1–4000). ${NOT_PERSONAL}` })
  @Text(4000)
  desiredOutcome: string;

  @Field(() => DateScalar, { nullable: true, description: 'Earliest preferred date, not in the past' })
  @IsOptional()
  preferredStartDate?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Latest preferred date, not before preferredStartDate',
  })
  @IsOptional()
  preferredEndDate?: string;

  @Field(() => [TechnicalAssistanceAudience], { description: 'Who the help is for (1–10, no repeats)' })
  @IsEnum(TechnicalAssistanceAudience, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ArrayUnique()
  audiences: TechnicalAssistanceAudience[];

  @Field(() => Int, { description: `Expected attendees, 1–${MAX_ATTENDEES}` })
  @IsInt()
  @Min(1)
  @Max(MAX_ATTENDEES)
  expectedAttendees: number;

  @Field(() => TechnicalAssistanceUrgency)
  @IsEnum(TechnicalAssistanceUrgency)
  urgency: TechnicalAssistanceUrgency;

  @Field(() => String, {
    nullable: true,
    description: 'Client-chosen key (8–100 chars): retrying with the same key returns the same request',
  })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(100)
  @Matches(/^[A-Za-z0-9._:-]+$/, { message: 'idempotencyKey may hold letters, digits and . _ : - only' })
  idempotencyKey?: string;
}

/** What every change of a request carries: which request, and the version the client last read. */
@InputType({ isAbstract: true })
export class TechnicalAssistanceChangeInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field(() => Int, { description: 'The version the client last read; a newer one means CONFLICT' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}

@InputType()
export class TriageTechnicalAssistanceInput extends TechnicalAssistanceChangeInput {
  @Field(() => TechnicalAssistancePriority)
  @IsEnum(TechnicalAssistancePriority)
  priority: TechnicalAssistancePriority;

  @Field(() => String, { nullable: true, description: 'Up to 2000 characters' })
  @IsOptional()
  @Text(2000)
  note?: string;
}

@InputType()
export class AssignTechnicalAssistanceInput extends TechnicalAssistanceChangeInput {
  @Field(() => ID, { description: 'A TA_PROVIDER or FEDERAL_PARTNER agency' })
  @IsUUID()
  agencyId: string;

  @Field(() => String, { nullable: true, description: 'Optionally, the person there who will lead the work' })
  @IsOptional()
  @Text(200)
  assigneeName?: string;

  @Field(() => String, { nullable: true, description: 'Up to 2000 characters' })
  @IsOptional()
  @Text(2000)
  note?: string;
}

@InputType()
export class StartTechnicalAssistanceInput extends TechnicalAssistanceChangeInput {}

@InputType()
export class TechnicalAssistanceAttendanceInput {
  @Field(() => TechnicalAssistanceAudience)
  @IsEnum(TechnicalAssistanceAudience)
  audience: TechnicalAssistanceAudience;

  @Field(() => Int, {
    description: `Attendees of this audience type, 0–${MAX_ATTENDEES} (a count, never names)`,
  })
  @IsInt()
  @Min(0)
  @Max(MAX_ATTENDEES)
  attendees: number;
}

@InputType({ description: `A session delivered. ${NOT_PERSONAL}` })
export class RecordTechnicalAssistanceSessionInput extends TechnicalAssistanceChangeInput {
  @Field(() => DateScalar, { description: 'Not in the future, not before the request was made' })
  @IsString()
  heldOn: string;

  @Field(() => TechnicalAssistanceModality)
  @IsEnum(TechnicalAssistanceModality)
  modality: TechnicalAssistanceModality;

  @Field(() => Float, { description: `More than 0, at most ${MAX_SESSION_HOURS}, in steps of 0.01` })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0.01)
  @Max(MAX_SESSION_HOURS)
  hours: number;

  @Field(() => [TechnicalAssistanceAttendanceInput], {
    nullable: true,
    description: `Attendance by audience type (each audience once; ${MAX_ATTENDEES} in all at most). With attendance the session is a training.`,
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => TechnicalAssistanceAttendanceInput)
  @ArrayMaxSize(10)
  @ArrayUnique((entry: TechnicalAssistanceAttendanceInput) => entry.audience, {
    message: 'attendance must name each audience once',
  })
  attendance?: TechnicalAssistanceAttendanceInput[];

  @Field(() => [String], {
    nullable: true,
    description: 'Titles or links of materials (up to 20, 300 characters each)',
  })
  @IsOptional()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  @Matches(NOT_BLANK, { each: true, message: 'materials must not hold blank entries' })
  @ArrayMaxSize(20)
  materials?: string[];

  @Field(() => String, { nullable: true, description: `Up to 4000 characters. ${NOT_PERSONAL}` })
  @IsOptional()
  @Text(4000)
  notes?: string;
}

@InputType()
export class DeliverTechnicalAssistanceInput extends TechnicalAssistanceChangeInput {
  @Field(() => String, { nullable: true, description: `What was delivered (up to 4000). ${NOT_PERSONAL}` })
  @IsOptional()
  @Text(4000)
  summary?: string;
}

@InputType()
export class CloseTechnicalAssistanceInput extends TechnicalAssistanceChangeInput {
  @Field(() => Int, { description: 'Did it help? 1 (not at all) – 5 (very much); the provider sees it' })
  @IsInt()
  @Min(1)
  @Max(5)
  rating: number;

  @Field(() => String, {
    nullable: true,
    description: `Up to 4000 characters; the provider sees it. ${NOT_PERSONAL}`,
  })
  @IsOptional()
  @Text(4000)
  feedback?: string;
}

@InputType()
export class DeclineTechnicalAssistanceInput extends TechnicalAssistanceChangeInput {
  @Field({ description: 'Why the task force will not take it up (1–1000 characters)' })
  @Text(1000)
  reason: string;
}

@InputType()
export class WithdrawTechnicalAssistanceInput extends TechnicalAssistanceChangeInput {
  @Field(() => String, { nullable: true, description: 'Up to 1000 characters' })
  @IsOptional()
  @Text(1000)
  reason?: string;
}

@InputType()
export class AddTechnicalAssistanceMessageInput {
  @Field(() => ID)
  @IsUUID()
  requestId: string;

  @Field({ description: `1–4000 characters. ${NOT_PERSONAL}` })
  @Text(4000)
  body: string;
}

@ObjectType()
export class TechnicalAssistanceRequestPayload {
  @Field(() => TechnicalAssistanceRequest)
  request: TechnicalAssistanceRequest;
}

@ObjectType()
export class RecordTechnicalAssistanceSessionPayload {
  @Field(() => TechnicalAssistanceRequest)
  request: TechnicalAssistanceRequest;

  @Field(() => TechnicalAssistanceSession)
  session: TechnicalAssistanceSession;
}

@ObjectType()
export class AddTechnicalAssistanceMessagePayload {
  @Field(() => TechnicalAssistanceMessage)
  message: TechnicalAssistanceMessage;
}

@ArgsType()
export class TechnicalAssistanceRequestsArgs extends PageArgs {
  @Field(() => TechnicalAssistanceStatus, { nullable: true })
  @IsOptional()
  @IsEnum(TechnicalAssistanceStatus)
  status?: TechnicalAssistanceStatus;

  @Field(() => TechnicalAssistanceTopic, { nullable: true })
  @IsOptional()
  @IsEnum(TechnicalAssistanceTopic)
  topic?: TechnicalAssistanceTopic;

  @Field(() => TechnicalAssistanceScope, {
    nullable: true,
    description: 'Default: every request the caller may see',
  })
  @IsOptional()
  @IsEnum(TechnicalAssistanceScope)
  scope?: TechnicalAssistanceScope;
}
