import { Injectable } from '@nestjs/common';
import { Agency, AgencyService, ServiceNeed, TaskForceService } from '@hub/agencies';
import { AuditWriter } from '@hub/audit';
import { AccessScope, purposeOf, receivesReferrals, REFERRAL_RECIPIENT_TYPES, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { AccessGrantService, ConsentService, DataClass } from '@hub/consents';
import { BadUserInputError, mapConnection, ForbiddenError, InputProblem, UUID_PATTERN } from '@hub/graphql';
import {
  Change,
  CreateOnce,
  EventLog,
  MessageThread,
  RecordEvent,
  RecordMessage,
  RecordType,
  RecordWorkflow,
} from '@hub/workflow';
import {
  effectiveStatus,
  REFERRAL_LIFECYCLE,
  ReferralTransition,
  RESPONSE_WINDOW_MS,
} from './referral-lifecycle';
import { DeclinedBy, DeclineReason, ReferralKind, ReferralStatus, Urgency } from './referral.enums';
import {
  AddReferralMessageInput,
  CompleteReferralInput,
  CreateReferralInput,
  DeclineReferralInput,
  FailReferralInput,
  ReferralsArgs,
  ReferralTransitionInput,
} from './referral.inputs';
import { Referral, ReferralConnection, ReferralEvent, ReferralMessage } from './referral.model';
import { ReferralEntity } from './referral.entity';
import { ReferralRepository, ReferralRow } from './referral.repository';

/**
 * Closed-loop referrals: creating (with a consent that covers the recipient, or de-identified),
 * the lifecycle of DESIGN.md §3 with one event, one audit row and one notification per
 * transition in one transaction, and the message thread. Child-safety reports: ChildSafetyService.
 */
@Injectable()
export class ReferralService {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly agencies: AgencyService,
    private readonly taskForces: TaskForceService,
    private readonly consents: ConsentService,
    private readonly grants: AccessGrantService,
    private readonly audit: AuditWriter,
    private readonly workflow: RecordWorkflow,
    private readonly events: EventLog,
    private readonly thread: MessageThread,
    private readonly createOnce: CreateOnce,
    private readonly clock: Clock,
  ) {}

  /** Referrals as the workflow kernel sees them. */
  private readonly record: RecordType<ReferralRow, ReferralStatus, ReferralTransition, AccessScope> = {
    lifecycle: REFERRAL_LIFECYCLE,
    entity: ReferralEntity,
    load: (scope, id, tx) => this.referrals.findVisible(scope, id, this.clock.now(), tx),
    policyRecord: referralRecord,
    agencies: (row) => [row.fromAgencyId, row.toAgencyId],
    effectiveStatus: (row) => statusOf(row, this.clock.now()),
    // A referral never sent is the sender's own business: nobody else hears of it.
    parties: (_scope, row) => (row.sentAt === null ? [] : [row.fromAgencyId, row.toAgencyId]),
  };

  async get(scope: AccessScope, id: string): Promise<Referral> {
    const now = this.clock.now();
    const row = UUID_PATTERN.test(id) ? await this.referrals.findVisible(scope, id, now) : null;
    // A referral the caller may not see does not exist for them (the probe is audited, for auditors only).
    return toModel(row ?? (await this.workflow.notFound(scope, 'READ_REFERRAL', 'Referral', id)), now);
  }

  async list(scope: AccessScope, args: ReferralsArgs): Promise<ReferralConnection> {
    const agencyId = scope.actor.agencyId;
    const counts = { received: 0, sent: 0, needsAction: 0, drafts: 0 };
    if (!agencyId) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, counts };
    const now = this.clock.now();
    const [page, totals] = await Promise.all([
      this.referrals.list(
        scope,
        agencyId,
        { box: args.box, status: args.status, need: args.need },
        args,
        now,
      ),
      this.referrals.counts(scope, agencyId, now),
    ]);
    return { ...mapConnection(page, (row) => toModel(row, now)), counts: totals };
  }

  async create(scope: AccessScope, input: CreateReferralInput): Promise<Referral> {
    const { actor, ability } = scope;
    const from = actor.agencyId;
    // Who may refer at all; the recipient (its type included) is input, judged below as BAD_USER_INPUT.
    if (!from || !ability.can('create', 'Referral')) return this.refuseCreate(scope);
    const recipientType = await this.checkCreate(scope, from, input);
    const record = { id: '', fromAgencyId: from, toAgencyId: input.toAgencyId, toAgencyType: recipientType };
    if (!ability.can('create', subject('Referral', { ...record, sent: false })))
      return this.refuseCreate(scope);
    const now = this.clock.now();
    const created = await this.createOnce.run({
      subjectType: 'Referral',
      scope: from,
      key: input.idempotencyKey,
      request: input,
      load: (id) => this.referrals.findVisible(scope, id, now),
      create: async (tx, id) => {
        const row = await this.referrals.insert(
          tx,
          id,
          {
            kind: ReferralKind.STANDARD,
            parentReferralId: input.parentReferralId ?? null,
            fromAgencyId: from,
            toAgencyId: input.toAgencyId,
            needs: [...input.needs],
            urgency: input.urgency,
            requestedResponseHours: input.responseHours ?? null,
            responseDueAt: null,
            sentAt: null,
            notes: input.notes?.trim() || null,
            survivorId: input.survivorId ?? null,
            consentId: input.consentId ?? null,
            sharedClasses: [...(input.sharedClasses ?? [])],
            language: input.language ?? null,
            ageBand: input.ageBand ?? null,
            callback: input.callback?.trim() || null,
            legalBasis: null,
            reportReason: null,
            status: ReferralStatus.DRAFT,
            createdBy: actor.userId as string,
          },
          now,
        );
        // A draft is the sender's own business: nobody is told of it.
        await this.workflow.created(tx, this.record, scope, row, {
          auditAction: 'CREATE_REFERRAL',
          audit: { purpose: purposeOf(actor.agencyType) },
        });
        return row;
      },
    });
    return toModel(created, now);
  }

  send(scope: AccessScope, input: ReferralTransitionInput) {
    const now = this.clock.now();
    return this.transition(scope, 'send', input, {
      set: (row) => ({
        sentAt: now,
        responseDueAt: new Date(
          now.getTime() +
            (row.requestedResponseHours
              ? row.requestedResponseHours * 3600_000
              : RESPONSE_WINDOW_MS[row.urgency as Urgency]),
        ),
      }),
      check: (row) => this.checkSendable(scope, row),
    });
  }

  acknowledge(scope: AccessScope, input: ReferralTransitionInput) {
    return this.transition(scope, 'acknowledge', input);
  }

  accept(scope: AccessScope, input: ReferralTransitionInput) {
    return this.transition(scope, 'accept', input);
  }

  decline(scope: AccessScope, input: DeclineReferralInput) {
    if (input.reasonCode === DeclineReason.OTHER && !input.reason?.trim()) {
      throw new BadUserInputError('Invalid input', [
        { field: 'reason', message: 'is required when the reason code is OTHER' },
      ]);
    }
    return this.transition(scope, 'decline', input, {
      set: () => ({
        declineReason: input.reasonCode,
        declineReasonText: input.reason?.trim() || null,
        declinedBy: input.declinedBy,
      }),
    });
  }

  start(scope: AccessScope, input: ReferralTransitionInput) {
    return this.transition(scope, 'start', input);
  }

  hold(scope: AccessScope, input: ReferralTransitionInput) {
    return this.transition(scope, 'hold', input);
  }

  complete(scope: AccessScope, input: CompleteReferralInput) {
    return this.transition(scope, 'complete', input, {
      set: () => ({
        outcomeServices: [...input.outcome.servicesDelivered],
        outcomeText: input.outcome.text?.trim() || null,
      }),
    });
  }

  fail(scope: AccessScope, input: FailReferralInput) {
    return this.transition(
      scope,
      'fail',
      { ...input, reason: input.reason ?? input.failureReason },
      { set: () => ({ failureReason: input.failureReason.trim() }) },
    );
  }

  withdraw(scope: AccessScope, input: ReferralTransitionInput) {
    const now = this.clock.now();
    return this.transition(scope, 'withdraw', input, {
      // Withdrawing a child-safety report ends the access it granted, in the same transaction.
      within: async (tx, _updated, before) => {
        if (before.kind === ReferralKind.CHILD_SAFETY) await this.grants.revokeFrom(tx, before.id, now);
      },
    });
  }

  async addMessage(scope: AccessScope, input: AddReferralMessageInput): Promise<ReferralMessage> {
    const message = await this.workflow.post(this.record, scope, {
      id: input.referralId,
      body: input.body.trim(),
      auditAction: 'ADD_REFERRAL_MESSAGE',
      audit: { purpose: purposeOf(scope.actor.agencyType) },
      notice: () => ({ eventType: 'REFERRAL_MESSAGE', message: 'A new message on a referral.' }),
    });
    return toMessage(message);
  }

  /** Events, last events and messages of several referrals, for the per-request loaders. */
  async eventsOf(ids: readonly string[]): Promise<ReferralEvent[][]> {
    return (await this.events.eventsOf('Referral', ids)).map((group) => group.map(toEvent));
  }

  async lastEventsOf(ids: readonly string[]): Promise<(ReferralEvent | null)[]> {
    return (await this.events.lastEventsOf('Referral', ids)).map((event) => event && toEvent(event));
  }

  async messagesOf(ids: readonly string[]): Promise<ReferralMessage[][]> {
    return (await this.thread.messagesOf('Referral', ids)).map((group) => group.map(toMessage));
  }

  /** Every lifecycle change goes through the kernel's runner (docs/workflow.md has the order of refusals). */
  private async transition(
    scope: AccessScope,
    transition: ReferralTransition,
    input: ReferralTransitionInput,
    spec: Pick<Change<ReferralRow, ReferralStatus, ReferralTransition>, 'set' | 'check' | 'within'> = {},
  ): Promise<Referral> {
    const updated = await this.workflow.change(this.record, scope, {
      id: input.referralId,
      expectedVersion: input.expectedVersion,
      transition,
      auditAction: `${transition.toUpperCase()}_REFERRAL`,
      reason: input.reason?.trim() || null,
      audit: { purpose: purposeOf(scope.actor.agencyType) },
      ...spec,
      // A referral never sent is the sender's own business; the recipient hears of it when sent.
      notice: (row) =>
        row.sentAt === null
          ? null
          : { eventType: `REFERRAL_${row.status}`, message: `A referral is now ${row.status}.` },
    });
    return toModel(updated, this.clock.now());
  }

  private async refuseCreate(scope: AccessScope): Promise<never> {
    await this.audit.recordDenied({
      actor: scope.actor,
      action: 'CREATE_REFERRAL',
      subjectType: 'Referral',
      subjectId: null,
      subjectAgencyIds: [scope.actor.agencyId],
    });
    throw new ForbiddenError('Only case staff and investigators may refer');
  }

  /**
   * Validation of a new referral beyond field shapes; BAD_USER_INPUT naming every problem.
   * Answers the recipient's agency type.
   */
  private async checkCreate(scope: AccessScope, from: string, input: CreateReferralInput): Promise<string> {
    const problems: InputProblem[] = [];
    const [recipient] = await this.agencies.getMany(scope, [input.toAgencyId]);
    if (recipient instanceof Error) problems.push({ field: 'toAgencyId', message: 'is not a known agency' });
    else {
      if (recipient.id === from) problems.push({ field: 'toAgencyId', message: 'must be another agency' });
      const typeProblem = recipientTypeProblem(recipient.type);
      if (typeProblem) problems.push(typeProblem);
      else if (!(await this.taskForces.shareATaskForce(from, recipient.id))) {
        problems.push({ field: 'toAgencyId', message: 'is not in a task force with your agency' });
      }
      if (!recipient.acceptingReferrals && input.urgency !== Urgency.EMERGENCY) {
        problems.push({ field: 'toAgencyId', message: 'is not accepting referrals (only EMERGENCY ones)' });
      }
    }
    const withSurvivor =
      input.survivorId !== undefined || input.consentId !== undefined || input.sharedClasses !== undefined;
    if (withSurvivor) {
      if (!input.survivorId || !input.consentId || !input.sharedClasses?.length) {
        problems.push({
          field: 'survivorId',
          message: 'a referral with a survivor needs survivorId, consentId and at least one shared class',
        });
      } else if (!(recipient instanceof Error)) {
        problems.push(
          ...(await this.consents.referralCoverage(scope, {
            survivorId: input.survivorId,
            consentId: input.consentId,
            recipient,
            classes: input.sharedClasses,
          })),
        );
      }
      if (input.language || input.ageBand || input.callback) {
        problems.push({
          field: 'callback',
          message: 'language, age band and callback are for de-identified referrals only',
        });
      }
    } else if (!input.callback) {
      problems.push({ field: 'callback', message: 'a de-identified referral needs a callback route' });
    }
    if (input.parentReferralId) {
      const parent = await this.referrals.findVisible(scope, input.parentReferralId, this.clock.now());
      if (!parent || parent.toAgencyId !== from) {
        problems.push({ field: 'parentReferralId', message: 'is not a referral your agency received' });
      }
    }
    if (problems.length) throw new BadUserInputError(describeProblems(problems), problems);
    return (recipient as Agency).type;
  }

  /**
   * When a draft is sent, its recipient must (still) receive referrals — a draft made before that
   * rule may name one that does not — and its consent must still cover the recipient.
   */
  private async checkSendable(scope: AccessScope, row: ReferralRow): Promise<void> {
    const [recipient] = await this.agencies.getMany(scope, [row.toAgencyId]);
    const typeProblem = recipient instanceof Error ? null : recipientTypeProblem(recipient.type);
    if (typeProblem)
      throw new BadUserInputError(`Cannot send: ${describeProblems([typeProblem])}`, [typeProblem]);
    if (!row.survivorId || !row.consentId) return;
    const problems = await this.consents.referralCoverage(scope, {
      survivorId: row.survivorId,
      consentId: row.consentId,
      // An agency is never deleted; an unknown one is refused like a type that receives nothing.
      recipient: recipient instanceof Error ? { id: row.toAgencyId, type: '' } : recipient,
      classes: row.sharedClasses,
    });
    if (problems.length) throw new BadUserInputError(`Cannot send: ${describeProblems(problems)}`, problems);
  }
}

