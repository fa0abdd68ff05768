import type { AbilityBuilder } from '@casl/ability';
import type { Actor } from '@hub/authz';
import type { AppAbility } from './subjects';
import { isLawEnforcement } from './survivor-data';

const SENDING_STAFF = ['caseworker', 'supervisor', 'investigator'];
const RECEIVING_STAFF = ['caseworker', 'supervisor'];

/**
 * Agency types that receive referrals (DESIGN.md §4, "Who can receive"): those whose users hold the
 * receiving roles (caseworker, supervisor). TA providers, federal partners and coordinators do not,
 * so a referral to them could never be acknowledged.
 */
export const REFERRAL_RECIPIENT_TYPES: readonly string[] = [
  'NGO',
  'LAW_ENFORCEMENT',
  'PROSECUTOR',
  'HEALTH',
  'CHILD_WELFARE',
];

/** Whether an agency of this type can act on a referral sent to it. */
export function receivesReferrals(agencyType: string): boolean {
  return REFERRAL_RECIPIENT_TYPES.includes(agencyType);
}

/**
 * Whether a recipient agency is law enforcement for the survivor rules (a minor is never shared with
 * it through consent): its type alone decides, as the referral goes to the agency, not to a user.
 */
export function recipientIsLawEnforcement(agencyType: string): boolean {
  return isLawEnforcement(agencyType, []);
}

/**
 * Referrals (DESIGN.md §4): the sending agency's caseworkers, supervisors and investigators
 * create, send and withdraw; the receiving agency's caseworkers and supervisors move it through
 * its lifecycle; staff of either agency read it and write in its thread; nobody else sees it.
 * A referral is created only to an agency type that receives referrals (`toAgencyType`, judged
 * at create; a send of an older draft checks the same list through `receivesReferrals`).
 * A supervisor of the agency that owns a minor's record may make a child-safety referral.
 */
export function defineReferralRules(actor: Actor, { can }: AbilityBuilder<AppAbility>): void {
  const agencyId = actor.agencyId;
  if (!actor.userId || !agencyId) return;
  const has = (roles: string[]) => actor.roles.some((role) => roles.includes(role));

  if (has(SENDING_STAFF)) {
    can(['read', 'message', 'send', 'withdraw'], 'Referral', { fromAgencyId: agencyId });
    can('create', 'Referral', {
      fromAgencyId: agencyId,
      toAgencyType: { $in: [...REFERRAL_RECIPIENT_TYPES] },
    });
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
