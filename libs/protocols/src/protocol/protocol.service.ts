import { Injectable } from '@nestjs/common';
import { AgencyType } from '@hub/agencies';
import { AccessScope, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { Tx } from '@hub/database';
import {
  BadUserInputError,
  ConflictError,
  Connection,
  ForbiddenError,
  InputProblem,
  mapConnection,
  NotFoundError,
  UUID_PATTERN,
} from '@hub/graphql';
import { CreateOnce, EventLog, RecordType, RecordWorkflow, Refusals, statusChange } from '@hub/workflow';
import { renderProtocolMarkdown } from '../markdown/protocol-markdown';
import { contentProblems, publicationProblems } from './protocol-content';
import { isDueForReview, protocolRecord, utcDate } from './protocol-access';
import { PROTOCOL_LIFECYCLE, PROTOCOL_VERSION_LIFECYCLE, ProtocolTransition } from './protocol-lifecycle';
import { ProtocolCategory, ProtocolState, ProtocolVersionState } from './protocol.enums';
import { ProtocolEntity } from './protocol.entity';
import {
  ArchiveProtocolInput,
  CreateProtocolInput,
  ProtocolsArgs,
  PublishProtocolVersionInput,
  UpdateProtocolDraftInput,
} from './protocol.inputs';
import { Protocol, ProtocolEvent, ProtocolVersion } from './protocol.model';
import { ProtocolRepository, ProtocolRow, ProtocolVersionRow, VersionContent } from './protocol.repository';

const SUBJECT = 'Protocol';
const VERSION_SUBJECT = 'ProtocolVersion';

/**
 * Protocols of a task force: coordinators create them (idempotent through createOnce), edit
 * drafts, publish versions (the one in force becomes SUPERSEDED; audience agencies are notified)
 * and archive them; member agencies in the audience read what was published. Every change goes
 * through the workflow kernel's runner (docs/workflow.md): its order of refusals, one transaction
 * with the versioned UPDATE of the protocol, its event, audit row and notices, and the versions'
 * own moves (with their events) in the same transaction. Permissions come from the one policy only.
 */
@Injectable()
export class ProtocolService {
  constructor(
    private readonly protocols: ProtocolRepository,
    private readonly workflow: RecordWorkflow,
    private readonly refusals: Refusals,
    private readonly events: EventLog,
    private readonly createOnce: CreateOnce,
    private readonly clock: Clock,
  ) {}

  /** Protocols as the workflow kernel sees them. */
  readonly record: RecordType<ProtocolRow, ProtocolState, ProtocolTransition, AccessScope> = {
    lifecycle: PROTOCOL_LIFECYCLE,
    entity: ProtocolEntity,
    load: async (scope, id, tx) => (await this.protocols.findVisible(scope, [id], tx))[0] ?? null,
    policyRecord: protocolRecord,
    agencies: protocolAgencies,
  };

  // --- reads ------------------------------------------------------------------------------

  async list(scope: AccessScope, args: ProtocolsArgs): Promise<Connection<Protocol>> {
    const now = this.clock.now();
    const rows = await this.protocols.listVisible(
      scope,
      { taskForceId: args.taskForceId, category: args.category, state: args.state, text: args.text?.trim() },
      args,
    );
    return mapConnection(rows, (row) => toProtocol(row, now));
  }

  async get(scope: AccessScope, id: string): Promise<Protocol> {
    const [model] = await this.getMany(scope, [id]);
    if (model instanceof Error) throw model;
    return model;
  }

  /** For DataLoaders: protocols by id in key order; one the caller may not see is NOT_FOUND. */
  async getMany(scope: AccessScope, ids: readonly string[]): Promise<(Protocol | Error)[]> {
    const now = this.clock.now();
    const found = new Map(
      (
        await this.protocols.findVisible(
          scope,
          ids.filter((id) => UUID_PATTERN.test(id)),
        )
      ).map((row) => [row.id, row]),
    );
    return ids.map((id) => {
      const row = found.get(id);
      return row ? toProtocol(row, now) : new NotFoundError('Protocol', id);
    });
  }

  /** For DataLoaders: the versions of each protocol the caller may see, newest first, in key order. */
  async versionsOf(scope: AccessScope, protocolIds: readonly string[]): Promise<ProtocolVersion[][]> {
    const now = this.clock.now();
    const rows = await this.protocols.versionsVisible(scope, protocolIds);
    return protocolIds.map((id) =>
      rows.filter((row) => row.protocolId === id).map((row) => toVersion(row, now)),
    );
  }

  /** For DataLoaders: the events of each protocol (or version) the caller was shown, oldest first. */
  async eventsOf(
    subjectType: 'Protocol' | 'ProtocolVersion',
    ids: readonly string[],
  ): Promise<ProtocolEvent[][]> {
    const groups = await this.events.eventsOf(subjectType, ids);
    return groups.map((group) => group.map((event) => statusChange(event)));
  }

  /**
   * A body as readers will see it once published (the one renderer and sanitiser of bodyHtml), for
   * those who write protocols. Nothing is read or saved; a refusal is audited like any other.
   */
  async preview(scope: AccessScope, body: string): Promise<string> {
    const { actor, ability } = scope;
    if (!ability.can('create', 'Protocol')) {
      await this.refusals.refuse(scope, 'PREVIEW_PROTOCOL', SUBJECT, null, [actor.agencyId]);
      throw new ForbiddenError('Only coordinators preview protocol text');
    }
    return renderProtocolMarkdown(body);
  }

  // --- changes ----------------------------------------------------------------------------

  async create(scope: AccessScope, input: CreateProtocolInput): Promise<Protocol> {
    const { actor, ability } = scope;
    if (!(await this.protocols.taskForceExists(input.taskForceId))) {
      return this.refusals.notFound(scope, 'CREATE_PROTOCOL', 'TaskForce', input.taskForceId);
    }
    const record = subject('Protocol', {
      taskForceId: input.taskForceId,
      audience: input.audience,
      published: false,
    });
    if (!actor.userId || !actor.agencyId || !ability.can('create', record)) {
      await this.refusals.refuse(
        scope,
        'CREATE_PROTOCOL',
        'TaskForce',
        input.taskForceId,
        actor.agencyId ? [actor.agencyId] : [],
      );
      throw new ForbiddenError('Only a coordinator of this task force may create its protocols');
    }
    const userId = actor.userId;
    const ownerAgencyId = input.ownerAgencyId ?? actor.agencyId;
    const content: VersionContent = {
      title: input.title.trim(),
      category: input.category,
      audience: [...input.audience],
      body: input.body,
      summaryOfChanges: input.summaryOfChanges?.trim() || null,
      effectiveDate: input.effectiveDate ?? null,
      reviewBy: input.reviewBy ?? null,
      requiresAcknowledgement: input.requiresAcknowledgement ?? true,
    };
    const problems = contentProblems(content);
    if (!(await this.protocols.isMember(input.taskForceId, ownerAgencyId))) {
      problems.push({ field: 'ownerAgencyId', message: 'must be a member agency of the task force' });
    }
    throwIfAny(problems, 'Invalid protocol');

    const created = await this.createOnce.run({
      subjectType: SUBJECT,
      scope: input.taskForceId,
      key: input.idempotencyKey,
      request: input,
      load: (id) => this.record.load(scope, id),
      create: async (tx, id) => {
        await this.protocols.insertProtocol(
          tx,
          id,
          { taskForceId: input.taskForceId, ownerAgencyId, createdBy: userId },
          content,
        );
        const versionId = await this.protocols.insertVersion(tx, id, 1, content, userId);
        const row = await this.record.load(scope, id, tx);
        if (!row) throw new Error(`protocol ${id} vanished in its own create`);
        await this.workflow.created(tx, this.record, scope, row, { auditAction: 'CREATE_PROTOCOL' });
        await this.versionEvent(tx, scope, versionId, null, ProtocolVersionState.DRAFT);
        return row;
      },
    });
    return toProtocol(created, this.clock.now());
  }

  async updateDraft(scope: AccessScope, input: UpdateProtocolDraftInput): Promise<Protocol> {
    const changes = draftChanges(input);
    if (Object.keys(changes).length === 0) throw new BadUserInputError('Nothing to update');
    // Worked out in the check (after the kernel's refusals, before its transaction) and written in it:
    // the protocol's guarded UPDATE fails (CONFLICT) if anything changed it in between.
    let plan: { draft: ProtocolVersionRow | null; base: ProtocolVersionRow; content: VersionContent };
    const updated = await this.workflow.change(this.record, scope, {
      id: input.protocolId,
      expectedVersion: input.expectedVersion,
      transition: 'update',
      auditAction: 'UPDATE_PROTOCOL_DRAFT',
      audit: { fields: Object.keys(changes) },
      check: async (protocol) => {
        const draft = await this.protocols.draftOf(protocol.id);
        const base = draft ?? (await this.protocols.latestOf(protocol.id));
        if (!base) throw new Error(`protocol ${protocol.id} has no version`);
        // A change to what was published is a new version: it starts from the newest version,
        // with its own dates and summary.
        const content: VersionContent = draft
          ? { ...contentOf(draft), ...changes }
          : { ...contentOf(base), summaryOfChanges: null, effectiveDate: null, reviewBy: null, ...changes };
        throwIfAny(contentProblems(content), 'Invalid draft');
        plan = { draft, base, content };
      },
      within: async (tx, protocol) => {
        const { draft, base, content } = plan;
        if (draft) {
          if (!(await this.protocols.updateDraft(tx, draft.id, content))) throw staleProtocol(protocol.id);
        } else {
          const versionId = await this.protocols.insertVersion(
            tx,
            protocol.id,
            base.number + 1,
            content,
            scope.actor.userId as string,
          );
          await this.versionEvent(tx, scope, versionId, null, ProtocolVersionState.DRAFT);
        }
        // Before the first publication the protocol's headline is its draft's.
        if (!protocol.firstPublishedAt) await this.protocols.setHeadline(tx, protocol.id, content);
      },
    });
    return this.reread(scope, updated.id);
  }

  async publish(scope: AccessScope, input: PublishProtocolVersionInput): Promise<Protocol> {
    const auditAction = 'PUBLISH_PROTOCOL_VERSION';
    const version = UUID_PATTERN.test(input.versionId)
      ? await this.protocols.findVersionVisible(scope, input.versionId)
      : null;
    if (!version) return this.refusals.notFound(scope, auditAction, VERSION_SUBJECT, input.versionId);
    let draft!: ProtocolVersionRow;
    let effectiveDate!: string;
    const updated = await this.workflow.change(this.record, scope, {
      id: version.protocolId,
      expectedVersion: input.expectedVersion ?? (await this.currentVersion(scope, version.protocolId)),
      transition: 'publish',
      auditAction,
      details: { versionId: version.id, number: version.number },
      check: async () => {
        const current = await this.protocols.findVersion(version.id);
        if (!current) throw new NotFoundError(VERSION_SUBJECT, version.id);
        PROTOCOL_VERSION_LIFECYCLE.assert(current.state as ProtocolVersionState, 'publish');
        const today = utcDate(this.clock.now());
        effectiveDate = current.effectiveDate ?? today;
        throwIfAny(publicationProblems(current, effectiveDate, today), 'The draft cannot be published');
        draft = current;
      },
      // The protocol points at the version in force, and takes its headline, in the runner's UPDATE
      // (the table's constraints want the pointer there; the audience decides who is told).
      set: (protocol) => ({
        title: draft.title,
        category: draft.category,
        audience: draft.audience,
        currentVersionId: draft.id,
        firstPublishedAt: protocol.firstPublishedAt ?? (() => 'now()'),
      }),
      notice: () => ({
        eventType: 'PROTOCOL_PUBLISHED',
        message: `Version ${draft.number} of the protocol "${draft.title}" was published${
          draft.requiresAcknowledgement ? '; your agency is asked to acknowledge it' : ''
        }.`,
      }),
      within: async (tx, protocol) => {
        const superseded = await this.protocols.supersedeCurrent(tx, protocol.id);
        if (superseded) {
          await this.versionEvent(
            tx,
            scope,
            superseded,
            ProtocolVersionState.PUBLISHED,
            ProtocolVersionState.SUPERSEDED,
          );
        }
        if (
          !(await this.protocols.publishVersion(tx, draft.id, effectiveDate, scope.actor.userId as string))
        ) {
          throw staleProtocol(protocol.id);
        }
        await this.versionEvent(
          tx,
          scope,
          draft.id,
          ProtocolVersionState.DRAFT,
          ProtocolVersionState.PUBLISHED,
        );
        await this.protocols.setHeadline(tx, protocol.id, draft);
      },
    });
    return this.reread(scope, updated.id);
  }

  async archive(scope: AccessScope, input: ArchiveProtocolInput): Promise<Protocol> {
    const reason = input.reason?.trim() || null;
    const updated = await this.workflow.change(this.record, scope, {
      id: input.protocolId,
      expectedVersion: input.expectedVersion ?? (await this.currentVersion(scope, input.protocolId)),
      transition: 'archive',
      auditAction: 'ARCHIVE_PROTOCOL',
      reason,
      set: () => ({
        currentVersionId: null,
        archivedAt: () => 'now()',
        archivedBy: scope.actor.userId,
        archiveReason: reason,
      }),
      // Agencies that were following it learn that it is no longer in force.
      notice: (protocol, before) =>
        before.firstPublishedAt
          ? {
              eventType: 'PROTOCOL_ARCHIVED',
              message: `The protocol "${before.title}" was archived and is no longer in force.`,
            }
          : null,
      within: async (tx, protocol) => {
        for (const version of await this.protocols.archiveVersions(tx, protocol.id)) {
          await this.versionEvent(tx, scope, version.id, version.from, ProtocolVersionState.ARCHIVED, reason);
        }
      },
    });
    return this.reread(scope, updated.id);
  }

  // --- helpers ----------------------------------------------------------------------------

  /**
   * The version a change without `expectedVersion` is judged against: the protocol's as it is now
   * (0 when the caller cannot see it, so the runner answers its audited NOT_FOUND). Such a change
   * still cannot overwrite a concurrent one: the runner's UPDATE is guarded by it.
   */
  private async currentVersion(scope: AccessScope, id: string): Promise<number> {
    const found = UUID_PATTERN.test(id) ? await this.record.load(scope, id) : null;
    return found?.version ?? 0;
  }

  /** One move of a version, in its protocol's change: an event of the kernel's log. */
  private async versionEvent(
    tx: Tx,
    scope: AccessScope,
    versionId: string,
    from: string | null,
    to: ProtocolVersionState,
    reason: string | null = null,
  ): Promise<void> {
    await this.events.append(tx, {
      subjectType: VERSION_SUBJECT,
      subjectId: versionId,
      fromStatus: from,
      toStatus: to,
      actorUserId: scope.actor.userId,
      actorAgencyId: scope.actor.agencyId,
      reason,
    });
  }

  private async reread(scope: AccessScope, id: string): Promise<Protocol> {
    return this.get(scope, id);
  }
}

/**
 * Whose record a protocol is (every audit row names them): the agency that owns it and, once it
 * was published, the member agencies of its task force in its audience.
 */
export function protocolAgencies(row: ProtocolRow): string[] {
  return [row.ownerAgencyId, ...(row.firstPublishedAt ? row.audienceAgencyIds : [])];
}

function throwIfAny(problems: InputProblem[], what: string): void {
  if (problems.length) {
    throw new BadUserInputError(
      `${what}: ${problems.map((p) => `${p.field} ${p.message}`).join('; ')}`,
      problems,
    );
  }
}

const staleProtocol = (id: string) =>
  new ConflictError(`Protocol ${id} was changed by someone else; reload it and try again`);

function contentOf(version: ProtocolVersionRow): VersionContent {
  return {
    title: version.title,
    category: version.category,
    audience: version.audience,
    body: version.body,
    summaryOfChanges: version.summaryOfChanges,
    effectiveDate: version.effectiveDate,
    reviewBy: version.reviewBy,
    requiresAcknowledgement: version.requiresAcknowledgement,
  };
}

/** The fields the input sets; undefined = unchanged, null = cleared (optional fields only). */
function draftChanges(input: UpdateProtocolDraftInput): Partial<VersionContent> {
  const changes: Partial<VersionContent> = {};
  if (input.title !== undefined) changes.title = input.title.trim();
  if (input.category !== undefined) changes.category = input.category;
  if (input.audience !== undefined) changes.audience = [...input.audience];
  if (input.body !== undefined) changes.body = input.body;
  if (input.summaryOfChanges !== undefined) changes.summaryOfChanges = input.summaryOfChanges?.trim() || null;
  if (input.effectiveDate !== undefined) changes.effectiveDate = input.effectiveDate;
  if (input.reviewBy !== undefined) changes.reviewBy = input.reviewBy;
  if (input.requiresAcknowledgement !== undefined)
    changes.requiresAcknowledgement = input.requiresAcknowledgement;
  return changes;
}

export function toProtocol(row: ProtocolRow, now: Date): Protocol {
  return {
    id: row.id,
    taskForceId: row.taskForceId,
    ownerAgencyId: row.ownerAgencyId,
    title: row.title,
    category: row.category as ProtocolCategory,
    audience: row.audience as AgencyType[],
    state: row.status as ProtocolState,
    firstPublishedAt: row.firstPublishedAt,
    dueForReview: isDueForReview({ state: row.status, reviewBy: row.currentReviewBy }, now),
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    archivedAt: row.archivedAt,
    archiveReason: row.archiveReason,
  };
}

export function toVersion(row: ProtocolVersionRow, now: Date): ProtocolVersion {
  return {
    id: row.id,
    protocolId: row.protocolId,
    taskForceId: row.taskForceId,
    number: row.number,
    title: row.title,
    category: row.category as ProtocolCategory,
    audience: row.audience as AgencyType[],
    body: row.body,
    summaryOfChanges: row.summaryOfChanges,
    effectiveDate: row.effectiveDate,
    reviewBy: row.reviewBy,
    dueForReview: isDueForReview(row, now),
    requiresAcknowledgement: row.requiresAcknowledgement,
    state: row.state as ProtocolVersionState,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
    publishedBy: row.publishedBy,
    supersededAt: row.supersededAt,
  };
}
