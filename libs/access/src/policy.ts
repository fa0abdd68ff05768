import { AbilityBuilder, createMongoAbility } from '@casl/ability';
import { Actor, NOT_FOUND_REFUSAL } from '@hub/authz';
import { defineAgencyUserRules, defineHubAdministratorRules, isHubAdministrator } from './agency.rules';
import { defineDirectoryRules, defineNationalResourceRules } from './directory.rules';
import { defineProtocolRules } from './protocol.rules';
import { defineReferralRules } from './referral.rules';
import { CONSENT_RECORD_FIELDS } from './consent-data';
import { AppAbility } from './subjects';
import { defineTechnicalAssistanceRules } from './technical-assistance.rules';
import {
  DATA_CLASSES,
  isLawEnforcement,
  purposeOf,
  SURVIVOR_FIELDS_BY_CLASS,
  SURVIVOR_RECORD_FIELDS,
} from './survivor-data';

/**
 * THE policy: who may do what to which record and which fields (DESIGN.md §4). Every service asks
 * the ability built here; nobody hand-writes a role check. Each domain's rules live in their own
 * file beside this one, so the policy stays one reviewable place.
 */
const has = (actor: Actor, role: string) => actor.roles.includes(role);

export function defineAbilityFor(actor: Actor): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  const { can, cannot, build } = builder;

  // The directory and hotlines are public.
  can('read', 'Agency');
  can('read', 'Resource');
  // A confidential location (a shelter) is never disclosed outside its own agency.
  cannot('read', 'Agency', ['address'], { confidentialLocation: true });
  if (actor.agencyId) {
    can('read', 'Agency', ['address'], { id: actor.agencyId });
  }

  // The platform administrator gets the platform's rules and nothing of any agency's records.
  if (isHubAdministrator(actor)) {
    defineHubAdministratorRules(actor, builder);
    defineNationalResourceRules(builder);
    return build();
  }

  if (actor.userId && actor.agencyId) {
    can('read', 'TaskForce');
    can('read', 'TaskForceMembership');
    // Notifications go to an agency; its members read them (and mark them read, per user).
    can('read', 'Notification', { agencyId: actor.agencyId });
    // Each user chooses for themself, in their own agency, how they hear of them.
    const own = { userId: actor.userId, agencyId: actor.agencyId };
    can('read', 'NotificationPreference', own);
    can('update', 'NotificationPreference', own);

    if (has(actor, 'agency_admin')) {
      can('update', 'Agency', { id: actor.agencyId });
    }
    if (has(actor, 'coordinator') && actor.taskForceIds.length > 0) {
      const taskForceId = { $in: [...actor.taskForceIds] };
      can('create', 'TaskForceMembership', { taskForceId });
      can('update', 'TaskForceMembership', { taskForceId });
      can('delete', 'TaskForceMembership', { taskForceId });
      // A coordinator cannot remove their own agency, which would lock the task force out.
      cannot('delete', 'TaskForceMembership', { agencyId: actor.agencyId });
    }
  }

  defineAgencyUserRules(actor, builder);
  defineDirectoryRules(actor, builder);
  defineSurvivorRules(actor, builder);
  defineBreakGlassRules(actor, builder);
  defineAuditRules(actor, can);
  // Each domain's rules live in their own file here, so the policy stays one reviewable place.
  defineReferralRules(actor, builder);
  defineProtocolRules(actor, builder);
  defineTechnicalAssistanceRules(actor, builder);

  return build();
}

/**
 * The audit trail: an agency admin reads events by their agency's users and on their agency's
 * records (and reviews break-glass uses on them), except refusals answered as NOT_FOUND (the
 * row would tell them the record exists); an auditor reads everything and verifies.
 */
function defineAuditRules(actor: Actor, can: AbilityBuilder<AppAbility>['can']): void {
  if (!actor.userId || !actor.agencyId) return;
  if (actor.roles.includes('agency_admin')) {
    const disclosable = { reason: { $ne: NOT_FOUND_REFUSAL } };
    can('read', 'AuditEvent', { actorAgencyId: actor.agencyId, ...disclosable });
    can('read', 'AuditEvent', { subjectAgencyIds: actor.agencyId, ...disclosable });
    can('read', 'BreakGlass', { agencyId: actor.agencyId });
  }
  if (actor.roles.includes('auditor')) {
    can('read', 'AuditEvent');
    can('read', 'BreakGlass');
    can('verify', 'AuditTrail');
  }
}

/** Why break-glass is refused to an agency the survivor's revocation names (a stable `reason`). */
export const REVOKED_BY_SURVIVOR = 'REVOKED_BY_SURVIVOR';

