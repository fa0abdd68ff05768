import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@hub/audit';
import { AccessScope, subject } from '@hub/access';
import { Clock } from '@hub/config';
import { Transactions, Tx } from '@hub/database';
import { BadUserInputError, ConflictError, ForbiddenError, InputProblem, NotFoundError } from '@hub/graphql';
import { CreateOnce, Refusals } from '@hub/workflow';
import { TaskForceRole } from '../taxonomy/agency-type';
import { requiredText } from '../taxonomy/required-text';
import { taskForceRoleProblems } from '../task-force/task-force-roles';
import { TaskForceRepository } from '../task-force/task-force.repository';
import { AgencyDeactivationListeners } from './agency-deactivation-listeners';
import { AGENCY_LIFECYCLE, agencyStatusOf } from './agency-lifecycle';
import { CreateAgencyInput, DeactivateAgencyInput, UpdateAgencyInput } from './agency-registration.inputs';
import { AgencyEntity } from './agency.entity';
import { Agency } from './agency.model';
import { AgencyChanges, AgencyRepository } from './agency.repository';
import { AgencyService } from './agency.service';
import { mustRegister } from './registration-guard';

/** Who writes the audit rows of a registration: the platform administrator (DESIGN.md §4). */
const CREATE_AGENCY = 'CREATE_AGENCY';
const UPDATE_AGENCY = 'UPDATE_AGENCY';
const DEACTIVATE_AGENCY = 'DEACTIVATE_AGENCY';

/**
 * Platform administration of agencies: registering one, editing its registration (name, type,
 * jurisdiction, contact, confidential flag) and taking it off the hub. Its directory profile is its
 * admins' business (AgencyService.updateProfile). Deactivation keeps every row; its users are
 * refused from the next request (the admission reads it), and the domains holding its work act in
 * the same transaction through AgencyDeactivationListeners (referrals hand open ones back).
 */
@Injectable()
export class AgencyRegistrationService {
  constructor(
    private readonly agencies: AgencyRepository,
    private readonly taskForces: TaskForceRepository,
    private readonly views: AgencyService,
    private readonly transactions: Transactions,
    private readonly audit: AuditWriter,
    private readonly refusals: Refusals,
    private readonly createOnce: CreateOnce,
    private readonly deactivations: AgencyDeactivationListeners,
    private readonly clock: Clock,
  ) {}

  async create(scope: AccessScope, input: CreateAgencyInput): Promise<Agency> {
    const keysOf = await mustRegister(this.refusals, scope, 'Agency', CREATE_AGENCY);
    const name = requiredText(input.name, 'name');
    const jurisdiction = requiredText(input.jurisdiction, 'jurisdiction');
    const created = await this.createOnce.run({
      subjectType: 'Agency',
      scope: keysOf,
      key: input.idempotencyKey,
      request: input,
      load: (id) => this.agencies.findById(id),
      create: async (tx, id) => {
        const row = await this.agencies.insert(tx, id, {
          name,
          type: input.type,
          jurisdiction,
          description: input.description?.trim() ?? '',
          intakePhone: input.intakePhone?.trim() || null,
          intakeEmail: input.intakeEmail?.trim() || null,
          website: input.website?.trim() || null,
          confidentialLocation: input.confidentialLocation ?? false,
        });
        await this.recorded(tx, scope, CREATE_AGENCY, row, { reason: `type ${row.type}` });
        return row;
      },
    });
    return this.views.toModel(scope, created);
  }

  async update(scope: AccessScope, input: UpdateAgencyInput): Promise<Agency> {
    const current = await this.mustBeAllowed(scope, 'administer', UPDATE_AGENCY, input.agencyId);
    const changes = this.changesFrom(input);
    if (Object.keys(changes).length === 0) throw new BadUserInputError('Nothing to update');
    const retyped = changes.type !== undefined && changes.type !== current.type;
    if (retyped) await this.mustSuitItsRoles(current.id, changes.type as string);
    return this.transactions.run(async (tx) => {
      const row = await this.agencies.update(tx, current.id, input.expectedVersion, changes);
      if (!row) throw stale(current.id);
      await this.recorded(tx, scope, UPDATE_AGENCY, row, {
        fields: Object.keys(changes),
        reason: retyped ? `type ${current.type} → ${row.type}` : null,
      });
      return this.views.toModel(scope, row);
    });
  }

