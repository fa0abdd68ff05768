import { Inject, Injectable } from '@nestjs/common';
import { EntityTarget, ObjectLiteral } from 'typeorm';
import { AccessScopeOf as AccessScope, Actor } from '@hub/authz';
import { returnedEntities, Transactions, Tx } from '@hub/database';
import { ConflictError, ForbiddenError, UUID_PATTERN } from '@hub/graphql';
import { EventLog } from './event-log';
import { agencyIds, Refusals } from './refusals';
import { Lifecycle } from './lifecycle';
import { MessageThread, RecordMessage } from './message-thread';
import { permits, PolicyAction } from './offered-actions';
import {
  WORKFLOW_AUDIT,
  WORKFLOW_NOTIFIER,
  WorkflowAuditEvent,
  WorkflowAuditPort,
  WorkflowNotifierPort,
} from './ports';

/**
 * What the runner needs of a record: its id, the version clients send back, the stored status
 * (a string as the row holds it; the lifecycle judges `effectiveStatus`, typed).
 */
export interface WorkflowRecord {
  id: string;
  version: number;
  status: string;
}

/**
 * How a domain plugs one record type into the runner (docs/workflow.md). `C`: the domain's access
 * scope type (the hub's policy fixes the ability type; the runner needs only the generic one).
 */
export interface RecordType<
  R extends WorkflowRecord,
  S extends string,
  T extends string,
  C extends AccessScope = AccessScope,
> {
  lifecycle: Lifecycle<S, T>;
  /** The entity class of the record's table; it has `id`, `version`, `status` and `updatedAt`. */
  entity: EntityTarget<ObjectLiteral>;
  /** The record if the caller may see it (the policy's read rules in the query), else null. */
  load(scope: C, id: string, tx?: Tx): Promise<R | null>;
  /** The plain record the policy judges (`subject(lifecycle.subjectType, policyRecord(r))`). */
  policyRecord(record: R): Record<string, unknown>;
  /** Agencies whose record it is: every audit row names them. */
  agencies(record: R): readonly (string | null | undefined)[];
  /** The status as of now when it is computed on read (expiry); default the stored status. */
  effectiveStatus?(record: R): S;
  /** Agencies told of a change or message; the actor's own agency is left out. */
  parties?(scope: C, record: R): Promise<readonly (string | null)[]> | readonly (string | null)[];
}

export interface Notice {
  eventType: string;
  message: string;
}

/** One change of one record through its lifecycle. */
export interface Change<R, S extends string, T extends string> {
  id: string;
  expectedVersion: number;
  transition: T;
  /** The policy's action; defaults to the transition's name (name transitions after policy actions). */
  action?: PolicyAction;
  /** The audit action, e.g. TRIAGE_TECHNICAL_ASSISTANCE. */
  auditAction: string;
  /** Recorded on the event and the audit row. */
  reason?: string | null;
  /** Columns set beside status, version and updated_at (entity property names). */
  set?: (record: R) => Record<string, unknown>;
  /** The domain's own refusals (after the lifecycle), e.g. BAD_USER_INPUT. Nothing is written yet. */
  check?: (record: R, status: S) => Promise<void> | void;
  /** What the other parties are told (null: nobody). */
  notice?: (updated: R, before: R) => Notice | null;
  /** Set on the audit row; its own `reason` overrides the change's there (not on the event). */
  audit?: Pick<WorkflowAuditEvent, 'fields' | 'purpose' | 'reason'>;
  details?: Record<string, unknown>;
  /** Extra writes of the domain, in the same transaction, after the update, event, audit and notices. */
  within?: (tx: Tx, updated: R, before: R) => Promise<void>;
}

/**
 * The one change runner. Order of refusals, always: NOT_FOUND (audited) → FORBIDDEN (audited) →
 * CONFLICT → ILLEGAL_TRANSITION → the domain's check; then one transaction: the versioned and
 * status-guarded UPDATE, one event (when the status moves), one ALLOWED audit row, the notices,
 * the domain's hook. A refusal writes nothing but its DENIED audit row.
 */
@Injectable()
export class RecordWorkflow {
  constructor(
    private readonly transactions: Transactions,
    private readonly events: EventLog,
    private readonly thread: MessageThread,
    @Inject(WORKFLOW_AUDIT) private readonly audit: WorkflowAuditPort,
    @Inject(WORKFLOW_NOTIFIER) private readonly notifier: WorkflowNotifierPort,
    private readonly refusals: Refusals,
  ) {}

  /** The record if the caller may see it and may do `action` to it; else an audited NOT_FOUND or FORBIDDEN. */
  async guard<R extends WorkflowRecord, S extends string, T extends string, C extends AccessScope>(
    type: RecordType<R, S, T, C>,
    scope: C,
    id: string,
    action: PolicyAction,
    auditAction: string,
  ): Promise<R> {
    const subjectType = type.lifecycle.subjectType;
    assertDeclared(scope, action, subjectType);
    const found = UUID_PATTERN.test(id) ? await type.load(scope, id) : null;
    if (!found) {
      return this.refusals.notFound(scope, auditAction, subjectType, id);
    }
    if (!permits(scope.ability, subjectType, type.policyRecord(found), action)) {
      await this.refusals.refuse(scope, auditAction, subjectType, found.id, type.agencies(found));
      throw new ForbiddenError(`Not permitted to ${action} this ${subjectType}`);
    }
    return found;
  }

