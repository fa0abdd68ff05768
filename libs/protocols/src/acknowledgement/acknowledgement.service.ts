import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@hub/audit';
import { AccessScope, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { Transactions } from '@hub/database';
import { Connection, ForbiddenError, mapConnection, UUID_PATTERN } from '@hub/graphql';
import { assertDeclared, Refusals } from '@hub/workflow';
import { PROTOCOL_VERSION_LIFECYCLE } from '../protocol/protocol-lifecycle';
import { ProtocolVersionState } from '../protocol/protocol.enums';
import {
  ProtocolAcknowledgement,
  ProtocolAcknowledgementStatus,
  ProtocolVersion,
} from '../protocol/protocol.model';
import { ProtocolRepository } from '../protocol/protocol.repository';
import { toVersion } from '../protocol/protocol.service';
import { AcknowledgeProtocolInput, PendingAcknowledgementsArgs } from './acknowledgement.inputs';

const AUDIT_ACTION = 'ACKNOWLEDGE_PROTOCOL';

/**
 * Acknowledgements: a supervisor or agency admin of an audience agency confirms, on behalf of
 * their agency, that it read the version in force. A new version needs its own. Coordinators see
 * per version who acknowledged and who is outstanding; an agency sees its own status and what it
 * still has to acknowledge.
 *
 * Refusals follow the kernel's order (docs/workflow.md): NOT_FOUND (audited) → FORBIDDEN (audited)
 * → ILLEGAL_TRANSITION (the version lifecycle's `acknowledge`, one shape). It does not use
 * `RecordWorkflow.guard`: the record loaded is a version but the policy judges a
 * ProtocolAcknowledgement whose agency comes from the input, and nothing is versioned (an
 * acknowledgement is a fact, never changed), so there is no CONFLICT.
 */
@Injectable()
export class AcknowledgementService {
  constructor(
    private readonly protocols: ProtocolRepository,
    private readonly transactions: Transactions,
    private readonly refusals: Refusals,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  async acknowledge(scope: AccessScope, input: AcknowledgeProtocolInput): Promise<ProtocolAcknowledgement> {
    const { actor, ability } = scope;
    assertDeclared(scope, 'create', 'ProtocolAcknowledgement');
    const version = UUID_PATTERN.test(input.versionId)
      ? await this.protocols.findVersionVisible(scope, input.versionId)
      : null;
    if (!version) return this.refusals.notFound(scope, AUDIT_ACTION, 'ProtocolVersion', input.versionId);
    const agencyId = input.agencyId ?? actor.agencyId;
    const record = subject('ProtocolAcknowledgement', {
      taskForceId: version.taskForceId,
      audience: version.audience,
      agencyId: agencyId ?? '',
    });
    if (!actor.userId || !agencyId || !ability.can('create', record)) {
      const concerned = [version.ownerAgencyId, agencyId].filter((id): id is string => !!id);
      await this.refusals.refuse(scope, AUDIT_ACTION, 'ProtocolVersion', version.id, concerned);
      throw new ForbiddenError(
        "Only a supervisor or agency admin of an agency in the protocol's audience may acknowledge it, and only on behalf of their own agency",
      );
    }
    const userId = actor.userId;

    return this.transactions.run(async (tx) => {
      // A share lock: the version cannot be superseded or archived until this acknowledgement commits.
      const state = await this.protocols.lockVersionState(tx, version.id);
      if (state !== ProtocolVersionState.PUBLISHED) {
        throw PROTOCOL_VERSION_LIFECYCLE.illegal(
          (state ?? version.state) as ProtocolVersionState,
          'acknowledge',
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
        action: AUDIT_ACTION,
        subjectType: 'ProtocolVersion',
        subjectId: version.id,
        subjectAgencyIds: [version.ownerAgencyId, agencyId],
        decision: 'ALLOWED',
      });
      return inserted;
    });
  }

  /** Versions in force that the caller's agency has yet to acknowledge, oldest first. */
  async pending(scope: AccessScope, args: PendingAcknowledgementsArgs): Promise<Connection<ProtocolVersion>> {
    const { actor } = scope;
    const now = this.clock.now();
    if (!actor.agencyId || !actor.agencyType || actor.taskForceIds.length === 0) {
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    }
    const rows = await this.protocols.pendingFor(
      scope,
      { id: actor.agencyId, type: actor.agencyType, taskForceIds: actor.taskForceIds },
      args,
    );
    return mapConnection(rows, (row) => toVersion(row, now));
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
