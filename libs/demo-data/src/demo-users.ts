import { DEMO_AGENCY_IDS } from './demo-agencies';

/** The realm roles of DESIGN.md §4; dev-idp and the Keycloak realm export declare exactly these. */
export const REALM_ROLES = [
  'caseworker',
  'supervisor',
  'agency_admin',
  'investigator',
  'coordinator',
  'ta_provider',
  'federal_partner',
  'auditor',
  'hub_admin',
] as const;
export type RealmRole = (typeof REALM_ROLES)[number];

export interface DemoUser {
  /** Stable subject id, as Keycloak's user id. */
  sub: string;
  username: string;
  name: string;
  email: string;
  agencyId: string;
  roles: RealmRole[];
}

/** Demo users of DESIGN.md §5; every one signs in with the password `demo` (dev only). */
export const DEMO_PASSWORD = 'demo';

const user = (n: number, username: string, name: string, agencyId: string, roles: RealmRole[]): DemoUser => ({
  sub: `5d0c4b2e-9a7f-4e3b-8c61-${String(n).padStart(12, '0')}`,
  username,
  name,
  email: `${username}@demo.taskforce.example`,
  agencyId,
  roles,
});

export const DEMO_USERS: readonly DemoUser[] = [
  user(1, 'ngo.caseworker', 'Nadia Okafor', DEMO_AGENCY_IDS.harborLight, ['caseworker']),
  user(2, 'ngo.lead', 'Grace Lindqvist', DEMO_AGENCY_IDS.harborLight, ['supervisor', 'agency_admin']),
  user(3, 'legal.caseworker', 'Luis Moreno', DEMO_AGENCY_IDS.safePassage, ['caseworker']),
  user(4, 'pd.investigator', 'Dana Whitfield', DEMO_AGENCY_IDS.bayviewPolice, ['investigator']),
  user(5, 'fed.liaison', 'Samuel Achebe', DEMO_AGENCY_IDS.federalVictimAssistance, ['federal_partner']),
  user(6, 'ta.provider', 'Priya Raman', DEMO_AGENCY_IDS.regionalTa, ['ta_provider']),
  user(7, 'tf.coordinator', 'Morgan Reyes', DEMO_AGENCY_IDS.taskForceOffice, ['coordinator', 'agency_admin']),
  user(8, 'tf.auditor', 'Alex Kim', DEMO_AGENCY_IDS.taskForceOffice, ['auditor']),
  user(9, 'legal.lead', 'Hannah Cho', DEMO_AGENCY_IDS.safePassage, ['supervisor', 'agency_admin']),
  user(10, 'pd.supervisor', 'Victor Alvarez', DEMO_AGENCY_IDS.bayviewPolice, ['supervisor', 'agency_admin']),
  // The platform administrator (registers agencies and task forces; reads none of their work).
  user(11, 'hub.admin', 'Jordan Blake', DEMO_AGENCY_IDS.taskForceOffice, ['hub_admin']),
];
