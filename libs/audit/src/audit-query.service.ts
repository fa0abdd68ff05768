import { Injectable } from '@nestjs/common';
import { accessWhere, SqlSubjectMap } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { allOf, namedQuery, Transactions } from '@hub/database';
import {
  BadUserInputError,
  Connection,
  Keyset,
  KeysetPage,
  DEFAULT_PAGE_SIZE,
  ForbiddenError,
} from '@hub/graphql';
import { AuditWriter } from './audit-writer';
import { AuditDecisionValue, AuditEventFilter, AuditEventRecord } from './audit-event.model';
import { AuditAnchor, AuditSealService, VerificationReport } from './audit-seal.service';

const AUDIT_SQL: SqlSubjectMap = {
  fields: {
    actorAgencyId: { sql: 'e.actor_agency_id', kind: 'scalar' },
    subjectAgencyIds: { sql: 'e.subject_agency_ids', kind: 'array' },
    reason: { sql: 'e.reason', kind: 'scalar' },
  },
};
const CSV_CAP = 10_000;

type Row = Record<string, unknown>;

/** The trail pages newest first (audit_event_time_idx); ids are bigints. */
const NEWEST_FIRST = new Keyset(
  [
    { sql: 'e.occurred_at', kind: 'timestamp' },
    { sql: 'e.id', kind: 'bigint' },
  ],
  'DESC',
);

