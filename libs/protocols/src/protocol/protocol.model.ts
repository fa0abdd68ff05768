import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Agency, AgencyType } from '@hub/agencies';
import { DateScalar, Paginated, RecordEventFields } from '@hub/graphql';
import { ProtocolCategory, ProtocolState, ProtocolVersionState } from './protocol.enums';

@ObjectType({
  description:
    "One move of a protocol's or a version's status (the record_event log, as ReferralEvent and TechnicalAssistanceEvent)",
})
export class ProtocolEvent extends RecordEventFields {
  @Field(() => String, { nullable: true, description: 'Null for the creation' })
  fromStatus: string | null;

  @Field(() => String, {
    description: 'A ProtocolState for a protocol, a ProtocolVersionState for a version',
  })
  toStatus: string;
}

@ObjectType({ description: "One audience agency's acknowledgement of a published version, or its absence" })
export class ProtocolAcknowledgementStatus {
  @Field(() => ID)
  versionId: string;

  @Field(() => ID)
  agencyId: string;

  @Field(() => Agency)
  agency?: Agency;

  @Field({ description: 'The agency acknowledged this version' })
  acknowledged: boolean;

  @Field(() => Date, { nullable: true })
  acknowledgedAt: Date | null;

  @Field(() => ID, { nullable: true, description: 'The user who acknowledged on behalf of the agency' })
  acknowledgedBy: string | null;
}

@ObjectType({
  description:
    'One version of a protocol. DRAFT versions are visible to the task force coordinators only; once published a version never changes.',
})
export class ProtocolVersion {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  protocolId: string;

  /** Set by the service: the task force of the protocol (for the policy on acknowledgements). */
  taskForceId: string;

  @Field(() => Int, { description: '1, 2, 3… within the protocol' })
  number: number;

  @Field()
  title: string;

  @Field(() => ProtocolCategory)
  category: ProtocolCategory;

  @Field(() => [AgencyType], { description: 'Agency types the version is addressed to' })
  audience: AgencyType[];

  @Field({ description: 'The text, in Markdown' })
  body: string;

  @Field({ description: 'The text as sanitised HTML (no scripts, event handlers or unsafe links)' })
  bodyHtml?: string;

  @Field(() => String, { nullable: true })
  summaryOfChanges: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day from which the version applies' })
  effectiveDate: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day by which it must be reviewed' })
  reviewBy: string | null;

  @Field({ description: 'Past its review-by date while in force (computed when read)' })
  dueForReview: boolean;

  @Field({ description: 'Each audience agency must acknowledge this version' })
  requiresAcknowledgement: boolean;

  @Field(() => ProtocolVersionState)
  state: ProtocolVersionState;

  @Field(() => ID)
  createdBy: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  publishedAt: Date | null;

  @Field(() => ID, { nullable: true })
  publishedBy: string | null;

  @Field(() => Date, { nullable: true })
  supersededAt: Date | null;

  @Field(() => [ProtocolAcknowledgementStatus], {
    description:
      'Per audience agency: acknowledged or outstanding. Coordinators see every agency; a member agency sees its own. Empty for a draft.',
  })
  acknowledgements?: ProtocolAcknowledgementStatus[];

  @Field(() => [ProtocolEvent], {
    description: "The version's moves (drafted, published, superseded, archived), oldest first",
  })
  events?: ProtocolEvent[];
  // `protocol` (the back-reference) is declared by its field resolver: Protocol is defined below.
}

@ObjectType({
  description: 'A task-force protocol (referral, screening, response, information sharing, MOU…)',
})
export class Protocol {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  taskForceId: string;

  @Field(() => ID)
  ownerAgencyId: string;

  @Field(() => Agency, { description: 'The agency that owns the protocol' })
  ownerAgency?: Agency;

  @Field({
    description: 'Title of the current published version (before the first publication, of the draft)',
  })
  title: string;

  @Field(() => ProtocolCategory)
  category: ProtocolCategory;

  @Field(() => [AgencyType])
  audience: AgencyType[];

  @Field(() => ProtocolState)
  state: ProtocolState;

  /** Set by the service, not a field: the policy tells a published protocol's readers from a draft's. */
  firstPublishedAt: Date | null;

  @Field({ description: 'The version in force is past its review-by date (computed when read)' })
  dueForReview: boolean;

  @Field(() => Int, { description: 'Pass back as expectedVersion when changing the protocol' })
  version: number;

  @Field(() => ProtocolVersion, { nullable: true, description: 'The version in force' })
  currentVersion?: ProtocolVersion | null;

  @Field(() => ProtocolVersion, {
    nullable: true,
    description: 'The version being prepared (coordinators only; null for everyone else)',
  })
  draft?: ProtocolVersion | null;

  @Field(() => [ProtocolVersion], { description: 'The versions the caller may see, newest first' })
  versions?: ProtocolVersion[];

  @Field(() => [ProtocolEvent], {
    description:
      "The protocol's moves (created, first published, archived), oldest first; each version has its own",
  })
  events?: ProtocolEvent[];

  @Field(() => ID)
  createdBy: string;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  archivedAt: Date | null;

  @Field(() => String, { nullable: true })
  archiveReason: string | null;
}

@ObjectType({ description: "An agency's acknowledgement of a published protocol version" })
export class ProtocolAcknowledgement {
  @Field(() => ID)
  versionId: string;

  @Field(() => ID)
  protocolId: string;

  @Field(() => ID)
  agencyId: string;

  @Field(() => ID, { description: 'The supervisor or agency admin who acknowledged' })
  acknowledgedBy: string;

  @Field()
  acknowledgedAt: Date;
}

export const ProtocolConnection = Paginated(Protocol);
export type ProtocolConnection = InstanceType<typeof ProtocolConnection>;

export const ProtocolVersionConnection = Paginated(ProtocolVersion);
export type ProtocolVersionConnection = InstanceType<typeof ProtocolVersionConnection>;
