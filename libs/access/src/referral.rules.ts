import type { AbilityBuilder } from '@casl/ability';
import type { Actor } from '@hub/authz';
import type { AppAbility } from './subjects';
import {
  DATA_CLASSES,
  isLawEnforcement,
  SURVIVOR_FIELDS_BY_CLASS,
  SURVIVOR_RECORD_FIELDS,
} from './survivor-data';

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
  defineReceiveRules(actor, agencyId, can);
}

/**
 * What a referral under consent may carry of its survivor to an agency (`receive`, asked of the
 * recipient's members through `receivableSurvivorFields` when a referral is made or sent). A
 * referral is made for services (SERVICE, DESIGN.md §3), so the agency needs a live consent grant
 * for SERVICE, and it gets the classes that grant allows and the referral shares; never a minor if
 * it is law enforcement (only a child-safety referral reaches it). Which agency types may receive
 * a referral at all is the separate `create` rule above (REFERRAL_RECIPIENT_TYPES).
 */
function defineReceiveRules(actor: Actor, agencyId: string, can: AbilityBuilder<AppAbility>['can']): void {
  const adultsOnly = isLawEnforcement(actor.agencyType, actor.roles) ? { minor: false } : {};
  const forServices = { agencyId, basis: 'CONSENT' as const, purposes: 'SERVICE' };
  can('receive', 'Survivor', [...SURVIVOR_RECORD_FIELDS], {
    liveGrants: { $elemMatch: forServices },
    ...adultsOnly,
  });
  for (const dataClass of DATA_CLASSES) {
    can('receive', 'Survivor', [...SURVIVOR_FIELDS_BY_CLASS[dataClass]], {
      liveGrants: { $elemMatch: { ...forServices, classes: dataClass } },
      sharedClasses: dataClass,
      ...adultsOnly,
    });
  }
}
