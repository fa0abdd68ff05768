import { DEMO_PASSWORD, DEMO_USERS } from '@hub/demo-data';
import { usersWithPassword, type DevIdpUser } from '@hub/dev-idp';

/** The demo users of DESIGN.md §5, each with the demo password. */
export function demoUsers(): DevIdpUser[] {
  return usersWithPassword(DEMO_USERS, DEMO_PASSWORD);
}
