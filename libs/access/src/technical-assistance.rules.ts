import type { AbilityBuilder } from '@casl/ability';
import type { Actor } from '@hub/authz';
import type { AppAbility } from './subjects';

const TA = 'TechnicalAssistanceRequest';

/**
 * Technical-assistance rules (DESIGN.md §4). A request exists only for its parties: the requesting
 * agency, the coordinators of its task force and the assigned provider agency; each party may
 * write in its thread. Requesters (supervisor, agency admin) ask, withdraw and close; coordinators
 * triage, assign and decline; the assigned agency's ta_provider / federal_partner staff deliver.
 * Which status allows which action is the lifecycle's business, not the policy's.
 */
export function defineTechnicalAssistanceRules(actor: Actor, builder: AbilityBuilder<AppAbility>): void {
  const { can } = builder;
  const agencyId = actor.agencyId;
  if (!actor.userId || !agencyId) return;
  const has = (...roles: string[]) => roles.some((role) => actor.roles.includes(role));

  const requester = { requestingAgencyId: agencyId };
  const provider = { assignedAgencyId: agencyId };
  can(['read', 'message'], TA, requester);
  can(['read', 'message'], TA, provider);

  if (has('supervisor', 'agency_admin')) {
    // Only for a task force the agency is a member of.
    if (actor.taskForceIds.length > 0) {
      can('create', TA, { ...requester, taskForceId: { $in: [...actor.taskForceIds] } });
    }
    can(['close', 'withdraw'], TA, requester);
  }

  if (has('coordinator') && actor.taskForceIds.length > 0) {
    const coordinated = { taskForceId: { $in: [...actor.taskForceIds] } };
    can(['read', 'message', 'triage', 'assign', 'decline'], TA, coordinated);
  }

  if (has('ta_provider', 'federal_partner')) {
    can(['start', 'recordSession', 'deliver'], TA, provider);
  }
}
