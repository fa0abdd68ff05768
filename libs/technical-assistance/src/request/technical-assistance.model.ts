import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Agency } from '@hub/agencies';
import { DateScalar, Paginated, RecordEventFields, ThreadMessageFields } from '@hub/graphql';
import {
  TechnicalAssistanceAudience,
  TechnicalAssistanceModality,
  TechnicalAssistancePriority,
  TechnicalAssistanceSessionKind,
  TechnicalAssistanceStatus,
  TechnicalAssistanceTopic,
  TechnicalAssistanceType,
  TechnicalAssistanceUrgency,
} from '../shared/enums';

const NO_PERSONAL_DATA =
  'Free text about practice, never survivor personal data (names, contacts, case details).';

@ObjectType({
  description: 'One transition of a request: who moved it, when, from which status to which, and why',
})
export class TechnicalAssistanceEvent extends RecordEventFields {
  @Field(() => TechnicalAssistanceStatus, { nullable: true, description: 'Null for the submission' })
  fromStatus: TechnicalAssistanceStatus | null;

  @Field(() => TechnicalAssistanceStatus)
  toStatus: TechnicalAssistanceStatus;
}

@ObjectType()
export class TechnicalAssistanceAttendance {
  @Field(() => TechnicalAssistanceAudience)
  audience: TechnicalAssistanceAudience;

  @Field(() => Int, { description: 'Number of attendees of this audience type (a count, never names)' })
  attendees: number;
}

@ObjectType({ description: 'A delivered session: a training when it had attendance, else a consultation' })
export class TechnicalAssistanceSession {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  requestId: string;

  @Field(() => TechnicalAssistanceSessionKind)
  kind: TechnicalAssistanceSessionKind;

  @Field(() => DateScalar, { description: 'The day the session was held' })
  heldOn: string;

  @Field(() => TechnicalAssistanceModality)
  modality: TechnicalAssistanceModality;

  @Field(() => Float)
  hours: number;

  @Field(() => [TechnicalAssistanceAttendance])
  attendance: TechnicalAssistanceAttendance[];

  @Field(() => Int)
  totalAttendees: number;

  @Field(() => [String], { description: 'Titles or links of the materials used or handed out' })
  materials: string[];

  @Field(() => String, { nullable: true, description: NO_PERSONAL_DATA })
  notes: string | null;

  @Field(() => ID)
  recordedBy: string;

  @Field(() => ID)
  recordedByAgencyId: string;

  @Field()
  recordedAt: Date;
}

@ObjectType({ description: "A message in a request's thread, among its parties" })
export class TechnicalAssistanceMessage extends ThreadMessageFields {
  @Field(() => ID)
  requestId: string;

  @Field({ description: NO_PERSONAL_DATA })
  body: string;
}

@ObjectType({
  description:
    "A request for technical assistance (training, consultation, resource review, site visit) from a task force's member agency. Visible only to its parties: the requesting agency, the task force's coordinators and the assigned provider agency (anyone else gets NOT_FOUND). Holds no survivor personal data.",
})
export class TechnicalAssistanceRequest {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  taskForceId: string;

  @Field(() => ID)
  requestingAgencyId: string;

  @Field(() => Agency)
  requestingAgency?: Agency;

  @Field(() => ID, { description: 'The user who asked' })
  requestedBy: string;

  @Field(() => TechnicalAssistanceTopic)
  topic: TechnicalAssistanceTopic;

  @Field(() => TechnicalAssistanceType)
  type: TechnicalAssistanceType;

  @Field(() => TechnicalAssistanceModality)
  modality: TechnicalAssistanceModality;

  @Field({ description: NO_PERSONAL_DATA })
  problemStatement: string;

  @Field()
  whyItMatters: string;

  @Field()
  currentPractice: string;

  @Field()
  desiredOutcome: string;

  @Field(() => DateScalar, { nullable: true })
  preferredStartDate: string | null;

  @Field(() => DateScalar, { nullable: true })
  preferredEndDate: string | null;

  @Field(() => [TechnicalAssistanceAudience])
  audiences: TechnicalAssistanceAudience[];

  @Field(() => Int)
  expectedAttendees: number;

  @Field(() => TechnicalAssistanceUrgency)
  urgency: TechnicalAssistanceUrgency;

  @Field(() => TechnicalAssistanceStatus)
  status: TechnicalAssistanceStatus;

  @Field(() => TechnicalAssistancePriority, {
    nullable: true,
    description: 'Set by the coordinator at triage',
  })
  priority: TechnicalAssistancePriority | null;

  @Field(() => String, { nullable: true })
  triageNote: string | null;

  @Field(() => ID, { nullable: true })
  assignedAgencyId: string | null;

  @Field(() => Agency, { nullable: true, description: 'The TA provider or federal partner delivering' })
  assignedAgency?: Agency | null;

  @Field(() => String, { nullable: true, description: 'The person at the provider agency leading the work' })
  assigneeName: string | null;

  @Field(() => String, { nullable: true })
  deliverySummary: string | null;

  @Field(() => String, { nullable: true })
  declineReason: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "The requester's rating at closing, 1–5 (seen by the provider)",
  })
  rating: number | null;

  @Field(() => String, {
    nullable: true,
    description: "The requester's feedback at closing (seen by the provider)",
  })
  feedback: string | null;

  @Field(() => [TechnicalAssistanceEvent], { description: 'Every transition, oldest first' })
  events?: TechnicalAssistanceEvent[];

  @Field(() => [TechnicalAssistanceSession], { description: 'Sessions delivered, in date order' })
  sessions?: TechnicalAssistanceSession[];

  @Field(() => [TechnicalAssistanceMessage], { description: 'The thread, oldest first' })
  messages?: TechnicalAssistanceMessage[];

  @Field(() => Int, { description: 'Pass back as expectedVersion with the next change' })
  version: number;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

export const TechnicalAssistanceRequestConnection = Paginated(TechnicalAssistanceRequest);
export type TechnicalAssistanceRequestConnection = InstanceType<typeof TechnicalAssistanceRequestConnection>;
