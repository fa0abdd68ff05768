import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rulesToSql } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { Tx } from '@hub/database';
import { TechnicalAssistanceScope } from '../shared/enums';
import { TechnicalAssistanceRequestEntity } from './technical-assistance.entity';
import { technicalAssistanceSqlMap } from './technical-assistance-access';

const COLUMNS = `r.id, r.task_force_id, r.requesting_agency_id, r.requested_by, r.topic, r.type,
  r.modality, r.problem_statement, r.why_it_matters, r.current_practice, r.desired_outcome,
  to_char(r.preferred_start_date, 'YYYY-MM-DD') AS preferred_start_date,
  to_char(r.preferred_end_date, 'YYYY-MM-DD') AS preferred_end_date,
  r.audiences, r.expected_attendees, r.urgency, r.status, r.priority, r.triage_note, r.assigned_agency_id,
  r.assignee_name, r.delivery_summary, r.decline_reason, r.rating, r.feedback, r.version, r.created_at, r.updated_at,
  to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;

type Row = Record<string, unknown>;

/** A request as read, with its keyset position (created_at to the microsecond: a Date would lose them). */
export interface RequestRow extends TechnicalAssistanceRequestEntity {
  cursorAt: string;
}

function toRequest(row: Row): RequestRow {
  return {
    id: row.id as string,
    taskForceId: row.task_force_id as string,
    requestingAgencyId: row.requesting_agency_id as string,
    requestedBy: row.requested_by as string,
    topic: row.topic as string,
    type: row.type as string,
    modality: row.modality as string,
    problemStatement: row.problem_statement as string,
    whyItMatters: row.why_it_matters as string,
    currentPractice: row.current_practice as string,
    desiredOutcome: row.desired_outcome as string,
    preferredStartDate: (row.preferred_start_date as string | null) ?? null,
    preferredEndDate: (row.preferred_end_date as string | null) ?? null,
    audiences: row.audiences as string[],
    expectedAttendees: row.expected_attendees as number,
    urgency: row.urgency as string,
    status: row.status as string,
    priority: (row.priority as string | null) ?? null,
    triageNote: (row.triage_note as string | null) ?? null,
    assignedAgencyId: (row.assigned_agency_id as string | null) ?? null,
    assigneeName: (row.assignee_name as string | null) ?? null,
    deliverySummary: (row.delivery_summary as string | null) ?? null,
    declineReason: (row.decline_reason as string | null) ?? null,
    rating: (row.rating as number | null) ?? null,
    feedback: (row.feedback as string | null) ?? null,
    version: row.version as number,
    createdAt: row.created_at as Date,
    updatedAt: row.updated_at as Date,
    cursorAt: row.cursor_at as string,
  };
}

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

export interface RequestPage {
  first: number;
  /** Keyset: newest first by (created_at, id). */
  after?: { createdAt: string; id: string };
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
    const access = rulesToSql(
      scope.ability,
      'read',
      'TechnicalAssistanceRequest',
      technicalAssistanceSqlMap('r'),
      2,
    );
    const rows: Row[] = await tx.query(
      `SELECT ${COLUMNS} FROM technical_assistance_request r WHERE r.id = $1 AND ${access.sql}`,
      [id, ...access.params],
    );
    return rows.length ? toRequest(rows[0]) : null;
  }

  /**
   * Served by ta_request_requesting_idx / _assigned_idx / _task_force_idx (_task_force_status_idx
   * with a status) by scope, ta_request_created_idx without one. Fetches first + 1.
   */
  async listVisible(scope: AccessScope, filter: RequestFilter, page: RequestPage): Promise<RequestRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where: string[] = [];
    const { agencyId, taskForceIds } = scope.actor;
    switch (filter.scope) {
      case TechnicalAssistanceScope.REQUESTED_BY_MY_AGENCY:
        where.push(agencyId ? `r.requesting_agency_id = ${param(agencyId)}` : 'FALSE');
        break;
      case TechnicalAssistanceScope.ASSIGNED_TO_MY_AGENCY:
        where.push(agencyId ? `r.assigned_agency_id = ${param(agencyId)}` : 'FALSE');
        break;
      case TechnicalAssistanceScope.MY_TASK_FORCES:
        where.push(`r.task_force_id = ANY(${param([...taskForceIds])}::uuid[])`);
        break;
    }
    if (filter.status) where.push(`r.status = ${param(filter.status)}`);
    if (filter.topic) where.push(`r.topic = ${param(filter.topic)}`);
    if (page.after) {
      where.push(
        `(r.created_at, r.id) < (${param(page.after.createdAt)}::timestamptz, ${param(page.after.id)}::uuid)`,
      );
    }
    const access = rulesToSql(
      scope.ability,
      'read',
      'TechnicalAssistanceRequest',
      technicalAssistanceSqlMap('r'),
      params.length + 1,
    );
    where.push(access.sql);
    params.push(...access.params);
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM technical_assistance_request r WHERE ${where.join(' AND ')}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${param(page.first + 1)}`,
      params,
    );
    return rows.map(toRequest);
  }

  /** Inserts a SUBMITTED request with the id the create chose (createOnce keys it). */
  async insert(tx: Tx, id: string, request: NewRequest): Promise<RequestRow> {
    const rows: Row[] = await tx.query(
      `INSERT INTO technical_assistance_request AS r (id, task_force_id, requesting_agency_id, requested_by,
         topic, type, modality, problem_statement, why_it_matters, current_practice, desired_outcome,
         preferred_start_date, preferred_end_date, audiences, expected_attendees, urgency)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       RETURNING ${COLUMNS}`,
      [
        id,
        request.taskForceId,
        request.requestingAgencyId,
        request.requestedBy,
        request.topic,
        request.type,
        request.modality,
        request.problemStatement,
        request.whyItMatters,
        request.currentPractice,
        request.desiredOutcome,
        request.preferredStartDate,
        request.preferredEndDate,
        request.audiences,
        request.expectedAttendees,
        request.urgency,
      ],
    );
    return toRequest(rows[0]);
  }

  async insertSession(tx: Tx, session: Omit<SessionRow, 'id' | 'recordedAt'>): Promise<SessionRow> {
    const [{ id }]: { id: string }[] = await tx.query(
      `INSERT INTO technical_assistance_session (request_id, held_on, modality, hours, materials, notes, recorded_by,
         recorded_by_agency_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        session.requestId,
        session.heldOn,
        session.modality,
        session.hours,
        session.materials,
        session.notes,
        session.recordedBy,
        session.recordedByAgencyId,
      ],
    );
    if (session.attendance.length) {
      await tx.query(
        `INSERT INTO technical_assistance_attendance (session_id, audience, attendees)
         SELECT $1, audience, attendees FROM unnest($2::text[], $3::int[]) AS t(audience, attendees)`,
        [id, session.attendance.map((a) => a.audience), session.attendance.map((a) => a.attendees)],
      );
    }
    const rows: Row[] = await tx.query(
      `SELECT ${SESSION_COLUMNS} FROM technical_assistance_session s WHERE s.id = $1`,
      [id],
    );
    return toSession(rows[0]);
  }

  async sessionCount(id: string, tx: Tx = this.dataSource.manager): Promise<number> {
    const [{ count }]: { count: number }[] = await tx.query(
      `SELECT count(*)::int AS count FROM technical_assistance_session WHERE request_id = $1`,
      [id],
    );
    return count;
  }

  /** Served by ta_session_request_idx; in date order, attendance in the same statement. */
  async sessionsOf(requestIds: readonly string[]): Promise<SessionRow[]> {
    if (requestIds.length === 0) return [];
    const rows: Row[] = await this.dataSource.query(
      `SELECT ${SESSION_COLUMNS} FROM technical_assistance_session s WHERE s.request_id = ANY($1::uuid[])
        ORDER BY s.request_id, s.held_on, s.recorded_at, s.id`,
      [[...requestIds]],
    );
    return rows.map(toSession);
  }
}
