import { Injectable } from '@nestjs/common';
import { Agency, AgencyService, AgencyType } from '@hub/agencies';
import { AccessScope } from '@hub/access';
import { RecordWorkflow } from '@hub/workflow';
import { TechnicalAssistanceStatus } from '../shared/enums';
import {
  TECHNICAL_ASSISTANCE_LIFECYCLE,
  TransitionAction,
  withheldMove,
} from './technical-assistance-lifecycle';
import {
  invalid,
  named,
  TechnicalAssistanceRecordType,
  toRequestModel,
} from './technical-assistance-record-type';
import {
  AssignTechnicalAssistanceInput,
  CloseTechnicalAssistanceInput,
  DeclineTechnicalAssistanceInput,
  DeliverTechnicalAssistanceInput,
  StartTechnicalAssistanceInput,
  TriageTechnicalAssistanceInput,
  WithdrawTechnicalAssistanceInput,
} from './technical-assistance.input';
import { TechnicalAssistanceRequest } from './technical-assistance.model';
import { RequestChanges, RequestRow, TechnicalAssistanceRepository } from './technical-assistance.repository';

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

/**
 * The request's lifecycle: triage, assignment, start, delivery, closing with a rating, decline and
 * withdrawal. Every transition goes through the workflow kernel's runner (docs/workflow.md has the
 * order of refusals): one transaction with the versioned UPDATE, the event, the audit row and the
 * notices to the other parties.
 */
@Injectable()
export class TechnicalAssistanceTransitionsService {
  constructor(
    private readonly requests: TechnicalAssistanceRepository,
    private readonly recordType: TechnicalAssistanceRecordType,
    private readonly agencies: AgencyService,
    private readonly workflow: RecordWorkflow,
  ) {}

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
        if (withheldMove('deliver', await this.requests.sessionCount(current.id))) {
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

  private async transition(
    scope: AccessScope,
    input: { requestId: string; expectedVersion: number },
    action: TransitionAction,
    spec: TransitionSpec,
  ): Promise<TechnicalAssistanceRequest> {
    const updated = await this.workflow.change(this.recordType, scope, {
      id: input.requestId,
      expectedVersion: input.expectedVersion,
      transition: action,
      auditAction: spec.auditAction,
      reason: spec.reason ?? null,
      set: () => ({ ...spec.changes }),
      check: spec.check,
      notice: (row) => ({ eventType: spec.eventType, message: spec.notice(row) }),
    });
    return toRequestModel(updated);
  }
}
