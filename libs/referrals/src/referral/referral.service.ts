import { Injectable } from '@nestjs/common';
import { AccessScope, purposeOf } from '@hub/access';
import { Clock } from '@hub/config';
import { AgencyService } from '@hub/agencies';
import { AccessGrantService, SurvivorService, VisibleSurvivor } from '@hub/consents';
import { BadUserInputError, mapConnection, UUID_PATTERN } from '@hub/graphql';
import {
  Change,
  EventLog,
  MessageThread,
  RecordMessage,
  RecordWorkflow,
  Refusals,
  statusChange,
} from '@hub/workflow';
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
import {
  ALL_REFERRAL_COLUMNS,
  ReferralRecord,
  referralColumnsFor,
  referralReader,
  toModel,
} from './referral-record';
import { ReferralRepository, ReferralRow } from './referral.repository';

/** What a page request shows of each referral (and whether it shows the counts). */
export interface ReferralPageSelection {
  counts?: boolean;
  /** The fields selected on each referral: the page reads the columns they need (every one when absent). */
  fields?: Iterable<string>;
  /** The fields selected on each agency, when it is selected: the join reads the columns they need. */
  fromAgency?: Iterable<string>;
  toAgency?: Iterable<string>;
  lastEvent?: boolean;
  survivor?: boolean;
}

/** What a page's statement read for the request's loaders: the survivor records by id. */
export interface ReferralPagePrefetch {
  survivors: [string, VisibleSurvivor | null][];
}

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
    private readonly refusals: Refusals,
    private readonly events: EventLog,
    private readonly thread: MessageThread,
    private readonly clock: Clock,
    private readonly agencies: AgencyService,
    private readonly survivors: SurvivorService,
  ) {}

  async get(scope: AccessScope, id: string): Promise<Referral> {
    const now = this.clock.now();
    const row = UUID_PATTERN.test(id) ? await this.referrals.findVisible(scope, id, now) : null;
    // A referral the caller may not see does not exist for them (the probe is audited, for auditors only).
    return toModel(row ?? (await this.refusals.notFound(scope, 'READ_REFERRAL', 'Referral', id)), now);
  }

  /**
   * Several referrals as the caller may see them, in the order of `ids`: null for one they may not
   * see (it does not exist for them). For the per-request loader of `Referral.parent`.
   */
  async visibleMany(scope: AccessScope, ids: readonly string[]): Promise<(Referral | null)[]> {
    const now = this.clock.now();
    const rows = await this.referrals.findManyVisible(
      scope,
      ids.filter((id) => UUID_PATTERN.test(id)),
      now,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      return row ? toModel(row, now) : null;
    });
  }

  /**
   * One page of a box; the box counts too when `select.counts` (a client that shows them asks).
   * What `select` names of each row — its agencies, last event, survivor — comes in the page's one
   * statement (the owning domains' joins): the agencies and the last event on each model, which
   * the field resolvers answer as they are; the survivor records handed back as `prefetched`, for
   * the request's loader (what a survivor shows depends on the fields asked, and is audited).
   */
  async page(
    scope: AccessScope,
    args: ReferralsArgs,
    select: ReferralPageSelection = {},
  ): Promise<{ connection: ReferralConnection; prefetched: ReferralPagePrefetch }> {
    const prefetched: ReferralPagePrefetch = { survivors: [] };
    const agencyId = scope.actor.agencyId;
    if (!agencyId) {
      return {
        connection: { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, counts: NO_COUNTS },
        prefetched,
      };
    }
    const now = this.clock.now();
    const joins = {
      fromAgency: select.fromAgency
        ? this.agencies.joinById(scope, 'p."fromAgencyId"', 'fa', select.fromAgency)
        : undefined,
      toAgency: select.toAgency
        ? this.agencies.joinById(scope, 'p."toAgencyId"', 'ta', select.toAgency)
        : undefined,
      lastEvent: select.lastEvent ? this.events.lastEventJoin('Referral', 'p.id', 'le') : undefined,
      survivor: select.survivor ? this.survivors.joinVisible(scope, 'p."survivorId"', 'sv', now) : undefined,
    };
    const present = Object.fromEntries(Object.entries(joins).filter(([, part]) => part)) as {
      [K in keyof typeof joins]: NonNullable<(typeof joins)[K]>;
    };
    const reader = referralReader(select.fields ? referralColumnsFor(select.fields) : ALL_REFERRAL_COLUMNS);
    const [page, totals] = await Promise.all([
      this.referrals.list(
        scope,
        agencyId,
        { box: args.box, status: args.status, need: args.need },
        args,
        now,
        reader.columns,
        present,
      ),
      select.counts ? this.referrals.counts(scope, agencyId, now) : undefined,
    ]);
    const connection = mapConnection(page, ({ row, joined }) => {
      const model = reader.toModel(row, now);
      const { fromAgency, toAgency, lastEvent, survivor } = joined;
      if (fromAgency) model.fromAgency = fromAgency;
      if (toAgency) model.toAgency = toAgency;
      if (joins.lastEvent) model.lastEvent = lastEvent && statusChange<ReferralStatus>(lastEvent);
      if (joins.survivor && row.survivorId) prefetched.survivors.push([row.survivorId, survivor ?? null]);
      return model;
    });
    return { connection: { ...connection, counts: totals }, prefetched };
  }

  /** One page of a box, the counts too when `select.counts`. */
  async list(
    scope: AccessScope,
    args: ReferralsArgs,
    select: Pick<ReferralPageSelection, 'counts'> = {},
  ): Promise<ReferralConnection> {
    return (await this.page(scope, args, select)).connection;
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