  /** Runs one change; see the class comment for the order. Answers the record as changed. */
  async change<R extends WorkflowRecord, S extends string, T extends string, C extends AccessScope>(
    type: RecordType<R, S, T, C>,
    scope: C,
    change: Change<R, S, T>,
  ): Promise<R> {
    const { lifecycle } = type;
    const before = await this.guard(
      type,
      scope,
      change.id,
      change.action ?? (change.transition as PolicyAction),
      change.auditAction,
    );
    // Stale before illegal: two racing callers get CONFLICT whichever commits first.
    if (before.version !== change.expectedVersion) throw stale(lifecycle.subjectType, before.id);
    const current = type.effectiveStatus?.(before) ?? (before.status as S);
    const next = lifecycle.assert(current, change.transition);
    await change.check?.(before, current);

    const parties = await this.partiesOf(type, scope, before);
    return this.transactions.run(async (tx) => {
      const updated = await this.update(tx, type, before, change.expectedVersion, next, change.set);
      if (!updated) throw stale(lifecycle.subjectType, before.id);
      // The parties as they were, and whoever the change made a party (a new assignee).
      await this.written(tx, type, scope.actor, { before, updated, from: current, to: next }, change, [
        ...parties,
        ...type.agencies(updated),
      ]);
      await change.within?.(tx, updated, before);
      return updated;
    });
  }

  /**
   * A change the hub makes on its own account inside another change's transaction (an agency's
   * deactivation hands its open referrals back to their senders). The change that caused it was
   * judged by the policy, so this record is not judged again (nobody is answered NOT_FOUND or
   * FORBIDDEN); otherwise it is `change`: the guarded UPDATE, the event, the ALLOWED audit row
   * (`actor`: who made the causing change) and the notices to `parties`. False, with nothing
   * written, when the lifecycle has no such move from the record's effective status or the record
   * moved since it was read (lock it `FOR UPDATE` when reading to rule that out).
   */
  async changeWithin<R extends WorkflowRecord, S extends string, T extends string>(
    tx: Tx,
    type: Pick<RecordType<R, S, T>, 'lifecycle' | 'entity' | 'agencies' | 'effectiveStatus'>,
    actor: Actor,
    record: R,
    change: Pick<Change<R, S, T>, 'transition' | 'auditAction' | 'reason' | 'set' | 'audit' | 'details'> & {
      notice?: (record: R) => Notice | null;
      parties: readonly (string | null)[];
    },
  ): Promise<boolean> {
    const current = type.effectiveStatus?.(record) ?? (record.status as S);
    const next = type.lifecycle.next(current, change.transition);
    if (next === undefined) return false;
    const updated = await this.update(tx, type, record, record.version, next, change.set);
    if (!updated) return false;
    const notice = change.notice && ((changed: R) => change.notice?.(changed) ?? null);
    await this.written(
      tx,
      type,
      actor,
      { before: record, updated, from: current, to: next },
      { ...change, notice },
      change.parties,
    );
    return true;
  }

  /**
   * The versioned and stored-status-guarded UPDATE of one record; null when it matched no row.
   * The record as changed comes from the UPDATE's own RETURNING (no second read): the stored
   * columns as written, anything the type's `load` derived beside them as it was.
   */
  private async update<R extends WorkflowRecord>(
    tx: Tx,
    type: { entity: RecordType<R, string, string>['entity'] },
    before: R,
    expectedVersion: number,
    next: string,
    set: ((record: R) => Record<string, unknown>) | undefined,
  ): Promise<R | null> {
    const result = await tx
      .createQueryBuilder()
      .update(type.entity)
      .set({ ...(set?.(before) ?? {}), status: next, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id AND version = :expectedVersion AND status = :storedStatus', {
        id: before.id,
        expectedVersion,
        storedStatus: before.status,
      })
      .returning('*')
      .execute();
    if (!result.affected) return null;
    const [stored] = returnedEntities(tx, type.entity, result.raw);
    return { ...before, ...stored } as R;
  }

