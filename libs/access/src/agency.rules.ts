import type { AbilityBuilder } from '@casl/ability';
import type { Actor } from '@hub/authz';
import type { AppAbility } from './subjects';

/** The realm role of the platform administrator (DESIGN.md §4, "Platform administration"). */
export const HUB_ADMIN_ROLE = 'hub_admin';

/**
 * A hub administrator holds `hub_admin`. The role is exclusive: whatever other roles the same
 * account holds, the policy gives it only the platform's rules (defineHubAdministratorRules), so a
 * hub administrator never reads survivor, consent, referral, TA or protocol data.
 */
export function isHubAdministrator(actor: Actor): boolean {
  return actor.userId !== null && actor.roles.includes(HUB_ADMIN_ROLE);
}

/**
 * The platform administrator registers agencies (creates them, edits their registration, takes
 * them off the hub) and task forces, and sees which agencies belong to which task force; never
 * any agency's records. Taking an agency off the hub needs an agency of their own (the coordinating
 * office; the referrals it hands back record the administrator's agency) and is never their own,
 * which would lock them out. The first run's bootstrap acts as one without an agency.
 */
export function defineHubAdministratorRules(actor: Actor, { can, cannot }: AbilityBuilder<AppAbility>): void {
  can('read', 'TaskForce');
  can('read', 'TaskForceMembership');
  can(['create', 'administer'], 'Agency');
  can('create', 'TaskForce');
  if (actor.agencyId) {
    can('deactivate', 'Agency');
    cannot('deactivate', 'Agency', { id: actor.agencyId });
  }
}

/**
 * People in an agency, seen from the hub: the agency admin lists the users the hub has seen for
 * their agency and may suspend (and reinstate) any of them but themselves, so an agency is never
 * left without the admin who can undo it.
 */
export function defineAgencyUserRules(actor: Actor, { can, cannot }: AbilityBuilder<AppAbility>): void {
  if (!actor.userId || !actor.agencyId || !actor.roles.includes('agency_admin')) return;
  can(['read', 'suspend', 'reinstate'], 'AgencyUser', { agencyId: actor.agencyId });
  cannot('suspend', 'AgencyUser', { userId: actor.userId });
}
