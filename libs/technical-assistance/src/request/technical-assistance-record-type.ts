import { Injectable } from '@nestjs/common';
import { Agency, AgencyService, AgencyType, TaskForceService } from '@hub/agencies';
import { AccessScope } from '@hub/access';
import { Tx } from '@hub/database';
import { BadUserInputError, InputProblem } from '@hub/graphql';
import { RecordType } from '@hub/workflow';
import {
  TechnicalAssistanceAudience,
  TechnicalAssistanceModality,
  TechnicalAssistancePriority,
  TechnicalAssistanceStatus,
  TechnicalAssistanceTopic,
  TechnicalAssistanceType,
  TechnicalAssistanceUrgency,
} from '../shared/enums';
import { technicalAssistanceRecord } from './technical-assistance-access';
import { TECHNICAL_ASSISTANCE_LIFECYCLE, TransitionAction } from './technical-assistance-lifecycle';
import { TechnicalAssistanceRequestEntity } from './technical-assistance.entity';
import { TechnicalAssistanceRequest } from './technical-assistance.model';
import { RequestRow, TechnicalAssistanceRepository } from './technical-assistance.repository';

export const SUBJECT = 'TechnicalAssistanceRequest';

/** What moves a request through the kernel: its transitions, and recording a session (status kept). */
export type TechnicalAssistanceMove = TransitionAction | 'recordSession';

/**
 * A technical-assistance request as the workflow kernel sees it (docs/workflow.md), shared by the
 * services that create requests, move them, record their sessions and write in their threads:
 * the lifecycle, the load under the caller's access scope, whose record it is and who is told.
 */
@Injectable()
export class TechnicalAssistanceRecordType
  implements RecordType<RequestRow, TechnicalAssistanceStatus, TechnicalAssistanceMove, AccessScope>
{
  readonly lifecycle = TECHNICAL_ASSISTANCE_LIFECYCLE;
  readonly entity = TechnicalAssistanceRequestEntity;

  constructor(
    private readonly requests: TechnicalAssistanceRepository,
    private readonly agencyService: AgencyService,
    private readonly taskForces: TaskForceService,
  ) {}

  load(scope: AccessScope, id: string, tx?: Tx): Promise<RequestRow | null> {
    return this.requests.findVisible(scope, id, tx);
  }

  policyRecord(request: RequestRow): Record<string, unknown> {
    return technicalAssistanceRecord(request);
  }

  agencies(request: RequestRow): (string | null)[] {
    return [request.requestingAgencyId, request.assignedAgencyId];
  }

  /** The request's parties: the requester, the task force's coordinators and the assigned provider. */
  async parties(scope: AccessScope, request: RequestRow): Promise<(string | null)[]> {
    return [
      request.requestingAgencyId,
      ...(await this.coordinatorAgencies(scope, request.taskForceId)),
      request.assignedAgencyId,
    ];
  }

  /** Agencies that coordinate the task force: its member agencies of type COORDINATOR. */
  async coordinatorAgencies(scope: AccessScope, taskForceId: string): Promise<string[]> {
    const [members] = await this.taskForces.membersOf(scope, [taskForceId]);
    const agencies = await this.agencyService.getMany(
      scope,
      members.map((member) => member.agencyId),
    );
    return agencies
      .filter(
        (agency): agency is Agency => !(agency instanceof Error) && agency.type === AgencyType.COORDINATOR,
      )
      .map((agency) => agency.id);
  }
}

export function invalid(problems: InputProblem[]): BadUserInputError {
  return new BadUserInputError(
    `Invalid input: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
    problems,
  );
}

/** How a notification names a request: enumerated values only, never free text. */
export function named(request: RequestRow): string {
  const words = (value: string) => value.toLowerCase().replace(/_/g, ' ');
  return `${words(request.type)} on ${words(request.topic)}`;
}

/** The calendar day (UTC) of an instant, as YYYY-MM-DD (ISO dates compare as strings). */
export function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

export function toRequestModel(row: RequestRow): TechnicalAssistanceRequest {
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
