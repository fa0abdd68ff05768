import { Injectable } from '@nestjs/common';
import { AgencyType } from '@hub/agencies';
import { AuditWriter } from '@hub/audit';
import { AccessScope, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { Transactions, Tx } from '@hub/database';
import {
  BadUserInputError,
  Connection,
  ConflictError,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  ForbiddenError,
  HubError,
  InputProblem,
  NotFoundError,
  toConnection,
  UUID_PATTERN,
} from '@hub/graphql';
import { NotificationPublisher } from '@hub/notifications';
import { contentProblems, publicationProblems } from './protocol-content';
import { isDueForReview, protocolRecord, protocolVersionRecord, utcDate } from './protocol-access';
import { ProtocolCategory, ProtocolState, ProtocolVersionState } from './protocol.enums';
import {
  ArchiveProtocolInput,
  CreateProtocolInput,
  ProtocolsArgs,
  PublishProtocolVersionInput,
  UpdateProtocolDraftInput,
} from './protocol.inputs';
import { Protocol, ProtocolVersion } from './protocol.model';
import { ProtocolRepository, ProtocolRow, ProtocolVersionRow, VersionContent } from './protocol.repository';

/** The fields of a draft a coordinator may change (names as in UpdateProtocolDraftInput). */
const CONTENT_FIELDS = [
  'title',
  'category',
  'audience',
  'body',
  'summaryOfChanges',
  'effectiveDate',
  'reviewBy',
  'requiresAcknowledgement',
] as const;

/**
 * Protocols of a task force: coordinators create them, edit drafts, publish versions (the one in
 * force becomes SUPERSEDED; audience agencies are notified) and archive them; member agencies in
 * the audience read what was published. Each change is one transaction with its audit event and
 * notifications; each refusal is audited on its own. Permissions come from the one policy only.
 */
@Injectable()
export class ProtocolService {
  constructor(
    private readonly protocols: ProtocolRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly notifications: NotificationPublisher,
    private readonly clock: Clock,
  ) {}

  // --- reads ------------------------------------------------------------------------------

  async list(scope: AccessScope, args: ProtocolsArgs): Promise<Connection<Protocol>> {
    const now = this.clock.now();
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = args.after ? decodeCursor(args.after, ['text', 'uuid']) : undefined;
    const rows = await this.protocols.listVisible(
      scope,
      { taskForceId: args.taskForceId, category: args.category, state: args.state, text: args.text?.trim() },
      { first, after: after && { title: after[0], id: after[1] } },
    );
    return toConnection(
      rows,
      first,
      (row) => [row.title, row.id],
      (row) => toProtocol(row, now),
    );
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

  // --- changes ----------------------------------------------------------------------------

  async create(scope: AccessScope, input: CreateProtocolInput): Promise<Protocol> {
    const { actor, ability } = scope;
    if (!(await this.protocols.taskForceExists(input.taskForceId))) {
      throw new NotFoundError('TaskForce', input.taskForceId);
    }
    const record = subject('Protocol', {
      taskForceId: input.taskForceId,
      audience: input.audience,
      published: false,
    });
    if (!actor.userId || !actor.agencyId || !ability.can('create', record)) {
      await this.audit.recordDenied({
        actor,
        action: 'CREATE_PROTOCOL',
        subjectType: 'TaskForce',
        subjectId: input.taskForceId,
        subjectAgencyIds: [input.ownerAgencyId ?? actor.agencyId],
      });
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

    const protocolId = await this.transactions.run(async (tx) => {
      const key = input.idempotencyKey ?? null;
      const existing = key ? await this.protocols.findByIdempotencyKey(tx, input.taskForceId, key) : null;
      if (existing) return existing.id;
      const created = await this.protocols.insertWithDraft(
        tx,
        { taskForceId: input.taskForceId, ownerAgencyId, idempotencyKey: key, createdBy: userId },
        content,
      );
      if (!created) {
        // A concurrent retry with the same key won the race: answer with its protocol.
        const raced = key ? await this.protocols.findByIdempotencyKey(tx, input.taskForceId, key) : null;
        if (!raced) throw new ConflictError('The protocol could not be created; retry');
        return raced.id;
      }
      await this.audit.record(
        tx,
        {
          actor,
          action: 'CREATE_PROTOCOL',
          subjectType: 'Protocol',
          subjectId: created.protocolId,
          subjectAgencyIds: [ownerAgencyId],
          decision: 'ALLOWED',
        },
        {
          actor,
          action: 'CREATE_PROTOCOL_VERSION',
          subjectType: 'ProtocolVersion',
          subjectId: created.versionId,
          subjectAgencyIds: [ownerAgencyId],
          fields: changedFields(content),
          decision: 'ALLOWED',
        },
      );
      return created.protocolId;
    });
    return this.reread(protocolId);
  }

  async updateDraft(scope: AccessScope, input: UpdateProtocolDraftInput): Promise<Protocol> {
    const { actor } = scope;
    const found = await this.mayChangeProtocol(scope, input.protocolId, 'update', 'UPDATE_PROTOCOL_DRAFT');
    const changes = draftChanges(input);
    if (Object.keys(changes).length === 0) throw new BadUserInputError('Nothing to update');

    await this.transactions.run(async (tx) => {
      const locked = await this.lockForChange(tx, found.id, input.expectedVersion, 'edit its draft');
      const draft = await this.protocols.draftOf(tx, found.id);
      let versionId: string;
      let content: VersionContent;
      if (draft) {
        content = { ...contentOf(draft), ...changes };
        throwIfAny(contentProblems(content), 'Invalid draft');
        versionId = draft.id;
        await this.protocols.updateDraft(tx, versionId, content);
      } else {
        // A change to what was published is a new version: it starts from the version in force,
        // with its own dates and summary.
        const base = await this.protocols.latestOf(tx, found.id);
        if (!base) throw new Error(`protocol ${found.id} has no version`);
        content = {
          ...contentOf(base),
          summaryOfChanges: null,
          effectiveDate: null,
          reviewBy: null,
          ...changes,
        };
        throwIfAny(contentProblems(content), 'Invalid draft');
        versionId = await this.protocols.insertVersion(
          tx,
          found.id,
          base.number + 1,
          content,
          actor.userId as string,
        );
      }
      // Before the first publication the protocol's headline is its draft's.
      const headlineFrom = locked.firstPublishedAt ? undefined : versionId;
      if (!(await this.protocols.touch(tx, found.id, input.expectedVersion, headlineFrom))) {
        throw staleProtocol(found.id);
      }
      await this.audit.record(tx, {
        actor,
        action: draft ? 'UPDATE_PROTOCOL_DRAFT' : 'CREATE_PROTOCOL_VERSION',
        subjectType: 'ProtocolVersion',
        subjectId: versionId,
        subjectAgencyIds: [found.ownerAgencyId],
        fields: Object.keys(changes),
        decision: 'ALLOWED',
      });
    });
    return this.reread(found.id);
  }

  async publish(scope: AccessScope, input: PublishProtocolVersionInput): Promise<Protocol> {
    const { actor, ability } = scope;
    const version = await this.protocols.findVersion(input.versionId);
    const protocol = version && (await this.protocols.findProtocol(version.protocolId));
    if (
      !version ||
      !protocol ||
      !ability.can('read', subject('ProtocolVersion', protocolVersionRecord(version, version.taskForceId)))
    ) {
      if (version)
        await this.refused(
          scope,
          'PUBLISH_PROTOCOL_VERSION',
          'ProtocolVersion',
          version.id,
          [protocol?.ownerAgencyId],
          'NOT_VISIBLE',
        );
      throw new NotFoundError('ProtocolVersion', input.versionId);
    }
    if (!ability.can('publish', subject('Protocol', protocolRecord(protocol)))) {
      await this.refused(scope, 'PUBLISH_PROTOCOL_VERSION', 'ProtocolVersion', version.id, [
        protocol.ownerAgencyId,
      ]);
      throw new ForbiddenError('Only a coordinator of the task force may publish its protocols');
    }

    await this.transactions.run(async (tx) => {
      const locked = await this.lockForChange(tx, protocol.id, input.expectedVersion, 'publish it');
      // Every change of a version's state takes the protocol's lock first: this read is current.
      const draft = await this.protocols.findVersion(version.id, tx);
      if (!draft || draft.state !== ProtocolVersionState.DRAFT) {
        throw new HubError(
          'ILLEGAL_TRANSITION',
          `Version ${version.number} is ${draft?.state ?? 'gone'}: only a draft can be published`,
        );
      }
      const today = utcDate(this.clock.now());
      const effectiveDate = draft.effectiveDate ?? today;
      throwIfAny(publicationProblems(draft, effectiveDate, today), 'The draft cannot be published');

      const superseded = await this.protocols.supersedeCurrent(tx, protocol.id);
      if (!(await this.protocols.publish(tx, protocol.id, draft.id, effectiveDate, actor.userId as string))) {
        throw staleProtocol(protocol.id);
      }
      if (!(await this.protocols.touch(tx, protocol.id, locked.version, draft.id)))
        throw staleProtocol(protocol.id);
      const audit = [
        {
          actor,
          action: 'PUBLISH_PROTOCOL_VERSION',
          subjectType: 'ProtocolVersion',
          subjectId: draft.id,
          subjectAgencyIds: [protocol.ownerAgencyId],
          decision: 'ALLOWED' as const,
        },
      ];
      if (superseded) {
        audit.push({ ...audit[0], action: 'SUPERSEDE_PROTOCOL_VERSION', subjectId: superseded });
      }
      await this.audit.record(tx, ...audit);
      const audienceAgencies = await this.protocols.audienceAgencies(
        tx,
        protocol.taskForceId,
        draft.audience,
      );
      await this.notifications.publish(tx, {
        agencyIds: audienceAgencies,
        eventType: 'PROTOCOL_PUBLISHED',
        subjectType: 'Protocol',
        subjectId: protocol.id,
        message: `Version ${draft.number} of the protocol "${draft.title}" was published${
          draft.requiresAcknowledgement ? '; your agency is asked to acknowledge it' : ''
        }.`,
      });
    });
    return this.reread(protocol.id);
  }

  async archive(scope: AccessScope, input: ArchiveProtocolInput): Promise<Protocol> {
    const { actor } = scope;
    const found = await this.mayChangeProtocol(scope, input.protocolId, 'archive', 'ARCHIVE_PROTOCOL');
    await this.transactions.run(async (tx) => {
      const locked = await this.lockForChange(tx, found.id, input.expectedVersion, 'archive it again');
      const versions = await this.protocols.archive(
        tx,
        found.id,
        actor.userId as string,
        input.reason?.trim() || null,
      );
      if (!(await this.protocols.touch(tx, found.id, locked.version))) throw staleProtocol(found.id);
      await this.audit.record(
        tx,
        {
          actor,
          action: 'ARCHIVE_PROTOCOL',
          subjectType: 'Protocol',
          subjectId: found.id,
          subjectAgencyIds: [found.ownerAgencyId],
          decision: 'ALLOWED',
        },
        ...versions.map((id) => ({
          actor,
          action: 'ARCHIVE_PROTOCOL_VERSION',
          subjectType: 'ProtocolVersion',
          subjectId: id,
          subjectAgencyIds: [found.ownerAgencyId],
          decision: 'ALLOWED' as const,
        })),
      );
      if (locked.firstPublishedAt) {
        // Agencies that were following it learn that it is no longer in force.
        await this.notifications.publish(tx, {
          agencyIds: await this.protocols.audienceAgencies(tx, locked.taskForceId, locked.audience),
          eventType: 'PROTOCOL_ARCHIVED',
          subjectType: 'Protocol',
          subjectId: found.id,
          message: `The protocol "${locked.title}" was archived and is no longer in force.`,
        });
      }
    });
    return this.reread(found.id);
  }

  // --- helpers ----------------------------------------------------------------------------

  /** The protocol, if the caller may do `action` to it: NOT_FOUND where they cannot see it, FORBIDDEN where they can. */
  private async mayChangeProtocol(
    scope: AccessScope,
    id: string,
    action: 'update' | 'archive',
    auditAction: string,
  ): Promise<ProtocolRow> {
    const found = await this.protocols.findProtocol(id);
    const record = found && subject('Protocol', protocolRecord(found));
    if (!found || !record || !scope.ability.can('read', record)) {
      if (found)
        await this.refused(scope, auditAction, 'Protocol', found.id, [found.ownerAgencyId], 'NOT_VISIBLE');
      throw new NotFoundError('Protocol', id);
    }
    if (!scope.ability.can(action, record)) {
      await this.refused(scope, auditAction, 'Protocol', found.id, [found.ownerAgencyId]);
      throw new ForbiddenError(`Only a coordinator of the task force may ${action} its protocols`);
    }
    return found;
  }

  /** Locks the protocol; an archived one cannot change, a stale expectedVersion is a CONFLICT. */
  private async lockForChange(
    tx: Tx,
    id: string,
    expectedVersion: number | undefined,
    what: string,
  ): Promise<ProtocolRow> {
    const locked = await this.protocols.lockProtocol(tx, id);
    if (!locked) throw new NotFoundError('Protocol', id);
    if (locked.state === ProtocolState.ARCHIVED) {
      throw new HubError('ILLEGAL_TRANSITION', `Protocol ${id} is archived: you cannot ${what}`);
    }
    if (expectedVersion !== undefined && locked.version !== expectedVersion) throw staleProtocol(id);
    return locked;
  }

  private async refused(
    scope: AccessScope,
    action: string,
    subjectType: string,
    subjectId: string,
    subjectAgencyIds: readonly (string | null | undefined)[],
    reason: string | null = null,
  ): Promise<void> {
    await this.audit.recordDenied({
      actor: scope.actor,
      action,
      subjectType,
      subjectId,
      reason,
      subjectAgencyIds,
    });
  }

  private async reread(id: string): Promise<Protocol> {
    const row = await this.protocols.findProtocol(id);
    if (!row) throw new NotFoundError('Protocol', id);
    return toProtocol(row, this.clock.now());
  }
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

function changedFields(content: VersionContent): string[] {
  return CONTENT_FIELDS.filter((field) => content[field] !== null);
}

export function toProtocol(row: ProtocolRow, now: Date): Protocol {
  return {
    id: row.id,
    taskForceId: row.taskForceId,
    ownerAgencyId: row.ownerAgencyId,
    title: row.title,
    category: row.category as ProtocolCategory,
    audience: row.audience as AgencyType[],
    state: row.state as ProtocolState,
    dueForReview: isDueForReview({ state: row.state, reviewBy: row.currentReviewBy }, now),
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
