import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessWhere } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { namedQuery, Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { TechnicalAssistanceScope } from '../shared/enums';
import {
  TechnicalAssistanceAttendanceEntity,
  TechnicalAssistanceRequestEntity,
  TechnicalAssistanceSessionEntity,
} from './technical-assistance.entity';
import { technicalAssistanceSqlMap } from './technical-assistance-access';

type Row = Record<string, unknown>;

/** A request as read: the entity is the row (no second column list, no mapper). */
export type RequestRow = TechnicalAssistanceRequestEntity;

/** Lists page newest first (ta_request_*_idx end in created_at, id). */
const NEWEST_FIRST = new Keyset(
  [
    { sql: 'r.created_at', kind: 'timestamp' },
    { sql: 'r.id', kind: 'uuid' },
  ],
  'DESC',
);

export type NewRequest = Pick<
  TechnicalAssistanceRequestEntity,
  | 'taskForceId'
  | 'requestingAgencyId'
  | 'requestedBy'
  | 'topic'
  | 'type'
  | 'modality'
  | 'problemStatement'
  | 'whyItMatters'
  | 'currentPractice'
  | 'desiredOutcome'
  | 'preferredStartDate'
  | 'preferredEndDate'
  | 'audiences'
  | 'expectedAttendees'
  | 'urgency'
>;

/** The columns a transition may set besides status and version. */
export type RequestChanges = Partial<
  Pick<
    TechnicalAssistanceRequestEntity,
    | 'priority'
    | 'triageNote'
    | 'assignedAgencyId'
    | 'assigneeName'
    | 'deliverySummary'
    | 'declineReason'
    | 'rating'
    | 'feedback'
  >
>;

export interface RequestFilter {
  status?: string;
  topic?: string;
  scope?: TechnicalAssistanceScope;
}

export interface SessionRow {
  id: string;
  requestId: string;
  heldOn: string;
  modality: string;
  hours: number;
  attendance: { audience: string; attendees: number }[];
  materials: string[];
  notes: string | null;
  recordedBy: string;
  recordedByAgencyId: string;
  recordedAt: Date;
}

const SESSION_COLUMNS = `s.id, s.request_id, to_char(s.held_on, 'YYYY-MM-DD') AS held_on, s.modality, s.hours::text AS hours,
  s.materials, s.notes, s.recorded_by, s.recorded_by_agency_id, s.recorded_at,
  COALESCE((SELECT json_agg(json_build_object('audience', a.audience, 'attendees', a.attendees) ORDER BY a.audience)
              FROM technical_assistance_attendance a WHERE a.session_id = s.id), '[]'::json) AS attendance`;

function toSession(row: Row): SessionRow {
  return {
    id: row.id as string,
    requestId: row.request_id as string,
    heldOn: row.held_on as string,
    modality: row.modality as string,
    hours: Number(row.hours),
    attendance: row.attendance as { audience: string; attendees: number }[],
    materials: row.materials as string[],
    notes: (row.notes as string | null) ?? null,
    recordedBy: row.recorded_by as string,
    recordedByAgencyId: row.recorded_by_agency_id as string,
    recordedAt: row.recorded_at as Date,
  };
}

/**
 * Every query on TA requests and their sessions (events and messages are the workflow kernel's). Reads of requests take the
 * caller's access scope and put the policy's read rules into the WHERE (rules → SQL), so a request
 * the caller may not see is never fetched and pages count only visible ones. Sessions are read only for
 * requests already read that way.
 */
@Injectable()
export class TechnicalAssistanceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findVisible(
    scope: AccessScope,
    id: string,
    tx: Tx = this.dataSource.manager,
  ): Promise<RequestRow | null> {
    return this.visible(scope, tx).andWhere('r.id = :id', { id }).getOne();
  }

  /**
   * Served by ta_request_requesting_idx / _assigned_idx / _task_force_idx (_task_force_status_idx
   * with a status) by scope, ta_request_created_idx without one.
   */
  listVisible(scope: AccessScope, filter: RequestFilter, page: PageArgs): Promise<Connection<RequestRow>> {
    const query = this.visible(scope, this.dataSource.manager);
    const { agencyId, taskForceIds } = scope.actor;
    switch (filter.scope) {
      case TechnicalAssistanceScope.REQUESTED_BY_MY_AGENCY:
        query.andWhere(agencyId ? 'r.requesting_agency_id = :agencyId' : 'FALSE', { agencyId });
        break;
      case TechnicalAssistanceScope.ASSIGNED_TO_MY_AGENCY:
        query.andWhere(agencyId ? 'r.assigned_agency_id = :agencyId' : 'FALSE', { agencyId });
        break;
      case TechnicalAssistanceScope.MY_TASK_FORCES:
        query.andWhere('r.task_force_id = ANY(CAST(:taskForceIds AS uuid[]))', {
          taskForceIds: [...taskForceIds],
        });
        break;
    }
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.topic) query.andWhere('r.topic = :topic', { topic: filter.topic });
    return NEWEST_FIRST.fetch(query, page);
  }

  /** Inserts a SUBMITTED request with the id the create chose (createOnce keys it). */
  async insert(tx: Tx, id: string, request: NewRequest): Promise<RequestRow> {
    const requests = tx.getRepository(TechnicalAssistanceRequestEntity);
    await requests.insert({ id, ...request });
    return requests.findOneByOrFail({ id });
  }

  /** Requests the caller may see: the policy's read rules as the WHERE (rules → SQL). */
  private visible(scope: AccessScope, tx: Tx) {
    const access = accessWhere(
      scope.ability,
      'read',
      'TechnicalAssistanceRequest',
      technicalAssistanceSqlMap('r'),
    );
    return tx
      .getRepository(TechnicalAssistanceRequestEntity)
      .createQueryBuilder('r')
      .where(access.sql, access.params);
  }

  async insertSession(tx: Tx, session: Omit<SessionRow, 'id' | 'recordedAt'>): Promise<SessionRow> {
    const { attendance, ...columns } = session;
    const inserted = await tx
      .getRepository(TechnicalAssistanceSessionEntity)
      .insert({ ...columns, hours: String(columns.hours) });
    const id = (inserted.identifiers[0] as { id: string }).id;
    if (attendance.length) {
      await tx
        .getRepository(TechnicalAssistanceAttendanceEntity)
        .insert(attendance.map((a) => ({ sessionId: id, audience: a.audience, attendees: a.attendees })));
    }
    const rows = await namedQuery(
      tx,
      `SELECT ${SESSION_COLUMNS} FROM technical_assistance_session s WHERE s.id = :id`,
      { id },
    );
    return toSession(rows[0]);
  }

  async sessionCount(id: string, tx: Tx = this.dataSource.manager): Promise<number> {
    return tx.getRepository(TechnicalAssistanceSessionEntity).countBy({ requestId: id });
  }

  /** Served by ta_session_request_idx; in date order, attendance in the same statement. */
  async sessionsOf(requestIds: readonly string[]): Promise<SessionRow[]> {
    if (requestIds.length === 0) return [];
    const rows = await namedQuery(
      this.dataSource.manager,
      `SELECT ${SESSION_COLUMNS} FROM technical_assistance_session s WHERE s.request_id = ANY(CAST(:ids AS uuid[]))
        ORDER BY s.request_id, s.held_on, s.recorded_at, s.id`,
      { ids: [...requestIds] },
    );
    return rows.map(toSession);
  }
}
