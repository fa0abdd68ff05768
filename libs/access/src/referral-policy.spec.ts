import { Actor } from '@hub/authz';
import { receivableSurvivorFields, visibleSurvivorFields } from './agency-view';
import { policyActor } from './testing/policy-test-actor';
import { defineAbilityFor } from './policy';
import { REFERRAL_RECIPIENT_TYPES, receivesReferrals } from './referral.rules';
import { GrantBasis, PolicyRecords, subject } from './subjects';
import { SURVIVOR_FIELDS_BY_CLASS } from './survivor-data';

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

describe('referral policy: what a referral under consent carries to its recipient (receivableSurvivorFields)', () => {
  const POLICE = 'agency-police';
  const survivor = (
    to: string,
    grant: { purposes: string[]; classes: string[]; basis?: GrantBasis },
    over: Partial<PolicyRecords['Survivor']> = {},
  ): PolicyRecords['Survivor'] => ({
    id: 's1',
    ownerAgencyId: NGO,
    minor: false,
    liveGrants: [{ agencyId: to, basis: 'CONSENT', userId: null, ...grant }],
    sharedClasses: ['IDENTITY', 'CONTACT'],
    ...over,
  });
  const ngo = { id: LEGAL, type: 'NGO' };
  const police = { id: POLICE, type: 'LAW_ENFORCEMENT' };
  const identityAndContact = [...SURVIVOR_FIELDS_BY_CLASS.IDENTITY, ...SURVIVOR_FIELDS_BY_CLASS.CONTACT];

  it.each([
    [
      'the classes granted for SERVICE and shared',
      ngo,
      survivor(LEGAL, { purposes: ['SERVICE'], classes: ['IDENTITY', 'CONTACT', 'HEALTH'] }),
      identityAndContact,
    ],
    [
      'a class shared but not granted: not carried',
      ngo,
      survivor(LEGAL, { purposes: ['SERVICE'], classes: ['IDENTITY'] }),
      [...SURVIVOR_FIELDS_BY_CLASS.IDENTITY],
    ],
    [
      'a grant for INVESTIGATION only: nothing',
      ngo,
      survivor(LEGAL, { purposes: ['INVESTIGATION'], classes: ['IDENTITY', 'CONTACT'] }),
      null,
    ],
    [
      'a referral is for services whoever receives it: police with a SERVICE grant',
      police,
      survivor(POLICE, { purposes: ['SERVICE'], classes: ['IDENTITY', 'CONTACT'] }),
      identityAndContact,
    ],
    [
      'police and a minor: nothing (only a child-safety referral)',
      police,
      survivor(POLICE, { purposes: ['SERVICE'], classes: ['IDENTITY'] }, { minor: true }),
      null,
    ],
    [
      'an NGO and a minor: the classes',
      ngo,
      survivor(LEGAL, { purposes: ['SERVICE'], classes: ['IDENTITY'] }, { minor: true }),
      [...SURVIVOR_FIELDS_BY_CLASS.IDENTITY],
    ],
    [
      'a grant that is not from consent: nothing',
      ngo,
      survivor(LEGAL, { purposes: ['SERVICE'], classes: ['IDENTITY'], basis: 'CHILD_SAFETY' }),
      null,
    ],
    [
      "another agency's grant: nothing",
      ngo,
      survivor('agency-other', { purposes: ['SERVICE'], classes: ['IDENTITY'] }),
      null,
    ],
  ] as const)('%s', (_name, agency, record, expected) => {
    const fields = receivableSurvivorFields(agency, record);
    expect(fields && [...fields].sort()).toEqual(expected && [...expected].sort());
  });

  it('is not a read: police read nothing through that SERVICE grant', () => {
    const record = survivor(POLICE, { purposes: ['SERVICE'], classes: ['IDENTITY'] });
    expect(visibleSurvivorFields(police, record)).toBeNull();
    expect(receivableSurvivorFields(police, record)).not.toBeNull();
  });
});
