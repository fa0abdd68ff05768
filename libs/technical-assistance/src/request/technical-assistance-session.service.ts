import { Injectable } from '@nestjs/common';
import { AccessScope } from '@hub/access';
import { Clock } from '@hub/config';
import { groupByKeys, InputProblem } from '@hub/graphql';
import { RecordWorkflow } from '@hub/workflow';
import {
  TechnicalAssistanceAudience,
  TechnicalAssistanceModality,
  TechnicalAssistanceSessionKind,
} from '../shared/enums';
import {
  invalid,
  named,
  TechnicalAssistanceRecordType,
  toRequestModel,
  utcDay,
} from './technical-assistance-record-type';
import { MAX_ATTENDEES, RecordTechnicalAssistanceSessionInput } from './technical-assistance.input';
import { TechnicalAssistanceRequest, TechnicalAssistanceSession } from './technical-assistance.model';
import { SessionRow, TechnicalAssistanceRepository } from './technical-assistance.repository';

/**
 * Sessions delivered on a request while it is IN_PROGRESS (consultations, or trainings with
 * attendance). Recording one is a move of the kernel's lifecycle that keeps the status: the
 * request's version goes up, so a delivery judged on a stale session count is a CONFLICT.
 */
@Injectable()
export class TechnicalAssistanceSessionService {
  constructor(
    private readonly requests: TechnicalAssistanceRepository,
    private readonly recordType: TechnicalAssistanceRecordType,
    private readonly workflow: RecordWorkflow,
    private readonly clock: Clock,
  ) {}

  async recordSession(
    scope: AccessScope,
    input: RecordTechnicalAssistanceSessionInput,
  ): Promise<{ request: TechnicalAssistanceRequest; session: TechnicalAssistanceSession }> {
    const attendance = (input.attendance ?? []).filter((entry) => entry.attendees > 0);
    const total = attendance.reduce((sum, entry) => sum + entry.attendees, 0);
    const { actor } = scope;
    let session: SessionRow | undefined;
    const request = await this.workflow.change(this.recordType, scope, {
      id: input.requestId,
      expectedVersion: input.expectedVersion,
      transition: 'recordSession',
      auditAction: 'RECORD_TECHNICAL_ASSISTANCE_SESSION',
      check: (current) => {
        const problems: InputProblem[] = [];
        if (input.heldOn > utcDay(this.clock.now())) {
          problems.push({ field: 'heldOn', message: 'must not be in the future' });
        }
        if (input.heldOn < utcDay(current.createdAt)) {
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
    return { request: toRequestModel(request), session: toSessionModel(session) };
  }

  /** Sessions of each request, in key order (for a per-request DataLoader). */
  async sessionsOf(requestIds: readonly string[]): Promise<TechnicalAssistanceSession[][]> {
    const rows = await this.requests.sessionsOf(requestIds);
    return groupByKeys(requestIds, rows, (row) => row.requestId).map((group) => group.map(toSessionModel));
  }
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
