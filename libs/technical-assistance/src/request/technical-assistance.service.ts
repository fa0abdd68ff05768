import { Injectable } from '@nestjs/common';
import { Agency, AgencyService, AgencyType, TaskForceService } from '@hub/agencies';
import { AuditWriter } from '@hub/audit';
import { AccessScope, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { Transactions, Tx } from '@hub/database';
import {
  BadUserInputError,
  Connection,
  ConflictError,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  ForbiddenError,
  groupByKeys,
  HubError,
  InputProblem,
  NotFoundError,
  toConnection,
  UUID_PATTERN,
} from '@hub/graphql';
import { NotificationPublisher } from '@hub/notifications';
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
import { technicalAssistanceRecord } from './technical-assistance-access';
import {
  canTransition,
  SESSION_STATUSES,
  TransitionAction,
  TRANSITIONS,
} from './technical-assistance-lifecycle';
import {
  AddTechnicalAssistanceMessageInput,
  AssignTechnicalAssistanceInput,
  CloseTechnicalAssistanceInput,
  DeclineTechnicalAssistanceInput,
  DeliverTechnicalAssistanceInput,
  MAX_ATTENDEES,
  RecordTechnicalAssistanceSessionInput,
  RequestTechnicalAssistanceInput,
  StartTechnicalAssistanceInput,
  TechnicalAssistanceChangeInput,
  TechnicalAssistanceRequestsArgs,
  TriageTechnicalAssistanceInput,
  WithdrawTechnicalAssistanceInput,
} from './technical-assistance.input';
import {
  TechnicalAssistanceEvent,
  TechnicalAssistanceMessage,
  TechnicalAssistanceRequest,
  TechnicalAssistanceSession,
} from './technical-assistance.model';
import {
  MessageRow,
  RequestChanges,
  RequestRow,
  SessionRow,
  TechnicalAssistanceRepository,
} from './technical-assistance.repository';

const SUBJECT = 'TechnicalAssistanceRequest';
const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead preferred dates may reach. */
export const MAX_PREFERRED_DAYS_AHEAD = 2 * 366;
/** Agency types that deliver technical assistance. */
export const PROVIDER_AGENCY_TYPES: readonly string[] = [AgencyType.TA_PROVIDER, AgencyType.FEDERAL_PARTNER];

/** How one transition is done beyond the common steps. */
interface TransitionSpec {
  auditAction: string;
  eventType: string;
  /** The notification text (no free text from users: it goes to every party's members). */
  notice: (request: RequestRow) => string;
  changes?: RequestChanges;
  reason?: string | null;
  /** Checks that need the current row or the database (after the policy and the lifecycle). */
  check?: (current: RequestRow) => Promise<void>;
}

/**
 * Technical-assistance requests: asking, the lifecycle (each transition versioned, with its event,
 * audit row and notifications to the other parties in one transaction), sessions, the thread, and
 * reading under the policy. Order of refusals: not visible → NOT_FOUND; not permitted → FORBIDDEN
 * (audited); stale version → CONFLICT; wrong status → ILLEGAL_TRANSITION; bad values → BAD_USER_INPUT.
 */
@Injectable()
export class TechnicalAssistanceService {
  constructor(
    private readonly requests: TechnicalAssistanceRepository,
    private readonly agencies: AgencyService,
    private readonly taskForces: TaskForceService,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationPublisher,
    private readonly clock: Clock,
  ) {}

  async get(scope: AccessScope, id: string): Promise<TechnicalAssistanceRequest> {
    return toModel(await this.visible(scope, id));
  }

  async list(
    scope: AccessScope,
    args: TechnicalAssistanceRequestsArgs,
  ): Promise<Connection<TechnicalAssistanceRequest>> {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    let after: { createdAt: string; id: string } | undefined;
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, ['timestamp', 'uuid']);
      after = { createdAt, id };
    }
    const rows = await this.requests.listVisible(
      scope,
      { status: args.status, topic: args.topic, scope: args.scope },
      { first, after },
    );
    return toConnection(rows, first, (row) => [row.cursorAt, row.id], toModel);
  }

  async request(
    scope: AccessScope,
    input: RequestTechnicalAssistanceInput,
  ): Promise<TechnicalAssistanceRequest> {
    const { actor, ability } = scope;
    const refuse = async (): Promise<never> => {
      await this.audit.recordDenied({
        actor,
        action: 'REQUEST_TECHNICAL_ASSISTANCE',
        subjectType: SUBJECT,
        subjectId: null,
        subjectAgencyIds: [actor.agencyId],
      });
      throw new ForbiddenError(
        'Only a supervisor or agency admin of a member agency of the task force may request technical assistance',
      );
    };
    if (!actor.agencyId || !ability.can('create', SUBJECT)) return refuse();
    const taskForceId = input.taskForceId ?? (actor.taskForceIds.length === 1 ? actor.taskForceIds[0] : null);
    if (taskForceId === null) {
      throw invalid([
        { field: 'taskForceId', message: 'is required: your agency belongs to more than one task force' },
      ]);
    }
    const record = subject(SUBJECT, {
      id: '',
      taskForceId,
      requestingAgencyId: actor.agencyId,
      assignedAgencyId: null,
    });
    if (!ability.can('create', record)) return refuse();
    const problems = this.preferredDateProblems(input.preferredStartDate, input.preferredEndDate);
    if (problems.length) throw invalid(problems);

    const agencyId = record.requestingAgencyId;
    const coordinators = await this.coordinatorAgencies(scope, taskForceId);
    const saved = await this.transactions.run(async (tx) => {
      if (input.idempotencyKey) {
        const existing = await this.requests.findByIdempotencyKey(tx, agencyId, input.idempotencyKey);
        if (existing) return existing;
      }
      const created = await this.requests.insert(tx, {
        taskForceId,
        requestingAgencyId: agencyId,
        requestedBy: actor.userId as string,
        idempotencyKey: input.idempotencyKey ?? null,
        topic: input.topic,
        type: input.type,
        modality: input.modality,
        problemStatement: input.problemStatement.trim(),
        whyItMatters: input.whyItMatters.trim(),
        currentPractice: input.currentPractice.trim(),
        desiredOutcome: input.desiredOutcome.trim(),
        preferredStartDate: input.preferredStartDate ?? null,
        preferredEndDate: input.preferredEndDate ?? null,
        audiences: [...input.audiences],
        expectedAttendees: input.expectedAttendees,
        urgency: input.urgency,
      });
      if (!created) {
        // A concurrent retry with the same key won the race: answer with its request.
        const raced = await this.requests.findByIdempotencyKey(tx, agencyId, input.idempotencyKey ?? '');
        if (!raced) throw new ConflictError('The request could not be recorded; retry');
        return raced;
      }
      await this.requests.insertEvent(tx, {
        requestId: created.id,
        fromStatus: null,
        toStatus: created.status,
        actorUserId: actor.userId as string,
        actorAgencyId: agencyId,
        reason: null,
      });
      await this.audit.record(tx, {
        actor,
        action: 'REQUEST_TECHNICAL_ASSISTANCE',
        subjectType: SUBJECT,
        subjectId: created.id,
        subjectAgencyIds: [agencyId],
        decision: 'ALLOWED',
      });
      await this.notify(tx, scope, created, coordinators, {
        eventType: 'TA_REQUEST_SUBMITTED',
        message: `New technical-assistance request: ${named(created)}, urgency ${created.urgency}.`,
      });
      return created;
    });
    return toModel(saved);
  }

  triage(scope: AccessScope, input: TriageTechnicalAssistanceInput): Promise<TechnicalAssistanceRequest> {
    return this.transition(scope, input, 'triage', {
      auditAction: 'TRIAGE_TECHNICAL_ASSISTANCE',
      eventType: 'TA_REQUEST_TRIAGED',
      notice: (r) => `Technical-assistance request triaged (priority ${r.priority}): ${named(r)}.`,
      changes: { priority: input.priority, triageNote: input.note?.trim() ?? null },
      reason: input.note?.trim() ?? null,
    });
  }

  assign(scope: AccessScope, input: AssignTechnicalAssistanceInput): Promise<TechnicalAssistanceRequest> {
    return this.transition(scope, input, 'assign', {
      auditAction: 'ASSIGN_TECHNICAL_ASSISTANCE',
      eventType: 'TA_REQUEST_ASSIGNED',
      notice: (r) => `Technical-assistance request assigned to a provider: ${named(r)}.`,
      changes: { assignedAgencyId: input.agencyId, assigneeName: input.assigneeName?.trim() ?? null },
      reason: input.note?.trim() ?? null,
      check: async () => {
        const [agency] = await this.agencies.getMany(scope, [input.agencyId]);
        if (agency instanceof Error) throw invalid([{ field: 'agencyId', message: 'is not a known agency' }]);
        if (!PROVIDER_AGENCY_TYPES.includes((agency as Agency).type)) {
          throw invalid([{ field: 'agencyId', message: 'must be a TA_PROVIDER or FEDERAL_PARTNER agency' }]);
        }
      },
    });
  }

  start(scope: AccessScope, input: StartTechnicalAssistanceInput): Promise<TechnicalAssistanceRequest> {
    return this.transition(scope, input, 'start', {
      auditAction: 'START_TECHNICAL_ASSISTANCE',
      eventType: 'TA_REQUEST_STARTED',
      notice: (r) => `The provider started work on a technical-assistance request: ${named(r)}.`,
    });
  }

  deliver(scope: AccessScope, input: DeliverTechnicalAssistanceInput): Promise<TechnicalAssistanceRequest> {
    return this.transition(scope, input, 'deliver', {
      auditAction: 'DELIVER_TECHNICAL_ASSISTANCE',
      eventType: 'TA_REQUEST_DELIVERED',
      notice: (r) =>
        `Technical assistance delivered; the requester may now close it with a rating: ${named(r)}.`,
      changes: { deliverySummary: input.summary?.trim() ?? null },
      check: async (current) => {
        // Sessions are added only with a version bump, so the count seen here is the current one.
        if ((await this.requests.sessionCount(current.id)) === 0) {
          throw new HubError(
            'ILLEGAL_TRANSITION',
            'Record at least one session before marking the request delivered',
            { status: current.status, action: 'deliver' },
          );
        }
      },
    });
  }

  close(scope: AccessScope, input: CloseTechnicalAssistanceInput): Promise<TechnicalAssistanceRequest> {
    return this.transition(scope, input, 'close', {
      auditAction: 'CLOSE_TECHNICAL_ASSISTANCE',
      eventType: 'TA_REQUEST_CLOSED',
      notice: (r) =>
        `The requester closed a technical-assistance request with a rating of ${r.rating}/5: ${named(r)}.`,
      changes: { rating: input.rating, feedback: input.feedback?.trim() ?? null },
    });
  }

  decline(scope: AccessScope, input: DeclineTechnicalAssistanceInput): Promise<TechnicalAssistanceRequest> {
    return this.transition(scope, input, 'decline', {
      auditAction: 'DECLINE_TECHNICAL_ASSISTANCE',
      eventType: 'TA_REQUEST_DECLINED',
      notice: (r) => `The task force declined a technical-assistance request: ${named(r)}.`,
      changes: { declineReason: input.reason.trim() },
      reason: input.reason.trim(),
    });
  }

  withdraw(scope: AccessScope, input: WithdrawTechnicalAssistanceInput): Promise<TechnicalAssistanceRequest> {
    return this.transition(scope, input, 'withdraw', {
      auditAction: 'WITHDRAW_TECHNICAL_ASSISTANCE',
      eventType: 'TA_REQUEST_WITHDRAWN',
      notice: (r) => `The requester withdrew a technical-assistance request: ${named(r)}.`,
      reason: input.reason?.trim() ?? null,
    });
  }

  async recordSession(
    scope: AccessScope,
    input: RecordTechnicalAssistanceSessionInput,
  ): Promise<{ request: TechnicalAssistanceRequest; session: TechnicalAssistanceSession }> {
    const current = await this.mayChange(
      scope,
      input,
      'recordSession',
      'RECORD_TECHNICAL_ASSISTANCE_SESSION',
    );
    if (!SESSION_STATUSES.includes(current.status as TechnicalAssistanceStatus)) {
      throw illegal(current, 'recordSession', 'record a session on');
    }
    const attendance = (input.attendance ?? []).filter((entry) => entry.attendees > 0);
    const problems: InputProblem[] = [];
    const today = this.today();
    if (input.heldOn > today) problems.push({ field: 'heldOn', message: 'must not be in the future' });
    if (input.heldOn < current.createdAt.toISOString().slice(0, 10)) {
      problems.push({ field: 'heldOn', message: 'must not be before the request was made' });
    }
    const total = attendance.reduce((sum, entry) => sum + entry.attendees, 0);
    if (total > MAX_ATTENDEES) {
      problems.push({ field: 'attendance', message: `must add up to at most ${MAX_ATTENDEES} attendees` });
    }
    if (problems.length) throw invalid(problems);

    const { actor } = scope;
    const coordinators = await this.coordinatorAgencies(scope, current.taskForceId);
    const { request, session } = await this.transactions.run(async (tx) => {
      const touched = await this.requests.touch(tx, current.id, input.expectedVersion, SESSION_STATUSES);
      if (!touched) throw stale(current.id);
      const inserted = await this.requests.insertSession(tx, {
        requestId: current.id,
        heldOn: input.heldOn,
        modality: input.modality,
        hours: input.hours,
        attendance: attendance.map((entry) => ({ audience: entry.audience, attendees: entry.attendees })),
        materials: (input.materials ?? []).map((material) => material.trim()),
        notes: input.notes?.trim() ?? null,
        recordedBy: actor.userId as string,
        recordedByAgencyId: actor.agencyId as string,
      });
      await this.audit.record(tx, {
        actor,
        action: 'RECORD_TECHNICAL_ASSISTANCE_SESSION',
        subjectType: SUBJECT,
        subjectId: current.id,
        subjectAgencyIds: [current.requestingAgencyId, current.assignedAgencyId],
        decision: 'ALLOWED',
      });
      await this.notify(tx, scope, touched, coordinators, {
        eventType: 'TA_SESSION_RECORDED',
        message: `A ${total > 0 ? `training (${total} attendees)` : 'consultation'} was recorded for a technical-assistance request: ${named(touched)}.`,
      });
      return { request: touched, session: inserted };
    });
    return { request: toModel(request), session: toSessionModel(session) };
  }

  async addMessage(
    scope: AccessScope,
    input: AddTechnicalAssistanceMessageInput,
  ): Promise<TechnicalAssistanceMessage> {
    const { actor, ability } = scope;
    const current = await this.visible(scope, input.requestId);
    if (!ability.can('message', subject(SUBJECT, technicalAssistanceRecord(current)))) {
      await this.denied(scope, 'ADD_TECHNICAL_ASSISTANCE_MESSAGE', current);
      throw new ForbiddenError('Not permitted to write in this thread');
    }
    const coordinators = await this.coordinatorAgencies(scope, current.taskForceId);
    const message = await this.transactions.run(async (tx) => {
      const inserted = await this.requests.insertMessage(tx, {
        requestId: current.id,
        authorUserId: actor.userId as string,
        authorAgencyId: actor.agencyId as string,
        body: input.body.trim(),
      });
      await this.audit.record(tx, {
        actor,
        action: 'ADD_TECHNICAL_ASSISTANCE_MESSAGE',
        subjectType: SUBJECT,
        subjectId: current.id,
        subjectAgencyIds: [current.requestingAgencyId, current.assignedAgencyId],
        decision: 'ALLOWED',
      });
      await this.notify(tx, scope, current, coordinators, {
        eventType: 'TA_MESSAGE_ADDED',
        message: `New message on a technical-assistance request: ${named(current)}.`,
      });
      return inserted;
    });
    return toMessageModel(message);
  }

  /** Events of each request, in key order (for a per-request DataLoader). */
  async eventsOf(requestIds: readonly string[]): Promise<TechnicalAssistanceEvent[][]> {
    const rows = await this.requests.eventsOf(requestIds);
    return groupByKeys(requestIds, rows, (row) => row.requestId).map((group) =>
      group.map((row) => ({
        id: row.id,
        fromStatus: row.fromStatus as TechnicalAssistanceStatus | null,
        toStatus: row.toStatus as TechnicalAssistanceStatus,
        actorUserId: row.actorUserId,
        actorAgencyId: row.actorAgencyId,
        reason: row.reason,
        occurredAt: row.occurredAt,
      })),
    );
  }

  async sessionsOf(requestIds: readonly string[]): Promise<TechnicalAssistanceSession[][]> {
    const rows = await this.requests.sessionsOf(requestIds);
    return groupByKeys(requestIds, rows, (row) => row.requestId).map((group) => group.map(toSessionModel));
  }

  async messagesOf(requestIds: readonly string[]): Promise<TechnicalAssistanceMessage[][]> {
    const rows = await this.requests.messagesOf(requestIds);
    return groupByKeys(requestIds, rows, (row) => row.requestId).map((group) => group.map(toMessageModel));
  }

  /** The common steps of every transition; see the class comment for the order of refusals. */
  private async transition(
    scope: AccessScope,
    input: TechnicalAssistanceChangeInput,
    action: TransitionAction,
    spec: TransitionSpec,
  ): Promise<TechnicalAssistanceRequest> {
    const current = await this.mayChange(scope, input, action, spec.auditAction);
    if (!canTransition(current.status as TechnicalAssistanceStatus, action)) {
      throw illegal(current, action, action);
    }
    await spec.check?.(current);

    const { actor } = scope;
    const { from, to } = TRANSITIONS[action];
    const coordinators = await this.coordinatorAgencies(scope, current.taskForceId);
    const updated = await this.transactions.run(async (tx) => {
      const row = await this.requests.transition(
        tx,
        current.id,
        input.expectedVersion,
        from,
        to,
        spec.changes,
      );
      if (!row) throw stale(current.id);
      await this.requests.insertEvent(tx, {
        requestId: row.id,
        fromStatus: current.status,
        toStatus: row.status,
        actorUserId: actor.userId as string,
        actorAgencyId: actor.agencyId as string,
        reason: spec.reason ?? null,
      });
      await this.audit.record(tx, {
        actor,
        action: spec.auditAction,
        subjectType: SUBJECT,
        subjectId: row.id,
        subjectAgencyIds: [row.requestingAgencyId, row.assignedAgencyId],
        decision: 'ALLOWED',
      });
      await this.notify(tx, scope, row, coordinators, {
        eventType: spec.eventType,
        message: spec.notice(row),
      });
      return row;
    });
    return toModel(updated);
  }

  /** Visible, permitted (else an audited refusal) and at the version the client read. */
  private async mayChange(
    scope: AccessScope,
    input: TechnicalAssistanceChangeInput,
    action: TransitionAction | 'recordSession',
    auditAction: string,
  ): Promise<RequestRow> {
    const current = await this.visible(scope, input.requestId);
    if (!scope.ability.can(action, subject(SUBJECT, technicalAssistanceRecord(current)))) {
      await this.denied(scope, auditAction, current);
      throw new ForbiddenError(`Not permitted to ${WHAT[action]} this technical-assistance request`);
    }
    if (current.version !== input.expectedVersion) throw stale(current.id);
    return current;
  }

  /** A request the caller may not see does not exist for them. */
  private async visible(scope: AccessScope, id: string): Promise<RequestRow> {
    const found = UUID_PATTERN.test(id) ? await this.requests.findVisible(scope, id) : null;
    if (!found) throw new NotFoundError('TechnicalAssistanceRequest', id);
    return found;
  }

  private denied(
    scope: AccessScope,
    action: string,
    request: { id: string; requestingAgencyId: string; assignedAgencyId: string | null },
  ): Promise<void> {
    return this.audit.recordDenied({
      actor: scope.actor,
      action,
      subjectType: SUBJECT,
      subjectId: request.id,
      subjectAgencyIds: [request.requestingAgencyId, request.assignedAgencyId],
    });
  }

  /** Agencies that coordinate the task force: its member agencies of type COORDINATOR. */
  private async coordinatorAgencies(scope: AccessScope, taskForceId: string): Promise<string[]> {
    const [members] = await this.taskForces.membersOf(scope, [taskForceId]);
    const agencies = await this.agencies.getMany(
      scope,
      members.map((member) => member.agencyId),
    );
    return agencies
      .filter(
        (agency): agency is Agency => !(agency instanceof Error) && agency.type === AgencyType.COORDINATOR,
      )
      .map((agency) => agency.id);
  }

  /** Tells the request's other parties (everyone but the caller's agency), in the change's transaction. */
  private async notify(
    tx: Tx,
    scope: AccessScope,
    request: RequestRow,
    coordinators: string[],
    notice: { eventType: string; message: string },
  ): Promise<void> {
    const parties = [request.requestingAgencyId, ...coordinators, request.assignedAgencyId].filter(
      (agencyId): agencyId is string => agencyId !== null && agencyId !== scope.actor.agencyId,
    );
    await this.notifications.publish(tx, {
      agencyIds: parties,
      eventType: notice.eventType,
      subjectType: SUBJECT,
      subjectId: request.id,
      message: notice.message,
    });
  }

  private preferredDateProblems(start: string | undefined, end: string | undefined): InputProblem[] {
    const problems: InputProblem[] = [];
    const today = this.today();
    const latest = new Date(Date.parse(`${today}T00:00:00Z`) + MAX_PREFERRED_DAYS_AHEAD * DAY_MS)
      .toISOString()
      .slice(0, 10);
    for (const [field, value] of [
      ['preferredStartDate', start],
      ['preferredEndDate', end],
    ] as const) {
      if (value === undefined) continue;
      if (value < today) problems.push({ field, message: 'must not be in the past' });
      if (value > latest)
        problems.push({ field, message: `must be within ${MAX_PREFERRED_DAYS_AHEAD} days` });
    }
    if (start !== undefined && end !== undefined && end < start) {
      problems.push({ field: 'preferredEndDate', message: 'must not be before preferredStartDate' });
    }
    return problems;
  }

  /** Today's date in UTC, as YYYY-MM-DD (ISO dates compare as strings). */
  private today(): string {
    return this.clock.now().toISOString().slice(0, 10);
  }
}

