import { Injectable } from '@nestjs/common';
import { ServiceNeed } from '@hub/agencies';
import { AccessScope } from '@hub/access';
import { Clock } from '@hub/config';
import { DataClass } from '@hub/consents';
import { FieldFromRow, RowModels, RowReader, Tx } from '@hub/database';
import { RecordType } from '@hub/workflow';
import { effectiveStatus, REFERRAL_LIFECYCLE, ReferralTransition } from './referral-lifecycle';
import { DeclinedBy, DeclineReason, ReferralKind, ReferralStatus, Urgency } from './referral.enums';
import { ReferralEntity } from './referral.entity';
import { Referral } from './referral.model';
import { ReferralRepository, ReferralRow } from './referral.repository';

/**
 * Referrals as the workflow kernel sees them (docs/workflow.md), shared by the services that
 * create them (intake, child safety) and the one that reads and moves them.
 */
@Injectable()
export class ReferralRecord
  implements RecordType<ReferralRow, ReferralStatus, ReferralTransition, AccessScope>
{
  readonly lifecycle = REFERRAL_LIFECYCLE;
  readonly entity = ReferralEntity;

  constructor(
    private readonly referrals: ReferralRepository,
    private readonly clock: Clock,
  ) {}

  load(scope: AccessScope, id: string, tx?: Tx): Promise<ReferralRow | null> {
    return this.referrals.findVisible(scope, id, this.clock.now(), tx);
  }

  policyRecord(row: ReferralRow) {
    return referralPolicyRecord(row);
  }

  agencies(row: ReferralRow) {
    return [row.fromAgencyId, row.toAgencyId];
  }

  effectiveStatus(row: ReferralRow): ReferralStatus {
    return statusOf(row, this.clock.now());
  }

  /** A referral never sent is the sender's own business: nobody else hears of it. */
  parties(_scope: AccessScope, row: ReferralRow) {
    return row.sentAt === null ? [] : [row.fromAgencyId, row.toAgencyId];
  }
}

/** What the policy looks at of a referral: a row, or the model a client was given. */
export type ReferralPolicyFields = Pick<ReferralRow, 'id' | 'fromAgencyId' | 'toAgencyId' | 'sentAt'>;

/** What the policy judges of a referral (the mutations and `availableActions` alike). */
export function referralPolicyRecord(referral: ReferralPolicyFields) {
  return {
    id: referral.id,
    fromAgencyId: referral.fromAgencyId,
    toAgencyId: referral.toAgencyId,
    sent: referral.sentAt !== null,
  };
}

/** The status as of `now` (EXPIRED computed on read). */
function statusOf(row: ReferralRow, now: Date): ReferralStatus {
  return effectiveStatus(
    { status: row.status as ReferralStatus, responseDueAt: row.responseDueAt, consentId: row.consentId },
    row.consentLive,
    now,
  );
}

/** A column of a referral row as a page reads it: the entity's, and `consentLive` its query computes. */
export type ReferralColumn = keyof ReferralRow;

/** A row read with some columns only (ReferralRepository.list): those its reader was made for. */
export type ReferralColumnsRow = Partial<ReferralRow>;

/** What the status as of now is computed from (effectiveStatus), as STATUS_SQL is too. */
const STATUS_COLUMNS: readonly ReferralColumn[] = ['status', 'responseDueAt', 'consentId', 'consentLive'];

/**
 * What the policy judges of a referral (referralPolicyRecord): a page reads them whatever is
 * selected, so a judgement of the record in memory never meets a missing column.
 */
const POLICY_COLUMNS: readonly ReferralColumn[] = ['id', 'fromAgencyId', 'toAgencyId', 'sentAt'];

/** The fields of the model made from the row's own columns (the others are resolved from elsewhere). */
type RowField = Exclude<
  keyof Referral,
  'parent' | 'fromAgency' | 'toAgency' | 'survivor' | 'events' | 'lastEvent' | 'messages'
>;

/**
 * Each model field made from the row: the columns it reads and how. The one place a referral
 * becomes what a client sees: `toModel` (every column) and the page's narrower readers
 * (`referralReader`) both build from it.
 */
