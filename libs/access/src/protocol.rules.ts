import type { AbilityBuilder } from '@casl/ability';
import type { Actor } from '@hub/authz';
import type { AppAbility } from './subjects';

/** Who acknowledges a protocol version on behalf of their agency (DESIGN.md §4). */
const ACKNOWLEDGING_ROLES = ['supervisor', 'agency_admin'];

/**
 * Protocol rules (DESIGN.md §4). Called by defineAbilityFor for every caller. Nothing here reaches
 * outside the task forces the caller's agency belongs to: every rule is bounded by taskForceId.
 * - A coordinator of the task force creates, edits drafts, publishes, archives, and reads
 *   everything (drafts, every version, every agency's acknowledgement).
 * - A member agency whose type is in the audience reads published versions (current and past),
 *   and its own agency's acknowledgements; its supervisors and agency admins acknowledge on
 *   behalf of their own agency, never another's.
 */
export function defineProtocolRules(actor: Actor, builder: AbilityBuilder<AppAbility>): void {
  const { can } = builder;
  const { userId, agencyId, agencyType, roles } = actor;
  if (!userId || !agencyId || actor.taskForceIds.length === 0) return;
  const taskForceId = { $in: [...actor.taskForceIds] };

  if (roles.includes('coordinator')) {
    can(['read', 'create', 'update', 'publish', 'archive'], 'Protocol', { taskForceId });
    can('read', 'ProtocolVersion', { taskForceId });
    can('read', 'ProtocolAcknowledgement', { taskForceId });
  }

  if (agencyType) {
    const audience = { taskForceId, audience: agencyType };
    can('read', 'Protocol', { ...audience, published: true });
    can('read', 'ProtocolVersion', { ...audience, published: true });
    can('read', 'ProtocolAcknowledgement', { taskForceId, agencyId });
    if (roles.some((role) => ACKNOWLEDGING_ROLES.includes(role))) {
      can('create', 'ProtocolAcknowledgement', { ...audience, agencyId });
    }
  }
}
