import { REALM_ROLES } from '@hub/demo-data';

/**
 * The hub's roles among a token's realm roles, sorted: what `me` and the users list report.
 * Keycloak adds its own (offline_access, default-roles-…) to every token.
 */
export function hubRolesOf(roles: readonly string[]): string[] {
  return roles.filter((role) => (REALM_ROLES as readonly string[]).includes(role)).sort();
}