  async deactivate(scope: AccessScope, input: DeactivateAgencyInput): Promise<Agency> {
    const current = await this.mustBeAllowed(scope, 'deactivate', DEACTIVATE_AGENCY, input.agencyId);
    // The workflow kernel's order: a stale version before an illegal move.
    if (current.version !== input.expectedVersion) throw stale(current.id);
    AGENCY_LIFECYCLE.assert(agencyStatusOf(current), 'deactivate');
    const reason = requiredText(input.reason, 'reason');
    const at = this.clock.now();
    return this.transactions.run(async (tx) => {
      const row = await this.agencies.deactivate(tx, current.id, input.expectedVersion, {
        at,
        by: scope.actor.userId as string,
        reason,
      });
      if (!row) throw stale(current.id);
      await this.recorded(tx, scope, DEACTIVATE_AGENCY, row, { reason });
      await this.deactivations.notify(tx, { agencyId: row.id, reason, at, actor: scope.actor });
      return this.views.toModel(scope, row);
    });
  }

  /** A registration change is audited with the change itself, naming the agency. */
  private recorded(
    tx: Tx,
    scope: AccessScope,
    action: string,
    row: AgencyEntity,
    details: { fields?: string[]; reason: string | null },
  ): Promise<void> {
    return this.audit.record(tx, {
      actor: scope.actor,
      action,
      subjectType: 'Agency',
      subjectId: row.id,
      decision: 'ALLOWED',
      subjectAgencyIds: [row.id],
      ...details,
    });
  }

  /** A new type must still suit every co-lead role the agency holds in its task forces (DESIGN.md §3). */
  private async mustSuitItsRoles(agencyId: string, type: string): Promise<void> {
    const problems = (await this.taskForces.membershipsOfAgency(agencyId)).flatMap((membership) =>
      taskForceRoleProblems(membership.role as TaskForceRole, type, []).map(
        (problem): InputProblem => ({ ...problem, field: 'type' }),
      ),
    );
    if (problems.length) throw new BadUserInputError('Invalid agency type', problems.slice(0, 1));
  }

  /** The agency (public records: a missing id is plain NOT_FOUND), if the policy allows `action` on it. */
  private async mustBeAllowed(
    scope: AccessScope,
    action: 'administer' | 'deactivate',
    auditAction: string,
    agencyId: string,
  ): Promise<AgencyEntity> {
    const current = await this.agencies.findById(agencyId);
    if (!current) throw new NotFoundError('Agency', agencyId);
    if (!scope.actor.userId || !scope.ability.can(action, subject('Agency', { id: current.id }))) {
      await this.refusals.refuse(scope, auditAction, 'Agency', current.id, [current.id]);
      throw new ForbiddenError(
        action === 'deactivate'
          ? 'Only a platform administrator deactivates an agency (never their own)'
          : 'Only a platform administrator edits an agency’s registration',
      );
    }
    return current;
  }

  private changesFrom(input: UpdateAgencyInput): AgencyChanges {
    const changes: AgencyChanges = {};
    if (input.name !== undefined) changes.name = requiredText(input.name, 'name');
    if (input.type !== undefined) changes.type = input.type;
    if (input.jurisdiction !== undefined)
      changes.jurisdiction = requiredText(input.jurisdiction, 'jurisdiction');
    if (input.description !== undefined) changes.description = input.description.trim();
    if (input.intakePhone !== undefined) changes.intakePhone = input.intakePhone?.trim() || null;
    if (input.intakeEmail !== undefined) changes.intakeEmail = input.intakeEmail?.trim() || null;
    if (input.website !== undefined) changes.website = input.website?.trim() || null;
    if (input.confidentialLocation !== undefined) changes.confidentialLocation = input.confidentialLocation;
    return changes;
  }
}

function stale(id: string): ConflictError {
  return new ConflictError(`Agency ${id} was changed by someone else; reload it and try again`);
}
