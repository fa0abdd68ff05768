import { Injectable } from '@nestjs/common';
import { Agency, AgencyService, AgencyType, TaskForceService } from '@hub/agencies';
import { AccessScope, subject } from '@hub/access';
import { Clock } from '@hub/config';
import {
  BadUserInputError,
  Connection,
  ForbiddenError,
  groupByKeys,
  InputProblem,
  mapConnection,
  UUID_PATTERN,
} from '@hub/graphql';
import { CreateOnce, EventLog, MessageThread, RecordType, RecordWorkflow } from '@hub/workflow';
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
import { TECHNICAL_ASSISTANCE_LIFECYCLE, TransitionAction } from './technical-assistance-lifecycle';
import { TechnicalAssistanceRequestEntity } from './technical-assistance.entity';
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

/** How one transition is done beyond the kernel's common steps. */
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

type Transition = TransitionAction | 'recordSession';

/**
 * Technical-assistance requests: asking (idempotent through createOnce), the lifecycle (every
 * change through the workflow kernel's runner: its order of refusals, one transaction with the
 * event, audit row and notifications to the other parties), sessions, the thread, and reading
 * under the policy. See docs/workflow.md.
 */
@Injectable()
export class TechnicalAssistanceService {
  constructor(
    private readonly requests: TechnicalAssistanceRepository,
    private readonly agencies: AgencyService,
    private readonly taskForces: TaskForceService,
    private readonly workflow: RecordWorkflow,
    private readonly events: EventLog,
    private readonly thread: MessageThread,
    private readonly createOnce: CreateOnce,
    private readonly clock: Clock,
  ) {}

  /** Technical-assistance requests as the workflow kernel sees them. */
  private readonly record: RecordType<RequestRow, TechnicalAssistanceStatus, Transition, AccessScope> = {
    lifecycle: TECHNICAL_ASSISTANCE_LIFECYCLE,
    entity: TechnicalAssistanceRequestEntity,
    load: (scope, id, tx) => this.requests.findVisible(scope, id, tx),
    policyRecord: technicalAssistanceRecord,
    agencies: (request) => [request.requestingAgencyId, request.assignedAgencyId],
    // The request's parties: the requester, the task force's coordinators and the assigned provider.
    parties: async (scope, request) => [
      request.requestingAgencyId,
      ...(await this.coordinatorAgencies(scope, request.taskForceId)),
      request.assignedAgencyId,
    ],
  };

  async get(scope: AccessScope, id: string): Promise<TechnicalAssistanceRequest> {
    return toModel(await this.visible(scope, id));
  }

  async list(
    scope: AccessScope,
    args: TechnicalAssistanceRequestsArgs,
  ): Promise<Connection<TechnicalAssistanceRequest>> {
    const page = await this.requests.listVisible(
      scope,
      { status: args.status, topic: args.topic, scope: args.scope },
      args,
    );
    return mapConnection(page, toModel);
  }

