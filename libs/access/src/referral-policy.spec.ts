import { Actor } from '@hub/authz';
import { policyActor } from './testing/policy-test-actor';
import { defineAbilityFor } from './policy';
import { REFERRAL_RECIPIENT_TYPES, receivesReferrals } from './referral.rules';
import { subject } from './subjects';

const NGO = 'agency-harbor-light';
const LEGAL = 'agency-safe-passage';

const actor = (agencyId: string, agencyType: string, roles: string[]): Actor =>
  policyActor(agencyId, agencyType, roles, { taskForceIds: ['tf'] });

const ALL_TYPES = [
  'NGO',
  'LAW_ENFORCEMENT',
  'FEDERAL_PARTNER',
  'PROSECUTOR',
  'HEALTH',
  'CHILD_WELFARE',
  'TA_PROVIDER',
  'COORDINATOR',
];
const RECEIVING = ['NGO', 'LAW_ENFORCEMENT', 'PROSECUTOR', 'HEALTH', 'CHILD_WELFARE'];

describe('referral policy: who can receive (DESIGN.md §4)', () => {
  it('names exactly the types whose staff act on referrals', () => {
    expect([...REFERRAL_RECIPIENT_TYPES].sort()).toEqual([...RECEIVING].sort());
    for (const type of ALL_TYPES)
      expect([type, receivesReferrals(type)]).toEqual([type, RECEIVING.includes(type)]);
  });

  it.each(ALL_TYPES)('create to a %s agency: allowed exactly for the receiving types', (toAgencyType) => {
    for (const roles of [['caseworker'], ['supervisor'], ['investigator']]) {
      const ability = defineAbilityFor(actor(NGO, 'NGO', roles));
      const record = { id: '', fromAgencyId: NGO, toAgencyId: LEGAL, toAgencyType, sent: false };
      expect([roles, ability.can('create', subject('Referral', record))]).toEqual([
        roles,
        RECEIVING.includes(toAgencyType),
      ]);
      // Never for another agency, nor without the recipient's type.
      expect(ability.can('create', subject('Referral', { ...record, fromAgencyId: LEGAL }))).toBe(false);
      expect(
        ability.can(
          'create',
          subject('Referral', { id: '', fromAgencyId: NGO, toAgencyId: LEGAL, sent: false }),
        ),
      ).toBe(false);
    }
  });

  it('users without a case role create nothing, whatever the recipient', () => {
    for (const roles of [
      ['agency_admin'],
      ['ta_provider'],
      ['federal_partner'],
      ['coordinator'],
      ['auditor'],
    ]) {
      const ability = defineAbilityFor(actor(NGO, 'NGO', roles));
      const record = { id: '', fromAgencyId: NGO, toAgencyId: LEGAL, toAgencyType: 'NGO', sent: false };
      expect([roles, ability.can('create', subject('Referral', record))]).toEqual([roles, false]);
    }
  });
});