const FROM_ROW: { [K in RowField]: FieldFromRow<ReferralRow, Date, Referral[K]> } = {
  id: { columns: ['id'], read: (row) => row.id },
  kind: { columns: ['kind'], read: (row) => row.kind as ReferralKind },
  parentReferralId: { columns: ['parentReferralId'], read: (row) => row.parentReferralId },
  fromAgencyId: { columns: ['fromAgencyId'], read: (row) => row.fromAgencyId },
  toAgencyId: { columns: ['toAgencyId'], read: (row) => row.toAgencyId },
  needs: { columns: ['needs'], read: (row) => row.needs as ServiceNeed[] },
  urgency: { columns: ['urgency'], read: (row) => row.urgency as Urgency },
  status: { columns: STATUS_COLUMNS, read: statusOf },
  sentAt: { columns: ['sentAt'], read: (row) => row.sentAt },
  responseDueAt: { columns: ['responseDueAt'], read: (row) => row.responseDueAt },
  notes: { columns: ['notes'], read: (row) => row.notes },
  survivorId: { columns: ['survivorId'], read: (row) => row.survivorId },
  consentId: { columns: ['consentId'], read: (row) => row.consentId },
  sharedClasses: { columns: ['sharedClasses'], read: (row) => row.sharedClasses as DataClass[] },
  language: { columns: ['language'], read: (row) => row.language },
  ageBand: { columns: ['ageBand'], read: (row) => row.ageBand },
  callback: { columns: ['callback'], read: (row) => row.callback },
  legalBasis: { columns: ['legalBasis'], read: (row) => row.legalBasis },
  reportReason: { columns: ['reportReason'], read: (row) => row.reportReason },
  decline: {
    columns: ['declineReason', 'declineReasonText', 'declinedBy'],
    read: (row) =>
      row.declineReason
        ? {
            reason: row.declineReason as DeclineReason,
            text: row.declineReasonText,
            declinedBy: (row.declinedBy ?? DeclinedBy.PROVIDER) as DeclinedBy,
          }
        : null,
  },
  failureReason: { columns: ['failureReason'], read: (row) => row.failureReason },
  outcome: {
    columns: ['outcomeServices', 'outcomeText'],
    read: (row) =>
      row.outcomeServices
        ? { servicesDelivered: row.outcomeServices as ServiceNeed[], text: row.outcomeText }
        : null,
  },
  version: { columns: ['version'], read: (row) => row.version },
  createdAt: { columns: ['createdAt'], read: (row) => row.createdAt },
  updatedAt: { columns: ['updatedAt'], read: (row) => row.updatedAt },
};

/** Every column name a read could ask for (the entity's properties and consentLive). */
const ROW_COLUMNS: Record<ReferralColumn, true> = {
  id: true,
  kind: true,
  parentReferralId: true,
  fromAgencyId: true,
  toAgencyId: true,
  needs: true,
  urgency: true,
  requestedResponseHours: true,
  responseDueAt: true,
  sentAt: true,
  notes: true,
  survivorId: true,
  consentId: true,
  sharedClasses: true,
  language: true,
  ageBand: true,
  callback: true,
  legalBasis: true,
  reportReason: true,
  status: true,
  declineReason: true,
  declineReasonText: true,
  declinedBy: true,
  failureReason: true,
  outcomeServices: true,
  outcomeText: true,
  createdBy: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  consentLive: true,
};

/** Referral models from rows read with some columns (@hub/database's RowModels). */
const REFERRAL_ROWS = new RowModels<ReferralRow, Date, Referral>('Referral', FROM_ROW, ROW_COLUMNS);

/**
 * Every field of the GraphQL type `Referral` (its resolvers in this lib included) with the columns
 * answering it needs: what a page reads for a selection (`referralColumnsFor`). A field resolved
 * from elsewhere needs the columns it looks up by (an agency by its id, events by the referral's).
 * `referrals-cost.e2e-spec.ts` checks it names exactly the schema's fields, and that each field
 * selected alone answers what it answers with every column read.
 */
export const REFERRAL_FIELD_COLUMNS: Readonly<Record<string, readonly ReferralColumn[]>> = {
  ...REFERRAL_ROWS.fieldColumns(),
  __typename: [],
  parent: ['parentReferralId'],
  fromAgency: ['fromAgencyId'],
  toAgency: ['toAgencyId'],
  // The survivor as this referral shares them: the record, and the classes it shares.
  survivor: ['survivorId', 'sharedClasses'],
  survivorActions: ['survivorId'],
  events: ['id'],
  lastEvent: ['id'],
  messages: ['id'],
  // The policy on the record and the lifecycle's moves from its status now (availableActions).
  availableActions: [...POLICY_COLUMNS, ...STATUS_COLUMNS],
};

/** Every column a model is made of: what a page reads for a selection the map does not know. */
export const ALL_REFERRAL_COLUMNS: ReadonlySet<ReferralColumn> = REFERRAL_ROWS.allColumns;

/**
 * The columns a page must read to answer `fields` (the fields selected on each referral): theirs
 * by REFERRAL_FIELD_COLUMNS, the policy's, and what the page's order and cursor need. A field the
 * map does not know — added to the schema without it — reads every column: slower, never wrong.
 */
export function referralColumnsFor(fields: Iterable<string>): ReadonlySet<ReferralColumn> {
  return REFERRAL_ROWS.columnsFor(fields, REFERRAL_FIELD_COLUMNS, [...POLICY_COLUMNS, 'createdAt']);
}

/**
 * The reader for rows of these columns: its models carry the fields whose columns were all read;
 * any other field made from the row throws when read (RowModels).
 */
export function referralReader(columns: ReadonlySet<ReferralColumn>): RowReader<ReferralRow, Date, Referral> {
  return REFERRAL_ROWS.reader(columns);
}

const EVERY_COLUMN = referralReader(ALL_REFERRAL_COLUMNS);

/** The model of a row read whole. */
export function toModel(row: ReferralRow, now: Date): Referral {
  return EVERY_COLUMN.toModel(row, now);
}