/** What the policy judges of a referral. */
function referralRecord(row: { id: string; fromAgencyId: string; toAgencyId: string; sentAt: Date | null }) {
  return {
    id: row.id,
    fromAgencyId: row.fromAgencyId,
    toAgencyId: row.toAgencyId,
    sent: row.sentAt !== null,
  };
}

/** The status as of `now` (EXPIRED computed on read). */
function statusOf(row: ReferralRow, now: Date): ReferralStatus {
  return effectiveStatus(
    { status: row.status as ReferralStatus, responseDueAt: row.responseDueAt, consentId: row.consentId },
    row.consentLive,
    now,
  );
}

/** The recipient's type cannot receive referrals (DESIGN.md §4, "Who can receive"), or null. */
function recipientTypeProblem(agencyType: string): InputProblem | null {
  if (receivesReferrals(agencyType)) return null;
  return {
    field: 'toAgencyId',
    message: `is a ${agencyType} agency: referrals go only to ${REFERRAL_RECIPIENT_TYPES.join(', ')} agencies`,
    reason: 'RECIPIENT_CANNOT_RECEIVE_REFERRALS',
  };
}

export function describeProblems(problems: InputProblem[]): string {
  return `Invalid referral: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`;
}

function toEvent(event: RecordEvent): ReferralEvent {
  return {
    id: event.id,
    fromStatus: event.fromStatus as ReferralStatus | null,
    toStatus: event.toStatus as ReferralStatus,
    // Every referral event has an actor (no sweep moves a referral).
    actorUserId: event.actorUserId as string,
    actorAgencyId: event.actorAgencyId as string,
    reason: event.reason,
    occurredAt: event.occurredAt,
  };
}

