import { capabilitiesOf, Capability } from './capabilities';
import { defineAbilityFor } from './policy';
import { policyActor } from './testing/policy-test-actor';

const TF = ['tf-bay'];
const ability = (agencyType: string, roles: string[]) =>
  defineAbilityFor(policyActor(`agency-${agencyType}`, agencyType, roles, { taskForceIds: TF }));

// Any member of an agency: its notifications (and how they hear of them), protocols addressed to it,
// its agency's TA requests.
const EVERYONE: Capability[] = [
  'READ_PROTOCOLS',
  'READ_NOTIFICATIONS',
  'CHOOSE_NOTIFICATION_DELIVERY',
  'READ_TECHNICAL_ASSISTANCE',
];
const CASEWORK: Capability[] = ['READ_SURVIVORS', 'CREATE_SURVIVOR', 'READ_REFERRALS', 'CREATE_REFERRAL'];

// The demo users' roles (DESIGN.md §5) → what the web app offers them. A role change in the policy
// that would show or hide a screen shows up here.
const table: [string, string, string[], Capability[]][] = [
  ['NGO caseworker', 'NGO', ['caseworker'], [...CASEWORK, ...EVERYONE]],
  [
    'NGO lead (supervisor, agency admin)',
    'NGO',
    ['supervisor', 'agency_admin'],
    [
      ...CASEWORK,
      'REPORT_CHILD_SAFETY',
      'OPEN_BREAK_GLASS',
      'REVIEW_BREAK_GLASS',
      ...EVERYONE,
      'ACKNOWLEDGE_PROTOCOLS',
      'REQUEST_TECHNICAL_ASSISTANCE',
      'READ_AUDIT',
      'UPDATE_AGENCY_PROFILE',
      'MANAGE_AGENCY_USERS',
    ],
  ],
  ['police investigator', 'LAW_ENFORCEMENT', ['investigator'], [...CASEWORK, ...EVERYONE]],
  ['federal liaison', 'FEDERAL_PARTNER', ['federal_partner'], [...EVERYONE, 'DELIVER_TECHNICAL_ASSISTANCE']],
  ['TA provider', 'TA_PROVIDER', ['ta_provider'], [...EVERYONE, 'DELIVER_TECHNICAL_ASSISTANCE']],
  [
    'coordinator (and agency admin)',
    'COORDINATOR',
    ['coordinator', 'agency_admin'],
    [
      ...EVERYONE,
      'MANAGE_PROTOCOLS',
      'ACKNOWLEDGE_PROTOCOLS',
      'REQUEST_TECHNICAL_ASSISTANCE',
      'TRIAGE_TECHNICAL_ASSISTANCE',
      'REVIEW_BREAK_GLASS',
      'READ_AUDIT',
      'UPDATE_AGENCY_PROFILE',
      'MANAGE_TASK_FORCE_MEMBERS',
      'MANAGE_AGENCY_USERS',
      'MANAGE_RESOURCES',
    ],
  ],
  ['auditor', 'COORDINATOR', ['auditor'], [...EVERYONE, 'READ_AUDIT', 'VERIFY_AUDIT']],
  // The platform administrator reads no agency's work (DESIGN.md §4).
  ['hub admin', 'COORDINATOR', ['hub_admin'], ['ADMINISTER_AGENCIES', 'MANAGE_RESOURCES']],
  ['a member with no hub role', 'NGO', [], [...EVERYONE]],
];

describe('capabilitiesOf: what the web app offers each role, from the one policy', () => {
  it.each(table)('%s', (_who, agencyType, roles, expected) => {
    expect(new Set(capabilitiesOf(ability(agencyType, roles)))).toEqual(new Set(expected));
  });
});
