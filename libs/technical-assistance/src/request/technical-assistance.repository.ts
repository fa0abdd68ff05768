import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { accessWhere } from '@hub/authz';
import { AccessScope } from '@hub/access';
import { Tx } from '@hub/database';
import { Connection, Keyset, PageArgs } from '@hub/graphql';
import { TechnicalAssistanceScope } from '../shared/enums';
import {
  TechnicalAssistanceAttendanceEntity,
  TechnicalAssistanceRequestEntity,
  TechnicalAssistanceSessionEntity,
} from './technical-assistance.entity';
import { technicalAssistanceSqlMap } from './technical-assistance-access';

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

/** A session as read: the entity, with its attendance in audience order. */
export type SessionRow = TechnicalAssistanceSessionEntity;

/** A session to record: its columns and its attendance by audience. */
export type NewSession = Omit<SessionRow, 'id' | 'recordedAt' | 'attendance'> & {
  attendance: Pick<TechnicalAssistanceAttendanceEntity, 'audience' | 'attendees'>[];
};

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

  async insertSession(tx: Tx, session: NewSession): Promise<SessionRow> {
    const { attendance, ...columns } = session;
    const inserted = await tx.getRepository(TechnicalAssistanceSessionEntity).insert(columns);
    const id = (inserted.identifiers[0] as { id: string }).id;
    if (attendance.length) {
      await tx
        .getRepository(TechnicalAssistanceAttendanceEntity)
        .insert(attendance.map((a) => ({ sessionId: id, audience: a.audience, attendees: a.attendees })));
    }
    return this.sessions(tx).where('s.id = :id', { id }).getOneOrFail();
  }

  async sessionCount(id: string, tx: Tx = this.dataSource.manager): Promise<number> {
    return tx.getRepository(TechnicalAssistanceSessionEntity).countBy({ requestId: id });
  }

  /** Served by ta_session_request_idx; in date order, attendance in the same statement. */
  sessionsOf(requestIds: readonly string[]): Promise<SessionRow[]> {
    if (requestIds.length === 0) return Promise.resolve([]);
    return this.sessions(this.dataSource.manager)
      .where('s.request_id = ANY(CAST(:ids AS uuid[]))', { ids: [...requestIds] })
      .getMany();
  }

  /** Sessions (`s`) with their attendance (`a`), in date order per request, attendance by audience. */
  private sessions(tx: Tx) {
    return tx
      .getRepository(TechnicalAssistanceSessionEntity)
      .createQueryBuilder('s')
      .leftJoinAndSelect('s.attendance', 'a')
      .orderBy('s.requestId')
      .addOrderBy('s.heldOn')
      .addOrderBy('s.recordedAt')
      .addOrderBy('s.id')
      .addOrderBy('a.audience');
  }
}