function toMessage(message: RecordMessage): ReferralMessage {
  return {
    id: message.id,
    authorUserId: message.authorUserId,
    authorAgencyId: message.authorAgencyId,
    body: message.body,
    createdAt: message.createdAt,
  };
}

/** The one place a referral becomes what a client sees. */
export function toModel(row: ReferralRow, now: Date): Referral {
  return {
    id: row.id,
    kind: row.kind as ReferralKind,
    parentReferralId: row.parentReferralId,
    fromAgencyId: row.fromAgencyId,
    toAgencyId: row.toAgencyId,
    needs: row.needs as ServiceNeed[],
    urgency: row.urgency as Urgency,
    status: statusOf(row, now),
    responseDueAt: row.responseDueAt,
    notes: row.notes,
    survivorId: row.survivorId,
    consentId: row.consentId,
    sharedClasses: row.sharedClasses as DataClass[],
    language: row.language,
    ageBand: row.ageBand,
    callback: row.callback,
    legalBasis: row.legalBasis,
    reportReason: row.reportReason,
    decline: row.declineReason
      ? {
          reason: row.declineReason as DeclineReason,
          text: row.declineReasonText,
          declinedBy: (row.declinedBy ?? DeclinedBy.PROVIDER) as DeclinedBy,
        }
      : null,
    failureReason: row.failureReason,
    outcome: row.outcomeServices
      ? { servicesDelivered: row.outcomeServices as ServiceNeed[], text: row.outcomeText }
      : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