/**
 * Break-glass uses: the owning agency's supervisors and admins see, end and review them; the
 * opener sees and ends their own but never reviews it; the opener's agency admin sees them.
 */
function defineBreakGlassRules(actor: Actor, { can, cannot }: AbilityBuilder<AppAbility>): void {
  if (!actor.userId || !actor.agencyId) return;
  if (has(actor, 'supervisor') || has(actor, 'agency_admin')) {
    const owner = { ownerAgencyId: actor.agencyId };
    can('read', 'BreakGlass', owner);
    can('end', 'BreakGlass', owner);
    can('review', 'BreakGlass', owner);
  }
  const opener = { openedBy: actor.userId };
  can('read', 'BreakGlass', opener);
  can('end', 'BreakGlass', opener);
  cannot('review', 'BreakGlass', opener);
}

/** Who works with survivor records at all: case staff and investigators (DESIGN.md §4). */
const SURVIVOR_STAFF = ['caseworker', 'supervisor', 'investigator'];

/**
 * Survivor records under consent. The owning agency's staff see and change everything; another
 * agency sees a record only through a live grant for its own purpose of use, and only the
 * classes granted. Law enforcement never sees a minor through consent alone.
 */
function defineSurvivorRules(actor: Actor, { can, cannot }: AbilityBuilder<AppAbility>): void {
  const agencyId = actor.agencyId;
  if (!actor.userId || !agencyId || !actor.roles.some((role) => SURVIVOR_STAFF.includes(role))) return;

  const own = { ownerAgencyId: agencyId };
  can('create', 'Survivor', own);
  can('update', 'Survivor', own);
  can('read', 'Survivor', own);
  can('create', 'Consent', own);
  can('read', 'Consent', own);
  can('revoke', 'Consent', own);

  const purpose = purposeOf(actor.agencyType);
  const lawEnforcement = isLawEnforcement(actor.agencyType, actor.roles);
  const adultsOnly = lawEnforcement ? { minor: false } : {};
  // Law enforcement sees through consent only adults, through a child-safety referral a minor
  // too, and never through break-glass. Everyone else through any grant of their agency that
  // serves the whole agency (no user) or them: a break-glass grant names the one user who opened
  // it (the grants table requires it), so a colleague is not served. One route keeps the SQL to
  // one EXISTS per rule.
  const grantRoutes: Record<string, unknown>[] = lawEnforcement
    ? [
        { basis: 'CONSENT', adultsOnly: true },
        { basis: 'CHILD_SAFETY', adultsOnly: false },
      ]
    : [{ userId: { $in: [null, actor.userId] } }];
  const grant = (route: Record<string, unknown>, grantCondition: Record<string, unknown>) => {
    const { adultsOnly: onlyAdults, ...basis } = route;
    return {
      liveGrants: { $elemMatch: { agencyId, purposes: purpose, ...basis, ...grantCondition } },
      ...(onlyAdults ? { minor: false } : {}),
    };
  };
  for (const route of grantRoutes) {
    can('read', 'Survivor', [...SURVIVOR_RECORD_FIELDS], grant(route, {}));
    for (const dataClass of DATA_CLASSES) {
      const fields = [...SURVIVOR_FIELDS_BY_CLASS[dataClass]];
      const granted = grant(route, { classes: dataClass });
      // Read directly: the classes the grant allows. Through a referral: those it also shares.
      can('read', 'Survivor', fields, { ...granted, sharedClasses: { $exists: false } });
      can('read', 'Survivor', fields, { ...granted, sharedClasses: dataClass });
    }
  }
  // Break-glass: a supervisor of an agency party to a referral about the survivor, for an
  // imminent danger — never law enforcement, so it never overrides a "no" to police, and never
  // an agency a revoked consent of the survivor named, so it never overrides a "no" to them.
  if (actor.roles.includes('supervisor') && !lawEnforcement) {
    can('openBreakGlass', 'Survivor', { referralPartyAgencyIds: agencyId });
    cannot('openBreakGlass', 'Survivor', { revokedForAgencyIds: agencyId }).because(REVOKED_BY_SURVIVOR);
  }

  // A consent serves an agency whose live grant from it serves the agency's purpose of use (and
  // no minor for law enforcement): it sees the consent, but never the names on it, and the
  // survivor may revoke through it.
  const servedBy = { liveGrants: { $elemMatch: { agencyId, purposes: purpose } }, ...adultsOnly };
  can('read', 'Consent', [...CONSENT_RECORD_FIELDS], servedBy);
  can('revoke', 'Consent', servedBy);
}
