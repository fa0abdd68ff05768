/** The hub's realm roles (DESIGN.md §4). Keycloak adds its own (offline_access…) to every token. */
export const HUB_ROLES: readonly string[] = [
  'caseworker',
  'supervisor',
  'agency_admin',
  'investigator',
  'coordinator',
  'ta_provider',
  'federal_partner',
  'auditor',
  'hub_admin',
];

/** The hub's roles among a token's realm roles, sorted: what `me` and the users list report. */
export function hubRolesOf(roles: readonly string[]): string[] {
  return roles.filter((role) => HUB_ROLES.includes(role)).sort();
}
