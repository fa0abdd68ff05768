import { Injectable } from '@nestjs/common';
import { AccessScope, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { Connection, ForbiddenError, InputProblem, mapConnection, UUID_PATTERN } from '@hub/graphql';
import { CreateOnce, EventLog, RecordWorkflow, Refusals, statusChange } from '@hub/workflow';
import { TechnicalAssistanceStatus } from '../shared/enums';
import {
  invalid,
  named,
  SUBJECT,
  TechnicalAssistanceRecordType,
  toRequestModel,
  utcDay,
} from './technical-assistance-record-type';
import {
  RequestTechnicalAssistanceInput,
  TechnicalAssistanceRequestsArgs,
} from './technical-assistance.input';
import { TechnicalAssistanceEvent, TechnicalAssistanceRequest } from './technical-assistance.model';
import { RequestRow, TechnicalAssistanceRepository } from './technical-assistance.repository';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far ahead preferred dates may reach. */
export const MAX_PREFERRED_DAYS_AHEAD = 2 * 366;

/**
 * Asking for technical assistance (idempotent through createOnce: the request, its first event,
 * audit row and notices to the task force's coordinators in one transaction) and reading requests
 * and their history under the policy.
 */
@Injectable()
export class TechnicalAssistanceRequestService {
  constructor(
    private readonly requests: TechnicalAssistanceRepository,
    private readonly recordType: TechnicalAssistanceRecordType,
    private readonly workflow: RecordWorkflow,
    private readonly refusals: Refusals,
    private readonly events: EventLog,
    private readonly createOnce: CreateOnce,
    private readonly clock: Clock,
  ) {}

  async get(scope: AccessScope, id: string): Promise<TechnicalAssistanceRequest> {
    return toRequestModel(await this.visible(scope, id));
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
    return mapConnection(page, toRequestModel);
  }

  async request(
    scope: AccessScope,
    input: RequestTechnicalAssistanceInput,
  ): Promise<TechnicalAssistanceRequest> {
    const { actor, ability } = scope;
    const refuse = async (): Promise<never> => {
      await this.refusals.refuse(
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
    const coordinators = await this.recordType.coordinatorAgencies(scope, taskForceId);
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
        await this.workflow.created(tx, this.recordType, scope, created, {
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
    return toRequestModel(saved);
  }

  /** Events of each request, in key order (for a per-request DataLoader). */
  async eventsOf(requestIds: readonly string[]): Promise<TechnicalAssistanceEvent[][]> {
    const groups = await this.events.eventsOf(SUBJECT, requestIds);
    return groups.map((group) => group.map((event) => statusChange<TechnicalAssistanceStatus>(event)));
  }

  /** A request the caller may not see does not exist for them (the probe is audited, for auditors only). */
  private async visible(scope: AccessScope, id: string): Promise<RequestRow> {
    const found = UUID_PATTERN.test(id) ? await this.requests.findVisible(scope, id) : null;
    return found ?? this.refusals.notFound(scope, 'READ_TECHNICAL_ASSISTANCE_REQUEST', SUBJECT, id);
  }

  private preferredDateProblems(start: string | undefined, end: string | undefined): InputProblem[] {
    const problems: InputProblem[] = [];
    const today = utcDay(this.clock.now());
    const latest = utcDay(new Date(Date.parse(`${today}T00:00:00Z`) + MAX_PREFERRED_DAYS_AHEAD * DAY_MS));
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
}