  async request(
    scope: AccessScope,
    input: RequestTechnicalAssistanceInput,
  ): Promise<TechnicalAssistanceRequest> {
    const { actor, ability } = scope;
    const refuse = async (): Promise<never> => {
      await this.workflow.refuse(
        scope,
        'REQUEST_TECHNICAL_ASSISTANCE',
        SUBJECT,
        null,
        actor.agencyId ? [actor.agencyId] : [],
      );
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
    const saved = await this.createOnce.run({
      subjectType: SUBJECT,
      scope: agencyId,
      key: input.idempotencyKey,
      request: input,
      load: (id) => this.requests.findVisible(scope, id),
      create: async (tx, id) => {
        const created = await this.requests.insert(tx, id, {
          taskForceId,
          requestingAgencyId: agencyId,
          requestedBy: actor.userId as string,
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
        await this.workflow.created(tx, this.record, scope, created, {
          auditAction: 'REQUEST_TECHNICAL_ASSISTANCE',
          parties: coordinators,
          notice: {
            eventType: 'TA_REQUEST_SUBMITTED',
            message: `New technical-assistance request: ${named(created)}, urgency ${created.urgency}.`,
          },
        });
        return created;
      },
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
          throw TECHNICAL_ASSISTANCE_LIFECYCLE.illegal(
            current.status as TechnicalAssistanceStatus,
            'deliver',
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
    const attendance = (input.attendance ?? []).filter((entry) => entry.attendees > 0);
    const total = attendance.reduce((sum, entry) => sum + entry.attendees, 0);
    const { actor } = scope;
    let session: SessionRow | undefined;
    const request = await this.workflow.change(this.record, scope, {
      id: input.requestId,
      expectedVersion: input.expectedVersion,
      transition: 'recordSession',
      auditAction: 'RECORD_TECHNICAL_ASSISTANCE_SESSION',
      check: (current) => {
        const problems: InputProblem[] = [];
        const today = this.today();
        if (input.heldOn > today) problems.push({ field: 'heldOn', message: 'must not be in the future' });
        if (input.heldOn < current.createdAt.toISOString().slice(0, 10)) {
          problems.push({ field: 'heldOn', message: 'must not be before the request was made' });
        }
        if (total > MAX_ATTENDEES) {
          problems.push({
            field: 'attendance',
            message: `must add up to at most ${MAX_ATTENDEES} attendees`,
          });
        }
        if (problems.length) throw invalid(problems);
      },
      notice: (updated) => ({
        eventType: 'TA_SESSION_RECORDED',
        message: `A ${total > 0 ? `training (${total} attendees)` : 'consultation'} was recorded for a technical-assistance request: ${named(updated)}.`,
      }),
      within: async (tx, updated) => {
        session = await this.requests.insertSession(tx, {
          requestId: updated.id,
          heldOn: input.heldOn,
          modality: input.modality,
          hours: input.hours,
          attendance: attendance.map((entry) => ({ audience: entry.audience, attendees: entry.attendees })),
          materials: (input.materials ?? []).map((material) => material.trim()),
          notes: input.notes?.trim() ?? null,
          recordedBy: actor.userId as string,
          recordedByAgencyId: actor.agencyId as string,
        });
      },
    });
    if (!session) throw new Error('session not recorded');
    return { request: toModel(request), session: toSessionModel(session) };
  }

  async addMessage(
    scope: AccessScope,
    input: AddTechnicalAssistanceMessageInput,
  ): Promise<TechnicalAssistanceMessage> {
    const message = await this.workflow.post(this.record, scope, {
      id: input.requestId,
      body: input.body.trim(),
      auditAction: 'ADD_TECHNICAL_ASSISTANCE_MESSAGE',
      notice: (current) => ({
        eventType: 'TA_MESSAGE_ADDED',
        message: `New message on a technical-assistance request: ${named(current)}.`,
      }),
    });
    return {
      id: message.id,
      requestId: message.subjectId,
      authorUserId: message.authorUserId,
      authorAgencyId: message.authorAgencyId,
      body: message.body,
      createdAt: message.createdAt,
    };
  }

  /** Events of each request, in key order (for a per-request DataLoader). */
  async eventsOf(requestIds: readonly string[]): Promise<TechnicalAssistanceEvent[][]> {
    const groups = await this.events.eventsOf(SUBJECT, requestIds);
    return groups.map((group) =>
      group.map((event) => ({
        id: event.id,
        fromStatus: event.fromStatus as TechnicalAssistanceStatus | null,
        toStatus: event.toStatus as TechnicalAssistanceStatus,
        // Every TA event has an actor (no sweep moves a request).
        actorUserId: event.actorUserId as string,
        actorAgencyId: event.actorAgencyId as string,
        reason: event.reason,
        occurredAt: event.occurredAt,
      })),
    );
  }

  async sessionsOf(requestIds: readonly string[]): Promise<TechnicalAssistanceSession[][]> {
    const rows = await this.requests.sessionsOf(requestIds);
    return groupByKeys(requestIds, rows, (row) => row.requestId).map((group) => group.map(toSessionModel));
  }

  async messagesOf(requestIds: readonly string[]): Promise<TechnicalAssistanceMessage[][]> {
    const groups = await this.thread.messagesOf(SUBJECT, requestIds);
    return groups.map((group) =>
      group.map((message) => ({
        id: message.id,
        requestId: message.subjectId,
        authorUserId: message.authorUserId,
        authorAgencyId: message.authorAgencyId,
        body: message.body,
        createdAt: message.createdAt,
      })),
    );
  }

  /** Every transition goes through the kernel's runner (docs/workflow.md has the order of refusals). */
  private async transition(
    scope: AccessScope,
    input: { requestId: string; expectedVersion: number },
    action: TransitionAction,
    spec: TransitionSpec,
  ): Promise<TechnicalAssistanceRequest> {
    const updated = await this.workflow.change(this.record, scope, {
      id: input.requestId,
      expectedVersion: input.expectedVersion,
      transition: action,
      auditAction: spec.auditAction,
      reason: spec.reason ?? null,
      set: () => ({ ...spec.changes }),
      check: spec.check,
      notice: (row) => ({ eventType: spec.eventType, message: spec.notice(row) }),
    });
    return toModel(updated);
  }

  /** A request the caller may not see does not exist for them (the probe is audited, for auditors only). */
  private async visible(scope: AccessScope, id: string): Promise<RequestRow> {
    const found = UUID_PATTERN.test(id) ? await this.requests.findVisible(scope, id) : null;
    return found ?? this.workflow.notFound(scope, 'READ_TECHNICAL_ASSISTANCE_REQUEST', SUBJECT, id);
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

function invalid(problems: InputProblem[]): BadUserInputError {
  return new BadUserInputError(
    `Invalid input: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
    problems,
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