  /**
   * What a change (or a create: `from` null) writes beside its row: the event (when the status
   * moves), the ALLOWED audit row naming the record's agencies, the notices to `told`.
   */
  private async written<R extends WorkflowRecord, S extends string, T extends string>(
    tx: Tx,
    type: Pick<RecordType<R, S, T>, 'lifecycle' | 'agencies'>,
    actor: Actor,
    moved: { before: R; updated: R; from: S | null; to: S },
    change: Pick<Change<R, S, T>, 'auditAction' | 'reason' | 'audit' | 'details' | 'notice'>,
    told: readonly (string | null | undefined)[],
  ): Promise<void> {
    const { before, updated, from, to } = moved;
    const subjectType = type.lifecycle.subjectType;
    if (to !== from) {
      await this.events.append(tx, {
        subjectType,
        subjectId: before.id,
        fromStatus: from,
        toStatus: to,
        actorUserId: actor.userId,
        actorAgencyId: actor.agencyId,
        reason: change.reason ?? null,
        details: change.details ?? null,
      });
    }
    await this.audit.record(tx, {
      actor,
      action: change.auditAction,
      subjectType,
      subjectId: before.id,
      subjectAgencyIds: agencyIds([...type.agencies(before), ...type.agencies(updated)]),
      ...change.audit,
      // The audit row may record a reason of its own (a child-safety report's legal basis).
      reason: change.audit?.reason ?? change.reason ?? null,
      decision: 'ALLOWED',
    });
    const notice = change.notice?.(updated, before) ?? null;
    if (notice) await this.publish(tx, actor, subjectType, before.id, told, notice);
  }

  /** Posts to a record's thread: NOT_FOUND / FORBIDDEN (`message`) audited, then message + audit + notices. */
  async post<R extends WorkflowRecord, S extends string, T extends string, C extends AccessScope>(
    type: RecordType<R, S, T, C>,
    scope: C,
    post: {
      id: string;
      body: string;
      auditAction: string;
      notice: (record: R) => Notice | null;
      audit?: Pick<WorkflowAuditEvent, 'fields' | 'purpose'>;
    },
  ): Promise<RecordMessage> {
    const subjectType = type.lifecycle.subjectType;
    const record = await this.guard(type, scope, post.id, 'message', post.auditAction);
    const { actor } = scope;
    if (!actor.userId || !actor.agencyId) throw new ForbiddenError('Only a member of an agency may write');
    const parties = await this.partiesOf(type, scope, record);
    return this.transactions.run(async (tx) => {
      const message = await this.thread.post(tx, {
        subjectType,
        subjectId: record.id,
        authorUserId: actor.userId as string,
        authorAgencyId: actor.agencyId as string,
        body: post.body,
      });
      await this.audit.record(tx, {
        actor,
        action: post.auditAction,
        subjectType,
        subjectId: record.id,
        subjectAgencyIds: agencyIds(type.agencies(record)),
        ...post.audit,
        decision: 'ALLOWED',
      });
      const notice = post.notice(record);
      if (notice) await this.publish(tx, actor, subjectType, record.id, parties, notice);
      return message;
    });
  }

  /**
   * The creation of a record (inside its create's transaction): its first event, audit row and
   * notices. `reason` is recorded on both; `audit.reason`, when given, on the audit row instead
   * (a create whose event says why and whose audit row names the basis it was made on).
   */
  async created<R extends WorkflowRecord, S extends string, T extends string>(
    tx: Tx,
    type: RecordType<R, S, T>,
    scope: AccessScope,
    record: R,
    options: {
      auditAction: string;
      reason?: string | null;
      notice?: Notice | null;
      parties?: readonly (string | null)[];
      audit?: Pick<WorkflowAuditEvent, 'fields' | 'purpose' | 'reason'>;
    },
  ): Promise<void> {
    const { notice } = options;
    const told = notice ? (options.parties ?? (await this.partiesOf(type, scope, record))) : [];
    await this.written(
      tx,
      type,
      scope.actor,
      { before: record, updated: record, from: null, to: record.status as S },
      { ...options, notice: notice ? () => notice : undefined },
      told,
    );
  }

  private async partiesOf<
    R extends WorkflowRecord,
    S extends string,
    T extends string,
    C extends AccessScope,
  >(type: RecordType<R, S, T, C>, scope: C, record: R): Promise<readonly (string | null | undefined)[]> {
    return type.parties ? type.parties(scope, record) : type.agencies(record);
  }

  private async publish(
    tx: Tx,
    actor: Actor,
    subjectType: string,
    subjectId: string,
    parties: readonly (string | null | undefined)[],
    notice: Notice,
  ): Promise<void> {
    const others = agencyIds(parties).filter((id) => id !== actor.agencyId);
    if (others.length === 0) return;
    await this.notifier.publish(tx, { agencyIds: others, subjectType, subjectId, ...notice });
  }
}

/** Distinct agency ids, nulls left out. */
function stale(subjectType: string, id: string): ConflictError {
  return new ConflictError(`${subjectType} ${id} was changed by someone else; reload it and try again`);
}

/**
 * The operation's declared requirement (`@Can`, put in the scope by the AuthzGuard) is what is
 * judged on the loaded record: a runner asked to judge another action is a programming error, not
 * a caller's, so it fails loudly instead of checking the wrong rule. Scopes built outside a
 * request (tests, the worker) carry no declaration.
 */
export function assertDeclared(scope: AccessScope, action: PolicyAction, subjectType: string): void {
  const declared = scope.requirement;
  if (declared && (declared.action !== action || declared.subjectType !== subjectType)) {
    throw new Error(
      `The operation declares ${declared.action} ${declared.subjectType} but the workflow judges ${String(action)} ${subjectType}`,
    );
  }
}