/**
 * Reading the audit trail: an agency admin their agency's events, an auditor all of them, as a
 * page or a CSV export, and verification. Every read of the trail is itself audited.
 */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly transactions: Transactions,
    private readonly writer: AuditWriter,
    private readonly seals: AuditSealService,
  ) {}

  async list(
    scope: AccessScope,
    filter: AuditEventFilter = {},
    first = DEFAULT_PAGE_SIZE,
    after?: string,
  ): Promise<Connection<AuditEventRecord>> {
    await this.mayRead(scope);
    checkWindow(filter);
    const page = NEWEST_FIRST.page({ first, after });
    const rows = await this.query(scope, filter, page);
    await this.auditRead(scope, 'READ_AUDIT_TRAIL', filter);
    return NEWEST_FIRST.connection(rows, page, toRecord);
  }

  /** RFC 4180 CSV of the events the caller may read, newest first. */
  async csv(scope: AccessScope, filter: AuditEventFilter = {}, limit = CSV_CAP): Promise<string> {
    if (!scope.ability.can('verify', 'AuditTrail')) {
      await this.denied(scope, 'EXPORT_AUDIT_TRAIL');
      throw new ForbiddenError('Only an auditor may export the audit trail');
    }
    checkWindow(filter);
    const cap = Math.min(limit, CSV_CAP);
    const rows = (await this.query(scope, filter, NEWEST_FIRST.page({ first: cap }))).slice(0, cap);
    await this.auditRead(scope, 'EXPORT_AUDIT_TRAIL', filter);
    const header = [
      'id',
      'occurred_at',
      'actor_user_id',
      'actor_agency_id',
      'action',
      'subject_type',
      'subject_id',
      'fields',
      'purpose',
      'decision',
      'reason',
      'request_id',
      'subject_agency_ids',
    ];
    const lines = rows.map((row) => {
      const r = toRecord(row);
      return [
        r.id,
        r.occurredAt.toISOString(),
        r.actorUserId,
        r.actorAgencyId,
        r.action,
        r.subjectType,
        r.subjectId,
        r.fields.join(' '),
        r.purpose,
        r.decision,
        r.reason,
        r.requestId,
        r.subjectAgencyIds.join(' '),
      ]
        .map(csvField)
        .join(',');
    });
    return [header.join(','), ...lines].join('\r\n') + '\r\n';
  }

  async verify(scope: AccessScope, anchor?: AuditAnchor): Promise<VerificationReport> {
    if (!scope.ability.can('verify', 'AuditTrail')) {
      await this.denied(scope, 'VERIFY_AUDIT_TRAIL');
      throw new ForbiddenError('Only an auditor may verify the audit trail');
    }
    await this.seals.seal();
    const report = await this.seals.verify(anchor);
    await this.auditRead(scope, 'VERIFY_AUDIT_TRAIL', {});
    return report;
  }

  private async mayRead(scope: AccessScope): Promise<void> {
    if (!scope.ability.can('read', 'AuditEvent')) {
      await this.denied(scope, 'READ_AUDIT_TRAIL');
      throw new ForbiddenError('Only agency admins and auditors read the audit trail');
    }
  }

  /** A refused access to the audit trail is itself on the trail. */
  private denied(scope: AccessScope, action: string): Promise<void> {
    return this.writer.recordDenied({
      actor: scope.actor,
      action,
      subjectType: 'AuditTrail',
      subjectId: null,
      subjectAgencyIds: [],
    });
  }

  private query(scope: AccessScope, filter: AuditEventFilter, page: KeysetPage): Promise<Row[]> {
    const where = allOf(
      filter.actorUserId && {
        sql: 'e.actor_user_id = :actorUserId',
        params: { actorUserId: filter.actorUserId },
      },
      filter.agencyId && {
        sql: '(e.actor_agency_id = CAST(:agencyId AS uuid) OR e.subject_agency_ids @> ARRAY[CAST(:agencyId AS uuid)])',
        params: { agencyId: filter.agencyId },
      },
      filter.subjectType && {
        sql: 'e.subject_type = :subjectType',
        params: { subjectType: filter.subjectType },
      },
      filter.subjectId && { sql: 'e.subject_id = :subjectId', params: { subjectId: filter.subjectId } },
      filter.action && { sql: 'e.action = :action', params: { action: filter.action } },
      filter.decision && { sql: 'e.decision = :decision', params: { decision: filter.decision } },
      filter.from && { sql: 'e.occurred_at >= :from', params: { from: filter.from } },
      filter.to && { sql: 'e.occurred_at < :to', params: { to: filter.to } },
      page.after,
      accessWhere(scope.ability, 'read', 'AuditEvent', AUDIT_SQL),
    );
    // Served by audit_event_time_idx (and the agency / subject indexes for filtered reads).
    return namedQuery<Row>(
      this.transactions.reader,
      `SELECT e.*, ${page.select} FROM audit_event e WHERE ${where.sql} ORDER BY ${page.orderBy} LIMIT :limit`,
      { ...where.params, limit: page.limit },
    );
  }

  /** Any access to the audit log is itself an audited event (CJIS 5.4.1.1). */
  private auditRead(scope: AccessScope, action: string, filter: AuditEventFilter): Promise<void> {
    return this.writer.recordDisclosure({
      actor: scope.actor,
      action,
      subjectType: 'AuditTrail',
      subjectId: null,
      subjectAgencyIds: [],
      decision: 'ALLOWED',
      reason: Object.keys(filter).length ? `filter: ${JSON.stringify(filter)}`.slice(0, 500) : null,
    });
  }
}

/** A window that ends before it starts is a mistake to say so, not an empty page. */
function checkWindow(filter: AuditEventFilter): void {
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime()) {
    throw new BadUserInputError('Invalid audit window', [
      { field: 'filter.from', message: 'must not be after filter.to', reason: 'WINDOW_STARTS_AFTER_END' },
    ]);
  }
}

function toRecord(row: Row): AuditEventRecord {
  return {
    id: String(row.id),
    occurredAt: row.occurred_at as Date,
    actorUserId: row.actor_user_id as string | null,
    actorAgencyId: row.actor_agency_id as string | null,
    action: row.action as string,
    subjectType: row.subject_type as string,
    subjectId: row.subject_id as string | null,
    fields: (row.fields as string[]) ?? [],
    purpose: row.purpose as string | null,
    decision: row.decision as AuditDecisionValue,
    reason: row.reason as string | null,
    requestId: row.request_id as string | null,
    subjectAgencyIds: (row.subject_agency_ids as string[]) ?? [],
  };
}

function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Quote always; double inner quotes; neutralise spreadsheet formulas.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}
