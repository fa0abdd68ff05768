import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Paginated, PageArgs } from '@hub/graphql';
import type { AuditProblemCode } from './audit-seal.service';

export enum AuditDecisionValue {
  ALLOWED = 'ALLOWED',
  DENIED = 'DENIED',
}
registerEnumType(AuditDecisionValue, { name: 'AuditDecision' });

@ObjectType({ description: 'One accounted-for act: a sign-in, a disclosure, a change or a refusal' })
export class AuditEventRecord {
  @Field(() => ID)
  id: string;

  @Field()
  occurredAt: Date;

  @Field(() => String, { nullable: true })
  actorUserId: string | null;

  @Field(() => ID, { nullable: true })
  actorAgencyId: string | null;

  @Field()
  action: string;

  @Field()
  subjectType: string;

  @Field(() => String, { nullable: true })
  subjectId: string | null;

  @Field(() => [String], { description: 'Personal fields disclosed or changed (names, never values)' })
  fields: string[];

  @Field(() => String, { nullable: true })
  purpose: string | null;

  @Field(() => AuditDecisionValue)
  decision: AuditDecisionValue;

  @Field(() => String, { nullable: true })
  reason: string | null;

  @Field(() => String, { nullable: true })
  requestId: string | null;

  @Field(() => [ID])
  subjectAgencyIds: string[];
}

export const AuditEventConnection = Paginated(AuditEventRecord, 'AuditEvent');
export type AuditEventConnection = InstanceType<typeof AuditEventConnection>;

@InputType()
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Actor user id (token subject)' })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  actorUserId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Agency of the actor, or whose records the event concerns',
  })
  @IsOptional()
  @IsUUID()
  agencyId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,64}$/, { message: 'subjectType must be a type name' })
  subjectType?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(128)
  subjectId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[A-Z_]{1,64}$/, { message: 'action must be an action name such as READ_SURVIVOR' })
  action?: string;

  @Field(() => AuditDecisionValue, { nullable: true })
  @IsOptional()
  @IsEnum(AuditDecisionValue)
  decision?: AuditDecisionValue;

  @Field({ nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @Field({ nullable: true })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

@ArgsType()
export class AuditEventsArgs extends PageArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilter)
  filter?: AuditEventFilter;
}

@ArgsType()
export class AuditCsvArgs {
  @Field(() => AuditEventFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditEventFilter)
  filter?: AuditEventFilter;

  @Field(() => Int, {
    nullable: true,
    description: 'At most this many events, newest first (default and cap 10,000)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  limit?: number;
}

@ObjectType()
export class AuditAnchorModel {
  @Field(() => Int)
  seq: number;

  @Field()
  hash: string;
}

@InputType()
export class AuditAnchorInput {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  seq: number;

  @Field()
  @Matches(/^[0-9a-f]{64}$/, { message: 'hash must be 64 hex characters' })
  hash: string;
}

/** Every kind of broken place, each named once (the compiler checks it against the service's union). */
const AUDIT_PROBLEM_CODES: { [K in AuditProblemCode]: K } = {
  SEAL_MISSING: 'SEAL_MISSING',
  SEAL_OUT_OF_CHAIN: 'SEAL_OUT_OF_CHAIN',
  SEAL_EVENT_COUNT: 'SEAL_EVENT_COUNT',
  EVENT_DELETED: 'EVENT_DELETED',
  EVENT_CHANGED: 'EVENT_CHANGED',
  EVENT_INSERTED: 'EVENT_INSERTED',
  SEAL_EVENTS_HASH: 'SEAL_EVENTS_HASH',
  SEAL_ALTERED: 'SEAL_ALTERED',
  ANCHOR_NOT_IN_CHAIN: 'ANCHOR_NOT_IN_CHAIN',
  EVENTS_NEVER_SEALED: 'EVENTS_NEVER_SEALED',
  EVENTS_SEALED_LATE: 'EVENTS_SEALED_LATE',
};
registerEnumType(AUDIT_PROBLEM_CODES, {
  name: 'AuditProblemCode',
  description: 'What broke in the audit trail',
  valuesMap: {
    SEAL_MISSING: { description: 'A seal of the chain is missing (seal: the one expected)' },
    SEAL_OUT_OF_CHAIN: { description: 'A seal does not follow the one before it (seal)' },
    SEAL_EVENT_COUNT: {
      description: 'A seal lists another number of events than it sealed (seal, count: found)',
    },
    EVENT_DELETED: { description: 'A sealed event was deleted (eventId, seal)' },
    EVENT_CHANGED: { description: 'A sealed event was changed (eventId, seal)' },
    EVENT_INSERTED: {
      description: 'An event is dated before the previous seal: inserted afterwards (eventId, seal)',
    },
    SEAL_EVENTS_HASH: { description: 'A seal’s events do not hash to the sealed value (seal)' },
    SEAL_ALTERED: { description: 'A seal was altered (seal)' },
    ANCHOR_NOT_IN_CHAIN: {
      description: 'The chain does not contain the anchor kept: it was rewritten (seal: the anchor’s)',
    },
    EVENTS_NEVER_SEALED: {
      description: 'Events below the newest seal’s horizon were never sealed (seal, count)',
    },
    EVENTS_SEALED_LATE: { description: 'Old events were never sealed: inserted afterwards? (count)' },
  },
});

@ObjectType('AuditProblem', { description: 'The first broken place of the audit trail' })
export class AuditProblemModel {
  @Field(() => AUDIT_PROBLEM_CODES)
  code: AuditProblemCode;

  @Field(() => ID, { nullable: true, description: 'The event it concerns' })
  eventId: string | null;

  @Field(() => Int, { nullable: true, description: 'The seal it concerns' })
  seal: number | null;

  @Field(() => Int, { nullable: true, description: 'How many events it concerns' })
  count: number | null;
}

@ObjectType()
export class AuditVerification {
  @Field()
  ok: boolean;

  @Field(() => String, { nullable: true, description: 'The first broken place, in English' })
  firstProblem: string | null;

  @Field(() => AuditProblemModel, { nullable: true, description: 'The first broken place, as data' })
  problem: AuditProblemModel | null;

  @Field(() => Int)
  sealsChecked: number;

  @Field(() => Int)
  eventsChecked: number;

  @Field(() => Int)
  unsealedEvents: number;

  @Field(() => AuditAnchorModel, {
    nullable: true,
    description: 'Keep it outside the hub; pass it back to verify',
  })
  anchor: AuditAnchorModel | null;
}

@ArgsType()
export class VerifyAuditArgs {
  @Field(() => AuditAnchorInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AuditAnchorInput)
  anchor?: AuditAnchorInput;
}
