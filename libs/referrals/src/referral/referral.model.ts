import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Agency, ServiceNeed } from '@hub/agencies';
import { DataClass, Survivor } from '@hub/consents';
import { PageInfo, RecordEventFields, ThreadMessageFields } from '@hub/graphql';
import { DeclinedBy, DeclineReason, ReferralKind, ReferralStatus, Urgency } from './referral.enums';

@ObjectType()
export class ReferralEvent extends RecordEventFields {
  @Field(() => ReferralStatus, { nullable: true })
  fromStatus: ReferralStatus | null;

  @Field(() => ReferralStatus)
  toStatus: ReferralStatus;
}

@ObjectType()
export class ReferralMessage extends ThreadMessageFields {
  @Field()
  body: string;
}

@ObjectType({ description: 'What the receiving agency did: the sender always sees it (closed loop)' })
export class ReferralOutcome {
  @Field(() => [ServiceNeed])
  servicesDelivered: ServiceNeed[];

  @Field(() => String, { nullable: true })
  text: string | null;
}

@ObjectType()
export class ReferralDecline {
  @Field(() => DeclineReason)
  reason: DeclineReason;

  @Field(() => String, { nullable: true })
  text: string | null;

  @Field(() => DeclinedBy)
  declinedBy: DeclinedBy;
}

@ObjectType({
  description:
    'A referral between agencies. With a survivor it shares the classes named (what the live consent grant allows); without one it is de-identified: needs, urgency, language, age band and a callback route.',
})
export class Referral {
  @Field(() => ID)
  id: string;

  @Field(() => ReferralKind)
  kind: ReferralKind;

  @Field(() => ID, {
    nullable: true,
    description:
      'Sub-referral: the referral it continues, only when the caller may see that one (null otherwise)',
  })
  parentReferralId: string | null;

  @Field(() => Referral, {
    nullable: true,
    description:
      'Sub-referral: the referral it continues, only when the caller may see it (the onward recipient does not)',
  })
  parent?: Referral | null;

  @Field(() => ID)
  fromAgencyId: string;

  @Field(() => ID)
  toAgencyId: string;

  @Field(() => Agency)
  fromAgency?: Agency;

  @Field(() => Agency)
  toAgency?: Agency;

  @Field(() => [ServiceNeed])
  needs: ServiceNeed[];

  @Field(() => Urgency)
  urgency: Urgency;

  @Field(() => ReferralStatus, { description: 'As of now (EXPIRED computed on read)' })
  status: ReferralStatus;

  @Field(() => Date, {
    nullable: true,
    description: 'When it was sent; null while a draft (or withdrawn unsent)',
  })
  sentAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Set when sent: the default per urgency unless asked otherwise',
  })
  responseDueAt: Date | null;

  @Field(() => String, { nullable: true })
  notes: string | null;

  @Field(() => ID, { nullable: true })
  survivorId: string | null;

  @Field(() => Survivor, {
    nullable: true,
    description: 'Null when de-identified or no longer visible to the caller',
  })
  survivor?: Survivor | null;

  @Field(() => ID, { nullable: true })
  consentId: string | null;

  @Field(() => [DataClass])
  sharedClasses: DataClass[];

  @Field(() => String, { nullable: true, description: 'De-identified: preferred language (ISO 639-1)' })
  language: string | null;

  @Field(() => String, { nullable: true, description: 'De-identified: age band' })
  ageBand: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'De-identified: how the recipient reaches back (no personal data)',
  })
  callback: string | null;

  @Field(() => String, { nullable: true, description: 'Child-safety: the legal basis of the report' })
  legalBasis: string | null;

  @Field(() => String, { nullable: true, description: 'Child-safety: why the report is made' })
  reportReason: string | null;

  @Field(() => ReferralDecline, { nullable: true })
  decline: ReferralDecline | null;

  @Field(() => String, { nullable: true })
  failureReason: string | null;

  @Field(() => ReferralOutcome, { nullable: true })
  outcome: ReferralOutcome | null;

  @Field(() => [ReferralEvent])
  events?: ReferralEvent[];

  @Field(() => ReferralEvent, { nullable: true })
  lastEvent?: ReferralEvent | null;

  @Field(() => [ReferralMessage])
  messages?: ReferralMessage[];

  @Field(() => Int, { description: 'Pass back as expectedVersion with the next transition' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

@ObjectType()
export class ReferralEdge {
  @Field()
  cursor: string;

  @Field(() => Referral)
  node: Referral;
}

@ObjectType({ description: 'How many referrals are in each box for the caller' })
export class ReferralBoxCounts {
  @Field(() => Int)
  received: number;

  @Field(() => Int)
  sent: number;

  @Field(() => Int)
  needsAction: number;

  @Field(() => Int, { description: 'Referrals my agency made and never sent' })
  drafts: number;
}

@ObjectType()
export class ReferralConnection {
  @Field(() => [ReferralEdge])
  edges: ReferralEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** Counted only when the request selects it (ReferralResolver.referrals). */
  @Field(() => ReferralBoxCounts)
  counts?: ReferralBoxCounts;
}
