import { Actor } from '@hub/authz';
import { policyActor } from './testing/policy-test-actor';
import { defineAbilityFor } from './policy';
import { Action, PolicyRecords, subject } from './subjects';
import { classesWithin, SURVIVOR_FIELDS_BY_CLASS, SURVIVOR_PERSONAL_FIELDS } from './survivor-data';

const NGO = 'agency-ngo';
const LEGAL = 'agency-legal';
const POLICE = 'agency-police';

const actor = (agencyId: string, agencyType: string, roles: string[]): Actor =>
  policyActor(agencyId, agencyType, roles);
const caseworker = actor(NGO, 'NGO', ['caseworker']);
const legal = actor(LEGAL, 'NGO', ['caseworker']);
const legalAdminOnly = actor(LEGAL, 'NGO', ['agency_admin']);
const investigator = actor(POLICE, 'LAW_ENFORCEMENT', ['investigator']);
const ngoInvestigator = actor(LEGAL, 'NGO', ['investigator']);
const coordinator = actor('agency-tf', 'COORDINATOR', ['coordinator', 'agency_admin']);

type Survivor = PolicyRecords['Survivor'];
const survivor = (over: Partial<Survivor> = {}): Survivor => ({
  id: 's1',
  ownerAgencyId: NGO,
  minor: false,
  liveGrants: [],
  ...over,
});
const grant = (
  agencyId: string,
  purposes: string[],
  classes: string[],
  basis: 'CONSENT' | 'CHILD_SAFETY' | 'BREAK_GLASS' = 'CONSENT',
) => ({ agencyId, purposes, classes, basis, userId: null });

type Case = [string, Actor, Action, Survivor, string | undefined, boolean];

const table: Case[] = [
  ['owner caseworker reads', caseworker, 'read', survivor(), undefined, true],
  ['owner caseworker reads health notes', caseworker, 'read', survivor(), 'medicalNotes', true],
  ['owner caseworker updates', caseworker, 'update', survivor(), undefined, true],
  ['owner creates', caseworker, 'create', survivor(), undefined, true],
  ['no grant: another NGO sees nothing', legal, 'read', survivor(), undefined, false],
  [
    'live SERVICE grant: record visible',
    legal,
    'read',
    survivor({ liveGrants: [grant(LEGAL, ['SERVICE'], ['IDENTITY'])] }),
    undefined,
    true,
  ],
  [
    'live SERVICE grant: granted class visible',
    legal,
    'read',
    survivor({ liveGrants: [grant(LEGAL, ['SERVICE'], ['IDENTITY'])] }),
    'givenName',
    true,
  ],
  [
    'live SERVICE grant: other class hidden',
    legal,
    'read',
    survivor({ liveGrants: [grant(LEGAL, ['SERVICE'], ['IDENTITY'])] }),
    'phone',
    false,
  ],
  [
    'grant for another agency does not help',
    legal,
    'read',
    survivor({ liveGrants: [grant(POLICE, ['SERVICE'], ['IDENTITY'])] }),
    undefined,
    false,
  ],
  [
    'INVESTIGATION grant does not serve an NGO',
    legal,
    'read',
    survivor({ liveGrants: [grant(LEGAL, ['INVESTIGATION'], ['IDENTITY'])] }),
    undefined,
    false,
  ],
  [
    'grantee cannot update',
    legal,
    'update',
    survivor({ liveGrants: [grant(LEGAL, ['SERVICE'], ['IDENTITY'])] }),
    undefined,
    false,
  ],
  [
    'agency admin without case role sees nothing even with a grant',
    legalAdminOnly,
    'read',
    survivor({ liveGrants: [grant(LEGAL, ['SERVICE'], ['IDENTITY'])] }),
    undefined,
    false,
  ],
  [
    'police with INVESTIGATION grant see an adult',
    investigator,
    'read',
    survivor({ liveGrants: [grant(POLICE, ['INVESTIGATION'], ['NARRATIVE'])] }),
    'caseNotes',
    true,
  ],
  [
    'police with SERVICE-only grant see nothing',
    investigator,
    'read',
    survivor({ liveGrants: [grant(POLICE, ['SERVICE'], ['NARRATIVE'])] }),
    undefined,
    false,
  ],
  [
    'police never see a minor through consent',
    investigator,
    'read',
    survivor({ minor: true, liveGrants: [grant(POLICE, ['INVESTIGATION'], ['IDENTITY'])] }),
    undefined,
    false,
  ],
  [
    'an investigator in an NGO never sees a minor through consent',
    ngoInvestigator,
    'read',
    survivor({ minor: true, liveGrants: [grant(LEGAL, ['SERVICE'], ['IDENTITY'])] }),
    undefined,
    false,
  ],
  [
    'an NGO caseworker sees a minor through consent',
    legal,
    'read',
    survivor({ minor: true, liveGrants: [grant(LEGAL, ['SERVICE'], ['IDENTITY'])] }),
    'givenName',
    true,
  ],
  [
    'police own records, minors included',
    investigator,
    'read',
    survivor({ ownerAgencyId: POLICE, minor: true }),
    'givenName',
    true,
  ],
  [
    'coordinator sees no survivor',
    coordinator,
    'read',
    survivor({ liveGrants: [grant('agency-tf', ['SERVICE'], ['IDENTITY'])] }),
    undefined,
    false,
  ],
  [
    'coordinator creates no survivor',
    coordinator,
    'create',
    survivor({ ownerAgencyId: 'agency-tf' }),
    undefined,
    false,
  ],
];

