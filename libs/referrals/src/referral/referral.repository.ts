import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessWhere, SqlSubjectMap } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { liveConsentGrantSql } from '@hub/consents';
import { allOf, namedQuery, Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { ReferralEntity } from './referral.entity';
import { ReferralBox } from './referral.enums';

type Row = Record<string, unknown>;

/** A referral row as read: with whether its consent still covers the recipient. */
export type ReferralRow = ReferralEntity & { consentLive: boolean };

/** Boxes page newest first (referral_received_idx, referral_sent_idx end in created_at, id). */
const NEWEST_FIRST = new Keyset(
  [
    { sql: 'r.created_at', kind: 'timestamp' },
    { sql: 'r.id', kind: 'uuid' },
  ],
  'DESC',
);

const at = (now: Date) => `'${now.toISOString()}'::timestamptz`;

/** SQL for the status as of `now` (EXPIRED computed), as effectiveStatus() does in memory. */
function statusSql(now: Date): string {
  return `(CASE WHEN r.status IN ('SENT', 'ACKNOWLEDGED') AND (
      (r.response_due_at IS NOT NULL AND r.response_due_at <= ${at(now)})
      OR (r.consent_id IS NOT NULL AND NOT ${liveConsentGrantSql('r.consent_id', 'r.to_agency_id', now)}))
    THEN 'EXPIRED' ELSE r.status END)`;
}

function columns(now: Date): string {
  return `r.*, (r.consent_id IS NULL OR ${liveConsentGrantSql('r.consent_id', 'r.to_agency_id', now)}) AS consent_live`;
}

const REFERRAL_SQL: SqlSubjectMap = {
  fields: {
    id: { sql: 'r.id', kind: 'scalar' },
    fromAgencyId: { sql: 'r.from_agency_id', kind: 'scalar' },
    toAgencyId: { sql: 'r.to_agency_id', kind: 'scalar' },
    sent: { sql: '(r.sent_at IS NOT NULL)', kind: 'scalar' },
  },
};

function toRow(row: Row): ReferralRow {
  return {
    id: row.id as string,
    kind: row.kind as string,
    parentReferralId: row.parent_referral_id as string | null,
    fromAgencyId: row.from_agency_id as string,
    toAgencyId: row.to_agency_id as string,
    needs: row.needs as string[],
    urgency: row.urgency as string,
    requestedResponseHours: row.requested_response_hours as number | null,
    responseDueAt: row.response_due_at as Date | null,
    sentAt: row.sent_at as Date | null,
    notes: row.notes as string | null,
    survivorId: row.survivor_id as string | null,
    consentId: row.consent_id as string | null,
    sharedClasses: (row.shared_classes as string[] | null) ?? [],
    language: row.language as string | null,
    ageBand: row.age_band as string | null,
    callback: row.callback as string | null,
    legalBasis: row.legal_basis as string | null,
    reportReason: row.report_reason as string | null,
    status: row.status as string,
    declineReason: row.decline_reason as string | null,
    declineReasonText: row.decline_reason_text as string | null,
    declinedBy: row.declined_by as string | null,
    failureReason: row.failure_reason as string | null,
    outcomeServices: row.outcome_services as string[] | null,
    outcomeText: row.outcome_text as string | null,
    createdBy: row.created_by as string,
    version: row.version as number,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    consentLive: (row.consent_live as boolean | undefined) ?? true,
  };
}

export type NewReferral = Omit<
  ReferralEntity,
  | 'id'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
  | 'declineReason'
  | 'declineReasonText'
  | 'declinedBy'
  | 'failureReason'
  | 'outcomeServices'
  | 'outcomeText'
>;

/**
 * Every query on referrals. Reads take the caller's access scope and
 * apply the policy as SQL, so an inbox pages over exactly the referrals the caller may see.
 */
@Injectable()
export class ReferralRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findVisible(
    scope: AccessScope,
    id: string,
    now: Date,
    tx: Tx = this.dataSource.manager,
  ): Promise<ReferralRow | null> {
    const access = accessWhere(scope.ability, 'read', 'Referral', REFERRAL_SQL);
    const rows = await namedQuery<Row>(
      tx,
      `SELECT ${columns(now)} FROM referral r WHERE r.id = :id AND ${access.sql}`,
      {
        id,
        ...access.params,
      },
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  /**
   * One page of a box, newest first. RECEIVED and SENT are served by referral_received_idx and
   * referral_sent_idx; NEEDS_ACTION by referral_received_open_idx.
   */
  async list(
    scope: AccessScope,
    agencyId: string,
    filter: { box: ReferralBox; status?: string; need?: string },
    args: PageArgs,
    now: Date,
  ): Promise<Connection<ReferralRow>> {
    const page = NEWEST_FIRST.page(args);
    const where = allOf(
      this.boxSql(filter.box, now),
      filter.status && { sql: `${statusSql(now)} = :status`, params: { status: filter.status } },
      filter.need && { sql: 'r.needs @> ARRAY[CAST(:need AS text)]', params: { need: filter.need } },
      page.after,
      accessWhere(scope.ability, 'read', 'Referral', REFERRAL_SQL),
    );
    const rows = await namedQuery<Row>(
      this.dataSource.manager,
      `SELECT ${columns(now)}, ${page.select} FROM referral r WHERE ${where.sql}
        ORDER BY ${page.orderBy} LIMIT :limit`,
      { ...where.params, agencyId, limit: page.limit },
    );
    return NEWEST_FIRST.connection(rows, page, toRow);
  }

  /** The size of each box for the caller's agency, in one statement. */
  async counts(
    scope: AccessScope,
    agencyId: string,
    now: Date,
  ): Promise<{ received: number; sent: number; needsAction: number; drafts: number }> {
    const access = accessWhere(scope.ability, 'read', 'Referral', REFERRAL_SQL);
    const [row] = await namedQuery<{ received: number; sent: number; needs_action: number; drafts: number }>(
      this.dataSource.manager,
      `SELECT count(*) FILTER (WHERE ${this.boxSql(ReferralBox.RECEIVED, now)})::int AS received,
              count(*) FILTER (WHERE ${this.boxSql(ReferralBox.SENT, now)})::int AS sent,
              count(*) FILTER (WHERE ${this.boxSql(ReferralBox.NEEDS_ACTION, now)})::int AS needs_action,
              count(*) FILTER (WHERE ${this.boxSql(ReferralBox.DRAFTS, now)})::int AS drafts
         FROM referral r WHERE (r.to_agency_id = :agencyId OR r.from_agency_id = :agencyId) AND ${access.sql}`,
      { agencyId, ...access.params },
    );
    return { received: row.received, sent: row.sent, needsAction: row.needs_action, drafts: row.drafts };
  }

  /** `:agencyId` is the caller's agency. A referral never sent is in DRAFTS only: the sender's own business. */
  private boxSql(box: ReferralBox, now: Date): string {
    switch (box) {
      case ReferralBox.RECEIVED:
        return `(r.to_agency_id = :agencyId AND r.sent_at IS NOT NULL)`;
      case ReferralBox.SENT:
        return `(r.from_agency_id = :agencyId AND r.sent_at IS NOT NULL)`;
      case ReferralBox.DRAFTS:
        return `(r.from_agency_id = :agencyId AND r.sent_at IS NULL)`;
      case ReferralBox.NEEDS_ACTION:
        return `(r.to_agency_id = :agencyId AND r.status IN ('SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'IN_PROGRESS') AND (
          ${statusSql(now)} IN ('SENT', 'ACKNOWLEDGED')
          OR (r.status IN ('ACCEPTED', 'IN_PROGRESS') AND r.response_due_at IS NOT NULL AND r.response_due_at < ${at(now)})))`;
    }
  }

  /** Inserts with the id createOnce chose. */
  async insert(tx: Tx, id: string, referral: NewReferral, now: Date): Promise<ReferralRow> {
    const values: Record<string, unknown> = {
      id,
      kind: referral.kind,
      parent_referral_id: referral.parentReferralId,
      from_agency_id: referral.fromAgencyId,
      to_agency_id: referral.toAgencyId,
      needs: referral.needs,
      urgency: referral.urgency,
      requested_response_hours: referral.requestedResponseHours,
      response_due_at: referral.responseDueAt,
      sent_at: referral.sentAt,
      notes: referral.notes,
      survivor_id: referral.survivorId,
      consent_id: referral.consentId,
      shared_classes: referral.sharedClasses,
      language: referral.language,
      age_band: referral.ageBand,
      callback: referral.callback,
      legal_basis: referral.legalBasis,
      report_reason: referral.reportReason,
      status: referral.status,
      created_by: referral.createdBy,
    };
    const names = Object.keys(values);
    const rows = await namedQuery<Row>(
      tx,
      `INSERT INTO referral AS r (${names.join(', ')}) VALUES (${names.map((name) => `:${name}`).join(', ')})
       RETURNING ${columns(now)}`,
      values,
    );
    return toRow(rows[0]);
  }
}
