import { ROLES_BY_AGENCY_TYPE } from '@hub/access';
import { AgencyType } from '@hub/agencies';
import { DEMO_AGENCIES, DEMO_USERS, REALM_ROLES } from '@hub/demo-data';

/**
 * The policy answers "what would agency X see" (who can receive a consent, who hears of it) for
 * the roles an agency of X's type gives its people. That table must cover every agency type,
 * name only realm roles, and hold every demo user's roles, or the answer is about nobody.
 */
describe('ROLES_BY_AGENCY_TYPE (libs/access) agrees with the realm and the demo data', () => {
  it('covers every agency type and names only realm roles', () => {
    expect(Object.keys(ROLES_BY_AGENCY_TYPE).sort()).toEqual(Object.values(AgencyType).sort());
    for (const roles of Object.values(ROLES_BY_AGENCY_TYPE)) {
      expect(roles.filter((role) => !(REALM_ROLES as readonly string[]).includes(role))).toEqual([]);
    }
  });

  it.each(DEMO_USERS.map((user) => [user.username, user] as const))(
    "%s holds only roles its agency's type gives",
    (_name, user) => {
      const agency = DEMO_AGENCIES.find((a) => a.id === user.agencyId);
      expect(agency).toBeDefined();
      const allowed = ROLES_BY_AGENCY_TYPE[agency?.type ?? ''] ?? [];
      expect(user.roles.filter((role) => !allowed.includes(role))).toEqual([]);
    },
  );
});
