import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@hub/audit';
import { AccessScope, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { Transactions } from '@hub/database';
import { Connection, ForbiddenError, mapConnection, PageArgs } from '@hub/graphql';
import { Refusals } from '@hub/workflow';
import { requiredText } from '../taxonomy/required-text';
import { ReinstateAgencyUserInput, SuspendAgencyUserInput } from './agency-user.inputs';
import { AgencyUser } from './agency-user.model';
import { AgencyUserRepository, AgencyUserRow } from './agency-user.repository';

type UserAction = 'suspend' | 'reinstate';
const AUDIT_ACTION: Record<UserAction, string> = {
  suspend: 'SUSPEND_AGENCY_USER',
  reinstate: 'REINSTATE_AGENCY_USER',
};

/**
 * People in an agency, seen from the hub (identity stays in Keycloak): the users its tokens
 * showed, listed for the agency admin, who may suspend one in the hub — refused from their next
 * request (the admission reads the suspension) — and reinstate them. Both are audited; doing either
 * again changes nothing and writes nothing.
 */
@Injectable()
export class AgencyUserService {
  constructor(
    private readonly users: AgencyUserRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly refusals: Refusals,
    private readonly clock: Clock,
  ) {}

  async list(scope: AccessScope, args: PageArgs): Promise<Connection<AgencyUser>> {
    const agencyId = scope.actor.agencyId;
    if (!agencyId) return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    return mapConnection(await this.users.list(scope, agencyId, args), toModel);
  }

  async suspend(scope: AccessScope, input: SuspendAgencyUserInput): Promise<AgencyUser> {
    const reason = requiredText(input.reason, 'reason');
    const user = await this.mustBeAllowed(scope, 'suspend', input.userId);
    if (user.suspendedAt) return toModel(user);
    return this.change(scope, 'suspend', user, reason, (tx) =>
      this.users.suspend(tx, {
        userId: user.userId,
        agencyId: user.agencyId,
        at: this.clock.now(),
        by: scope.actor.userId as string,
        reason,
      }),
    );
  }

  async reinstate(scope: AccessScope, input: ReinstateAgencyUserInput): Promise<AgencyUser> {
    const user = await this.mustBeAllowed(scope, 'reinstate', input.userId);
    if (!user.suspendedAt) return toModel(user);
    return this.change(scope, 'reinstate', user, null, (tx) =>
      this.users.reinstate(tx, user.userId, user.agencyId),
    );
  }

  /** The write, its audit row and the user as they are now, in one transaction. */
  private async change(
    scope: AccessScope,
    action: UserAction,
    user: AgencyUserRow,
    reason: string | null,
    write: Parameters<Transactions['run']>[0],
  ): Promise<AgencyUser> {
    return this.transactions.run(async (tx) => {
      await write(tx);
      await this.audit.record(tx, {
        actor: scope.actor,
        action: AUDIT_ACTION[action],
        subjectType: 'AgencyUser',
        subjectId: user.userId,
        decision: 'ALLOWED',
        reason,
        subjectAgencyIds: [user.agencyId],
      });
      const now = await this.users.findVisible(scope, user.userId, tx);
      if (!now) throw new Error(`AgencyUser ${user.userId} vanished in its own change`);
      return toModel(now);
    });
  }

  /**
   * A user the caller may not see does not exist for them (NOT_FOUND, audited for auditors only);
   * one they see but may not act on (themself, for a suspension) is FORBIDDEN, audited.
   */
  private async mustBeAllowed(
    scope: AccessScope,
    action: UserAction,
    userId: string,
  ): Promise<AgencyUserRow> {
    const user = await this.users.findVisible(scope, userId);
    if (!user) {
      return this.refusals.notFound(scope, AUDIT_ACTION[action], 'AgencyUser', userId);
    }
    if (!scope.ability.can(action, subject('AgencyUser', { userId: user.userId, agencyId: user.agencyId }))) {
      await this.refusals.refuse(scope, AUDIT_ACTION[action], 'AgencyUser', user.userId, [user.agencyId]);

      throw new ForbiddenError('An agency admin may not suspend themself');
    }
    return user;
  }
}

function toModel(row: AgencyUserRow): AgencyUser {
  return { ...row, suspended: row.suspendedAt !== null };
}
