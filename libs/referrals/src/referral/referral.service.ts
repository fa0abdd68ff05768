import { Injectable } from '@nestjs/common';
import { AccessScope, purposeOf } from '@hub/access';
import { Clock } from '@hub/config';
import { AccessGrantService } from '@hub/consents';
import { BadUserInputError, mapConnection, UUID_PATTERN } from '@hub/graphql';
import { Change, EventLog, MessageThread, RecordMessage, RecordWorkflow, statusChange } from '@hub/workflow';
import { RESPONSE_WINDOW_MS, ReferralTransition } from './referral-lifecycle';
import { DeclineReason, ReferralKind, ReferralStatus, Urgency } from './referral.enums';
import {
  AddReferralMessageInput,
  CompleteReferralInput,
  DeclineReferralInput,
  FailReferralInput,
  ReferralsArgs,
  ReferralTransitionInput,
} from './referral.inputs';
import {
  Referral,
  ReferralBoxCounts,
  ReferralConnection,
  ReferralEvent,
  ReferralMessage,
} from './referral.model';
import { ReferralIntakeService } from './referral-intake.service';
import { ReferralRecord, toModel } from './referral-record';
import { ReferralRepository, ReferralRow } from './referral.repository';

/** A caller without an agency has no boxes. */
const NO_COUNTS: ReferralBoxCounts = { received: 0, sent: 0, needsAction: 0, drafts: 0 };

/**
 * Closed-loop referrals once they exist: reads, the lifecycle of DESIGN.md §3 with one event, one
 * audit row and one notification per transition in one transaction, and the message thread.
 * Creating a draft and what a send must still satisfy: ReferralIntakeService; child-safety
 * reports: ChildSafetyService.
 */
@Injectable()
export class ReferralService {
  constructor(
    private readonly referrals: ReferralRepository,
    private readonly record: ReferralRecord,
    private readonly intake: ReferralIntakeService,
    private readonly grants: AccessGrantService,
    private readonly workflow: RecordWorkflow,
    private readonly events: EventLog,
    private readonly thread: MessageThread,
    private readonly clock: Clock,
  ) {}

  async get(scope: AccessScope, id: string): Promise<Referral> {
    const now = this.clock.now();
    const row = UUID_PATTERN.test(id) ? await this.referrals.findVisible(scope, id, now) : null;
    // A referral the caller may not see does not exist for them (the probe is audited, for auditors only).
    return toModel(row ?? (await this.workflow.notFound(scope, 'READ_REFERRAL', 'Referral', id)), now);
  }

  /** One page of a box; the box counts too when `select.counts` (a client that shows them asks). */
  async list(
    scope: AccessScope,
    args: ReferralsArgs,
    select: { counts?: boolean } = {},
  ): Promise<ReferralConnection> {
    const agencyId = scope.actor.agencyId;
    if (!agencyId) {
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, counts: NO_COUNTS };
    }
    const now = this.clock.now();
    const [page, totals] = await Promise.all([
      this.referrals.list(
        scope,
        agencyId,
        { box: args.box, status: args.status, need: args.need },
        args,
        now,
      ),
      select.counts ? this.referrals.counts(scope, agencyId, now) : undefined,
    ]);
    return { ...mapConnection(page, (row) => toModel(row, now)), counts: totals };
  }

  /** The size of each of the caller's boxes, as `referrals { counts }` answers it. */
  async counts(scope: AccessScope): Promise<ReferralBoxCounts> {
    const agencyId = scope.actor.agencyId;
    return agencyId ? this.referrals.counts(scope, agencyId, this.clock.now()) : NO_COUNTS;
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
      check: (row) => this.intake.checkSendable(scope, row),
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
    return (await this.events.eventsOf('Referral', ids)).map((group) =>
      group.map((event) => statusChange<ReferralStatus>(event)),
    );
  }

  async lastEventsOf(ids: readonly string[]): Promise<(ReferralEvent | null)[]> {
    return (await this.events.lastEventsOf('Referral', ids)).map(
      (event) => event && statusChange<ReferralStatus>(event),
    );
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
