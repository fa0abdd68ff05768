import { Injectable } from '@nestjs/common';
import { rulesToSql, SqlSubjectMap } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { Transactions } from '@hub/database';
import {
  BadUserInputError,
  Connection,
  decodeTimeCursor,
  DEFAULT_PAGE_SIZE,
  encodeTimeCursor,
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
    const cursor = after ? decodeTimeCursor(after, 'bigint') : undefined;
    const rows = await this.query(scope, filter, first + 1, cursor);
    await this.auditRead(scope, 'READ_AUDIT_TRAIL', filter);
    const page = rows.slice(0, first);
    const edges = page.map((row) => ({
      cursor: encodeTimeCursor(row.cursor_at as string, String(row.id)),
      node: toRecord(row),
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  /** RFC 4180 CSV of the events the caller may read, newest first. */
  async csv(scope: AccessScope, filter: AuditEventFilter = {}, limit = CSV_CAP): Promise<string> {
    if (!scope.ability.can('verify', 'AuditTrail')) {
      await this.denied(scope, 'EXPORT_AUDIT_TRAIL');
      throw new ForbiddenError('Only an auditor may export the audit trail');
    }
    checkWindow(filter);
    const rows = await this.query(scope, filter, Math.min(limit, CSV_CAP));
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

  private async query(
    scope: AccessScope,
    filter: AuditEventFilter,
    limit: number,
    cursor?: { at: string; id: string },
  ): Promise<Row[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    if (filter.actorUserId) where.push(`e.actor_user_id = ${param(filter.actorUserId)}`);
    if (filter.agencyId) {
      const agency = param(filter.agencyId);
      where.push(`(e.actor_agency_id = ${agency}::uuid OR e.subject_agency_ids @> ARRAY[${agency}::uuid])`);
    }
    if (filter.subjectType) where.push(`e.subject_type = ${param(filter.subjectType)}`);
    if (filter.subjectId) where.push(`e.subject_id = ${param(filter.subjectId)}`);
    if (filter.action) where.push(`e.action = ${param(filter.action)}`);
    if (filter.decision) where.push(`e.decision = ${param(filter.decision)}`);
    if (filter.from) where.push(`e.occurred_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`e.occurred_at < ${param(filter.to)}`);
    if (cursor)
      where.push(`(e.occurred_at, e.id) < (${param(cursor.at)}::timestamptz, ${param(cursor.id)}::bigint)`);
    const access = rulesToSql(scope.ability, 'read', 'AuditEvent', AUDIT_SQL, params.length + 1);
    where.push(access.sql);
    params.push(...access.params);
    // Served by audit_event_time_idx (and the agency / subject indexes for filtered reads).
    return this.transactions.reader.query(
      `SELECT e.*, to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
         FROM audit_event e WHERE ${where.join(' AND ')}
        ORDER BY e.occurred_at DESC, e.id DESC LIMIT ${param(limit)}`,
      params,
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
