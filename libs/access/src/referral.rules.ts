import type { AbilityBuilder } from '@casl/ability';
import type { Actor } from '@hub/authz';
import type { AppAbility } from './subjects';

const SENDING_STAFF = ['caseworker', 'supervisor', 'investigator'];
const RECEIVING_STAFF = ['caseworker', 'supervisor'];

/**
 * Referrals (DESIGN.md §4): the sending agency's caseworkers, supervisors and investigators
 * create, send and withdraw; the receiving agency's caseworkers and supervisors move it through
 * its lifecycle; staff of either agency read it and write in its thread; nobody else sees it.
 * A supervisor of the agency that owns a minor's record may make a child-safety referral.
 */
export function defineReferralRules(actor: Actor, { can }: AbilityBuilder<AppAbility>): void {
  const agencyId = actor.agencyId;
  if (!actor.userId || !agencyId) return;
  const has = (roles: string[]) => actor.roles.some((role) => roles.includes(role));

  if (has(SENDING_STAFF)) {
    can(['read', 'message', 'create', 'send', 'withdraw'], 'Referral', { fromAgencyId: agencyId });
    can(['read', 'message'], 'Referral', { toAgencyId: agencyId, sent: true });
  }
  if (has(RECEIVING_STAFF)) {
    can(
      ['read', 'message', 'acknowledge', 'accept', 'decline', 'start', 'hold', 'complete', 'fail'],
      'Referral',
      {
        toAgencyId: agencyId,
        sent: true,
      },
    );
  }
  if (actor.roles.includes('supervisor')) {
    can('reportChildSafety', 'Survivor', { ownerAgencyId: agencyId });
  }
}
