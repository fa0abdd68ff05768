import type { DevIdpUser } from './dev-idp.types';

export type DevIdpUserProfile = Omit<DevIdpUser, 'password' | 'roles'> & { roles: readonly string[] };

/**
 * Turns user profiles (e.g. `DEMO_USERS` of `@hub/demo-data`) into dev-idp users sharing one
 * password. Platform libs may not import demo data, so the app and the testing lib pass it in.
 */
export function usersWithPassword(profiles: readonly DevIdpUserProfile[], password: string): DevIdpUser[] {
  return profiles.map(({ sub, username, name, email, agencyId, roles }) => ({
    sub,
    username,
    name,
    email,
    agencyId,
    roles: [...roles],
    password,
  }));
}