describe('survivor policy', () => {
  it.each(table)('%s', (_name, who, action, record, field, allowed) => {
    expect(defineAbilityFor(who).can(action, subject('Survivor', record), field)).toBe(allowed);
  });

  it('grants exactly the fields of the granted classes, plus the record fields', () => {
    const ability = defineAbilityFor(legal);
    const record = subject(
      'Survivor',
      survivor({ liveGrants: [grant(LEGAL, ['SERVICE'], ['CONTACT', 'HEALTH'])] }),
    );
    const visible = SURVIVOR_PERSONAL_FIELDS.filter((field) => ability.can('read', record, field));
    expect(visible.sort()).toEqual(
      [...SURVIVOR_FIELDS_BY_CLASS.CONTACT, ...SURVIVOR_FIELDS_BY_CLASS.HEALTH].sort(),
    );
    for (const field of ['id', 'reference', 'ownerAgencyId', 'minor', 'ageBand'])
      expect(ability.can('read', record, field)).toBe(true);
  });

  it('classesWithin: the classes all of whose fields are listed, no class from part of its fields', () => {
    const fields = [...SURVIVOR_FIELDS_BY_CLASS.CONTACT, ...SURVIVOR_FIELDS_BY_CLASS.HEALTH, 'givenName'];
    expect(classesWithin(fields)).toEqual(['CONTACT', 'HEALTH']);
    expect(classesWithin(SURVIVOR_PERSONAL_FIELDS)).toEqual([
      'IDENTITY',
      'CONTACT',
      'NEEDS',
      'NARRATIVE',
      'IMMIGRATION',
      'HEALTH',
    ]);
    expect(classesWithin([])).toEqual([]);
  });
});

describe('consent policy', () => {
  const consent = (over: Partial<PolicyRecords['Consent']> = {}) =>
    subject('Consent', { id: 'c1', ownerAgencyId: NGO, minor: false, liveGrants: [], ...over });

  it.each([
    ['owner records', caseworker, 'create', consent(), true],
    ['owner revokes', caseworker, 'revoke', consent(), true],
    [
      'a live recipient reads and revokes',
      legal,
      'revoke',
      consent({ liveGrants: [{ agencyId: LEGAL, purposes: ['SERVICE'] }] }),
      true,
    ],
    ['a former recipient cannot revoke', legal, 'revoke', consent(), false],
    [
      'a recipient cannot record for another agency',
      legal,
      'create',
      consent({ liveGrants: [{ agencyId: LEGAL, purposes: ['SERVICE'] }] }),
      false,
    ],
    ['an unrelated agency cannot read', investigator, 'read', consent(), false],
    [
      'a recipient whose purpose the grant does not serve cannot revoke',
      investigator,
      'revoke',
      consent({ liveGrants: [{ agencyId: POLICE, purposes: ['SERVICE'] }] }),
      false,
    ],
    [
      'police cannot act on a minor’s consent',
      investigator,
      'read',
      consent({ minor: true, liveGrants: [{ agencyId: POLICE, purposes: ['INVESTIGATION'] }] }),
      false,
    ],
    [
      'a coordinator cannot revoke',
      coordinator,
      'revoke',
      consent({ liveGrants: [{ agencyId: 'agency-tf', purposes: ['SERVICE'] }] }),
      false,
    ],
  ] as const)('%s', (_name, who, action, record, allowed) => {
    expect(defineAbilityFor(who).can(action, record)).toBe(allowed);
  });
});
