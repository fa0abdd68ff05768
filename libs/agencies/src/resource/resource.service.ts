import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@hub/audit';
import { AccessScope, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { Transactions, Tx } from '@hub/database';
import {
  BadUserInputError,
  Connection,
  ConflictError,
  ForbiddenError,
  mapConnection,
  NotFoundError,
  PageArgs,
  UUID_PATTERN,
} from '@hub/graphql';
import { CreateOnce, Refusals } from '@hub/workflow';
import { requiredText } from '../taxonomy/required-text';
import { RESOURCE_LIFECYCLE, resourceStatusOf } from './resource-lifecycle';
import { ResourceEntity } from './resource.entity';
import { CreateResourceInput, RetireResourceInput, UpdateResourceInput } from './resource.inputs';
import { Resource } from './resource.model';
import { ResourceChanges, ResourceRepository } from './resource.repository';

const CREATE_RESOURCE = 'CREATE_RESOURCE';
const UPDATE_RESOURCE = 'UPDATE_RESOURCE';
const RETIRE_RESOURCE = 'RETIRE_RESOURCE';

/**
 * Public hotlines: readable by anyone, no personal data. A task force's coordinators manage its
 * lines, the platform administrator the national ones (the policy's directory rules); every change
 * is audited with it, every refusal as DENIED. A hotline concerns no agency's records, so its audit
 * rows name none.
 */
@Injectable()
export class ResourceService {
  constructor(
    private readonly resources: ResourceRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly refusals: Refusals,
    private readonly createOnce: CreateOnce,
    private readonly clock: Clock,
  ) {}

  async list(args: PageArgs): Promise<Connection<Resource>> {
    return mapConnection(await this.resources.list(args), toModel);
  }

  async create(scope: AccessScope, input: CreateResourceInput): Promise<Resource> {
    const taskForceId = input.taskForceId ?? null;
    const userId = scope.actor.userId;
    if (!userId || !scope.ability.can('create', subject('Resource', { id: '', taskForceId }))) {
      await this.refusals.refuse(scope, CREATE_RESOURCE, 'Resource', null, []);
      throw new ForbiddenError(
        taskForceId
          ? 'Only a coordinator of the task force adds its hotlines'
          : 'Only a platform administrator adds national hotlines',
      );
    }
    const fields = {
      taskForceId,
      name: requiredText(input.name, 'name'),
      phone: requiredText(input.phone, 'phone'),
      textNumber: input.text?.trim() || null,
      chatUrl: input.chatUrl?.trim() || null,
      hours: requiredText(input.hours, 'hours'),
      languages: [...input.languages],
      description: input.description?.trim() ?? '',
    };
    const created = await this.createOnce.run({
      subjectType: 'Resource',
      scope: userId,
      key: input.idempotencyKey,
      request: input,
      load: (id) => this.resources.findById(id),
      create: async (tx, id) => {
        const row = await this.resources.insert(tx, id, fields);
        await this.recorded(tx, scope, CREATE_RESOURCE, row, { reason: taskForceId ? null : 'national' });
        return row;
      },
    });
    return toModel(created);
  }

  async update(scope: AccessScope, input: UpdateResourceInput): Promise<Resource> {
    const current = await this.mustBeAllowed(scope, 'update', UPDATE_RESOURCE, input.resourceId);
    const changes = changesFrom(input);
    if (Object.keys(changes).length === 0) throw new BadUserInputError('Nothing to update');
    if (current.version !== input.expectedVersion) throw stale(current.id);
    RESOURCE_LIFECYCLE.assert(resourceStatusOf(current), 'update');
    return this.transactions.run(async (tx) => {
      const row = await this.resources.update(tx, current.id, input.expectedVersion, changes);
      if (!row) throw stale(current.id);
      await this.recorded(tx, scope, UPDATE_RESOURCE, row, { fields: Object.keys(changes), reason: null });
      return toModel(row);
    });
  }

  async retire(scope: AccessScope, input: RetireResourceInput): Promise<Resource> {
    const current = await this.mustBeAllowed(scope, 'retire', RETIRE_RESOURCE, input.resourceId);
    if (current.version !== input.expectedVersion) throw stale(current.id);
    RESOURCE_LIFECYCLE.assert(resourceStatusOf(current), 'retire');
    const reason = requiredText(input.reason, 'reason');
    return this.transactions.run(async (tx) => {
      const row = await this.resources.update(tx, current.id, input.expectedVersion, {
        retiredAt: this.clock.now(),
        retiredBy: scope.actor.userId as string,
        retirementReason: reason,
      });
      if (!row) throw stale(current.id);
      await this.recorded(tx, scope, RETIRE_RESOURCE, row, { reason });
      return toModel(row);
    });
  }

  /** The hotline (public records: a missing id is plain NOT_FOUND), if the policy allows `action` on it. */
  private async mustBeAllowed(
    scope: AccessScope,
    action: 'update' | 'retire',
    auditAction: string,
    id: string,
  ): Promise<ResourceEntity> {
    const current = UUID_PATTERN.test(id) ? await this.resources.findById(id) : null;
    if (!current) throw new NotFoundError('Resource', id);
    const record = subject('Resource', { id: current.id, taskForceId: current.taskForceId });
    if (!scope.actor.userId || !scope.ability.can(action, record)) {
      await this.refusals.refuse(scope, auditAction, 'Resource', current.id, []);
      throw new ForbiddenError(
        current.taskForceId
          ? 'Only a coordinator of the task force manages its hotlines'
          : 'Only a platform administrator manages national hotlines',
      );
    }
    return current;
  }

  private recorded(
    tx: Tx,
    scope: AccessScope,
    action: string,
    row: ResourceEntity,
    details: { fields?: string[]; reason: string | null },
  ): Promise<void> {
    return this.audit.record(tx, {
      actor: scope.actor,
      action,
      subjectType: 'Resource',
      subjectId: row.id,
      decision: 'ALLOWED',
      subjectAgencyIds: [],
      ...details,
    });
  }
}

function changesFrom(input: UpdateResourceInput): ResourceChanges {
  const changes: ResourceChanges = {};
  if (input.name !== undefined) changes.name = requiredText(input.name, 'name');
  if (input.phone !== undefined) changes.phone = requiredText(input.phone, 'phone');
  if (input.text !== undefined) changes.textNumber = input.text?.trim() || null;
  if (input.chatUrl !== undefined) changes.chatUrl = input.chatUrl?.trim() || null;
  if (input.hours !== undefined) changes.hours = requiredText(input.hours, 'hours');
  if (input.languages !== undefined) changes.languages = [...input.languages];
  if (input.description !== undefined) changes.description = input.description.trim();
  return changes;
}

function stale(id: string): ConflictError {
  return new ConflictError(`Resource ${id} was changed by someone else; reload it and try again`);
}

function toModel(row: ResourceEntity): Resource {
  return {
    id: row.id,
    taskForceId: row.taskForceId,
    name: row.name,
    phone: row.phone,
    text: row.textNumber,
    chatUrl: row.chatUrl,
    hours: row.hours,
    languages: row.languages,
    description: row.description,
    retiredAt: row.retiredAt,
    version: row.version,
  };
}
