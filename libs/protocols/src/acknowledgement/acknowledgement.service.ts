import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@hub/audit';
import { AccessScope, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { Transactions } from '@hub/database';
import {
  Connection,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  ForbiddenError,
  HubError,
  NotFoundError,
  toConnection,
} from '@hub/graphql';
import { protocolVersionRecord } from '../protocol/protocol-access';
import { ProtocolVersionState } from '../protocol/protocol.enums';
import {
  ProtocolAcknowledgement,
  ProtocolAcknowledgementStatus,
  ProtocolVersion,
} from '../protocol/protocol.model';
import { ProtocolRepository } from '../protocol/protocol.repository';
import { toVersion } from '../protocol/protocol.service';
import { AcknowledgeProtocolInput, PendingAcknowledgementsArgs } from './acknowledgement.inputs';

/**
 * Acknowledgements: a supervisor or agency admin of an audience agency confirms, on behalf of
 * their agency, that it read the version in force. A new version needs its own. Coordinators see
 * per version who acknowledged and who is outstanding; an agency sees its own status and what it
 * still has to acknowledge.
 */
@Injectable()
export class AcknowledgementService {
  constructor(
    private readonly protocols: ProtocolRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  async acknowledge(scope: AccessScope, input: AcknowledgeProtocolInput): Promise<ProtocolAcknowledgement> {
    const { actor, ability } = scope;
    const version = await this.protocols.findVersion(input.versionId);
    if (
      !version ||
      !ability.can('read', subject('ProtocolVersion', protocolVersionRecord(version, version.taskForceId)))
    ) {
      if (version) {
        await this.audit.recordDenied({
          actor,
          action: 'ACKNOWLEDGE_PROTOCOL',
          subjectType: 'ProtocolVersion',
          subjectId: version.id,
          subjectAgencyIds: [actor.agencyId],
          reason: 'NOT_VISIBLE',
        });
      }
      throw new NotFoundError('ProtocolVersion', input.versionId);
    }
    const agencyId = input.agencyId ?? actor.agencyId;
    const record = subject('ProtocolAcknowledgement', {
      taskForceId: version.taskForceId,
      audience: version.audience,
      agencyId: agencyId ?? '',
    });
    if (!actor.userId || !agencyId || !ability.can('create', record)) {
      await this.audit.recordDenied({
        actor,
        action: 'ACKNOWLEDGE_PROTOCOL',
        subjectType: 'ProtocolVersion',
        subjectId: version.id,
        subjectAgencyIds: [agencyId],
        reason: agencyId && agencyId !== actor.agencyId ? `on behalf of agency ${agencyId}` : null,
      });
      throw new ForbiddenError(
        "Only a supervisor or agency admin of an agency in the protocol's audience may acknowledge it, and only on behalf of their own agency",
      );
    }
    const userId = actor.userId;

    return this.transactions.run(async (tx) => {
      // A share lock: the version cannot be superseded or archived until this acknowledgement commits.
      const state = await this.protocols.lockVersionState(tx, version.id);
      if (state !== ProtocolVersionState.PUBLISHED) {
        throw new HubError(
          'ILLEGAL_TRANSITION',
          `Version ${version.number} is ${state ?? 'gone'}: only the version in force can be acknowledged`,
        );
      }
      const inserted = await this.protocols.insertAcknowledgement(tx, {
        versionId: version.id,
        protocolId: version.protocolId,
        agencyId,
        acknowledgedBy: userId,
      });
      if (!inserted) {
        // Already acknowledged (perhaps by a colleague): the same fact, nothing new to record.
        const existing = await this.protocols.findAcknowledgement(tx, version.id, agencyId);
        if (!existing) throw new Error('acknowledgement vanished');
        return existing;
      }
      await this.audit.record(tx, {
        actor,
        action: 'ACKNOWLEDGE_PROTOCOL',
        subjectType: 'ProtocolVersion',
        subjectId: version.id,
        subjectAgencyIds: [agencyId],
        decision: 'ALLOWED',
      });
      return inserted;
    });
  }

  /** Versions in force that the caller's agency has yet to acknowledge, oldest first. */
  async pending(scope: AccessScope, args: PendingAcknowledgementsArgs): Promise<Connection<ProtocolVersion>> {
    const { actor } = scope;
    const now = this.clock.now();
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    const after = args.after ? decodeCursor(args.after, ['timestamp', 'uuid']) : undefined;
    if (!actor.agencyId || !actor.agencyType || actor.taskForceIds.length === 0) {
      return toConnection(
        [],
        first,
        () => [],
        (row: never) => row,
      );
    }
    const rows = await this.protocols.pendingFor(
      scope,
      { id: actor.agencyId, type: actor.agencyType, taskForceIds: actor.taskForceIds },
      { first, after: after && { publishedAt: after[0], id: after[1] } },
    );
    return toConnection(
      rows,
      first,
      (row) => [row.publishedCursor ?? '', row.id],
      (row) => toVersion(row, now),
    );
  }

  /** For DataLoaders: per version (key order), the statuses the caller may see. */
  async statusesOf(
    scope: AccessScope,
    versionIds: readonly string[],
  ): Promise<ProtocolAcknowledgementStatus[][]> {
    const rows = await this.protocols.acknowledgementStatuses(versionIds);
    const visible = rows.filter((row) =>
      scope.ability.can(
        'read',
        subject('ProtocolAcknowledgement', {
          taskForceId: row.taskForceId,
          audience: row.audience,
          agencyId: row.agencyId,
        }),
      ),
    );
    return versionIds.map((id) =>
      visible
        .filter((row) => row.versionId === id)
        .map((row) => ({
          versionId: row.versionId,
          agencyId: row.agencyId,
          acknowledged: row.acknowledgedAt !== null,
          acknowledgedAt: row.acknowledgedAt,
          acknowledgedBy: row.acknowledgedBy,
        })),
    );
  }
}
