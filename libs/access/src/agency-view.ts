import { Actor } from '@hub/authz';
import { CONSENT_NAME_FIELDS } from './consent-data';
import { defineAbilityFor } from './policy';
import { AppAbility, PolicyRecords, subject } from './subjects';
import { SURVIVOR_PERSONAL_FIELDS } from './survivor-data';

/**
 * The realm roles an agency of each type gives its people (DESIGN.md §4 roles; the demo realm
 * follows it). The policy itself decides by role; this says which roles can exist where, so
 * "what would agency X see" is answered by the policy for each kind of member X can have.
 */
export const ROLES_BY_AGENCY_TYPE: Readonly<Record<string, readonly string[]>> = {
  NGO: ['caseworker', 'supervisor', 'agency_admin'],
  LAW_ENFORCEMENT: ['investigator', 'supervisor', 'agency_admin'],
  PROSECUTOR: ['investigator', 'caseworker', 'supervisor', 'agency_admin'],
  HEALTH: ['caseworker', 'supervisor', 'agency_admin'],
  CHILD_WELFARE: ['caseworker', 'supervisor', 'agency_admin'],
  FEDERAL_PARTNER: ['federal_partner', 'agency_admin'],
  TA_PROVIDER: ['ta_provider', 'agency_admin'],
  // The platform administrator's account sits in the coordinating office (DESIGN.md §5); the role
  // sees no agency's records, so it changes no answer here.
  COORDINATOR: ['coordinator', 'agency_admin', 'auditor', 'hub_admin'],
};

/** An agency as these questions need it. */
export interface AgencyOfType {
  id: string;
  type: string;
}

/** One hypothetical member per role the agency's type gives (not a caller: no request, no user). */
function memberAbilities(agency: AgencyOfType): AppAbility[] {
  return (ROLES_BY_AGENCY_TYPE[agency.type] ?? []).map((role) => {
    const member: Actor = {
      userId: `member-of:${agency.id}:${role}`,
      agencyId: agency.id,
      agencyType: agency.type,
      roles: [role],
      taskForceIds: [],
    };
    return defineAbilityFor(member);
  });
}

/**
 * What some member of `agency` would see of this survivor record under the policy: the personal
 * fields any of its members may read, or null when none of them may see the record at all.
 */
export function visibleSurvivorFields(
  agency: AgencyOfType,
  record: PolicyRecords['Survivor'],
): string[] | null {
  return visibleFields(agency, 'read', subject('Survivor', record), SURVIVOR_PERSONAL_FIELDS);
}

/**
 * What a referral under consent would carry of this survivor record to `agency` (the policy's
 * `receive` rules: for SERVICE, the classes granted and shared, no minor to law enforcement): the
 * personal fields, or null when it would carry nothing of the record at all.
 */
export function receivableSurvivorFields(
  agency: AgencyOfType,
  record: PolicyRecords['Survivor'],
): string[] | null {
  return visibleFields(agency, 'receive', subject('Survivor', record), SURVIVOR_PERSONAL_FIELDS);
}

/**
 * What some member of `agency` would see of this consent: the name fields (CONSENT_NAME_FIELDS)
 * any of its members may read, or null when the consent does not serve the agency at all.
 */
export function visibleConsentFields(
  agency: AgencyOfType,
  record: PolicyRecords['Consent'],
): string[] | null {
  return visibleFields(agency, 'read', subject('Consent', record), CONSENT_NAME_FIELDS);
}

function visibleFields(
  agency: AgencyOfType,
  action: 'read' | 'receive',
  record: ReturnType<typeof subject<'Survivor'>> | ReturnType<typeof subject<'Consent'>>,
  fields: readonly string[],
): string[] | null {
  const members = memberAbilities(agency).filter((ability) => ability.can(action, record));
  if (members.length === 0) return null;
  return fields.filter((field) => members.some((ability) => ability.can(action, record, field)));
}