const WHAT: Record<TransitionAction | 'recordSession', string> = {
  triage: 'triage',
  assign: 'assign',
  start: 'start',
  deliver: 'mark delivered',
  close: 'close',
  decline: 'decline',
  withdraw: 'withdraw',
  recordSession: 'record sessions on',
};

function invalid(problems: InputProblem[]): BadUserInputError {
  return new BadUserInputError(
    `Invalid input: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
    problems,
  );
}

function stale(id: string): ConflictError {
  return new ConflictError(
    `Technical-assistance request ${id} was changed by someone else; reload it and try again`,
  );
}

function illegal(current: RequestRow, action: string, verb: string): HubError {
  return new HubError(
    'ILLEGAL_TRANSITION',
    `Cannot ${verb} a technical-assistance request that is ${current.status}`,
    { status: current.status, action },
  );
}

/** How a notification names a request: enumerated values only, never free text. */
function named(request: RequestRow): string {
  const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');
  return `${words(request.type)} on ${words(request.topic)}`;
}

function toModel(row: RequestRow): TechnicalAssistanceRequest {
  return {
    id: row.id,
    taskForceId: row.taskForceId,
    requestingAgencyId: row.requestingAgencyId,
    requestedBy: row.requestedBy,
    topic: row.topic as TechnicalAssistanceTopic,
    type: row.type as TechnicalAssistanceType,
    modality: row.modality as TechnicalAssistanceModality,
    problemStatement: row.problemStatement,
    whyItMatters: row.whyItMatters,
    currentPractice: row.currentPractice,
    desiredOutcome: row.desiredOutcome,
    preferredStartDate: row.preferredStartDate,
    preferredEndDate: row.preferredEndDate,
    audiences: row.audiences as TechnicalAssistanceAudience[],
    expectedAttendees: row.expectedAttendees,
    urgency: row.urgency as TechnicalAssistanceUrgency,
    status: row.status as TechnicalAssistanceStatus,
    priority: row.priority as TechnicalAssistancePriority | null,
    triageNote: row.triageNote,
    assignedAgencyId: row.assignedAgencyId,
    assigneeName: row.assigneeName,
    deliverySummary: row.deliverySummary,
    declineReason: row.declineReason,
    rating: row.rating,
    feedback: row.feedback,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toSessionModel(row: SessionRow): TechnicalAssistanceSession {
  const totalAttendees = row.attendance.reduce((sum, entry) => sum + entry.attendees, 0);
  return {
    id: row.id,
    requestId: row.requestId,
    kind:
      totalAttendees > 0
        ? TechnicalAssistanceSessionKind.TRAINING
        : TechnicalAssistanceSessionKind.CONSULTATION,
    heldOn: row.heldOn,
    modality: row.modality as TechnicalAssistanceModality,
    hours: row.hours,
    attendance: row.attendance.map((entry) => ({
      audience: entry.audience as TechnicalAssistanceAudience,
      attendees: entry.attendees,
    })),
    totalAttendees,
    materials: row.materials,
    notes: row.notes,
    recordedBy: row.recordedBy,
    recordedByAgencyId: row.recordedByAgencyId,
    recordedAt: row.recordedAt,
  };
}

function toMessageModel(row: MessageRow): TechnicalAssistanceMessage {
  return {
    id: row.id,
    requestId: row.requestId,
    authorUserId: row.authorUserId,
    authorAgencyId: row.authorAgencyId,
    body: row.body,
    createdAt: row.createdAt,
  };
}
