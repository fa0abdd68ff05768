import { Actor, NOT_FOUND_REFUSAL } from '@hub/authz';
import { policyActor } from './testing/policy-test-actor';
import { visibleConsentFields, visibleSurvivorFields } from './agency-view';
import { CONSENT_NAME_FIELDS } from './consent-data';
import { defineAbilityFor } from './policy';
import { PolicyRecords, subject } from './subjects';
import { SURVIVOR_FIELDS_BY_CLASS } from './survivor-data';

const NGO = 'agency-ngo';
const LEGAL = 'agency-legal';
const POLICE = 'agency-police';

const actor = (agencyId: string, agencyType: string, roles: string[]): Actor =>
  policyActor(agencyId, agencyType, roles);
const caseworker = actor(NGO, 'NGO', ['caseworker']);
const legal = actor(LEGAL, 'NGO', ['caseworker']);
const investigator = actor(POLICE, 'LAW_ENFORCEMENT', ['investigator']);
const ngoAdmin = actor(NGO, 'NGO', ['supervisor', 'agency_admin']);
const auditor = actor('agency-tf', 'COORDINATOR', ['auditor']);
const adminAndAuditor = actor('agency-tf', 'COORDINATOR', ['agency_admin', 'auditor']);

const consent = (over: Partial<PolicyRecords['Consent']> = {}) =>
  subject('Consent', { id: 'c1', ownerAgencyId: NGO, minor: false, liveGrants: [], ...over });
const liveFor = (agencyId: string, purposes: string[]) => [{ agencyId, purposes }];

describe('consent names (field rules)', () => {
  it.each([
    ['the owner reads the grantor name', caseworker, consent(), 'grantorName', true],
    ['the owner reads the interpreter name', caseworker, consent(), 'interpreterName', true],
    [
      'a served recipient reads the consent',
      legal,
      consent({ liveGrants: liveFor(LEGAL, ['SERVICE']) }),
      'status',
      true,
    ],
    [
      'a served recipient cannot read the grantor name',
      legal,
      consent({ liveGrants: liveFor(LEGAL, ['SERVICE']) }),
      'grantorName',
      false,
    ],
    [
      'a served recipient cannot read the relationship',
      legal,
      consent({ liveGrants: liveFor(LEGAL, ['SERVICE']) }),
      'grantorRelationship',
      false,
    ],
    [
      'a served recipient cannot read the interpreter name',
      investigator,
      consent({ liveGrants: liveFor(POLICE, ['INVESTIGATION']) }),
      'interpreterName',
      false,
    ],
    ['an unserved agency cannot read the consent', legal, consent(), 'status', false],
  ] as const)('%s', (_name, who, record, field, allowed) => {
    expect(defineAbilityFor(who).can('read', record, field)).toBe(allowed);
  });
});

describe('through a referral: the classes it shares and the grant allows', () => {
  const survivor = (over: Partial<PolicyRecords['Survivor']> = {}) =>
    subject('Survivor', {
      id: 's1',
      ownerAgencyId: NGO,
      minor: false,
      liveGrants: [
        {
          agencyId: LEGAL,
          purposes: ['SERVICE'],
          classes: ['IDENTITY', 'CONTACT'],
          basis: 'CONSENT',
          userId: null,
        },
      ],
      ...over,
    });
  it.each([
    ['direct read: a granted class', legal, survivor(), 'givenName', true],
    ['direct read: an ungranted class', legal, survivor(), 'medicalNotes', false],
    ['shared and granted', legal, survivor({ sharedClasses: ['IDENTITY'] }), 'givenName', true],
    ['granted but not shared', legal, survivor({ sharedClasses: ['IDENTITY'] }), 'phone', false],
    [
      'shared but not granted',
      legal,
      survivor({ sharedClasses: ['IDENTITY', 'HEALTH'] }),
      'medicalNotes',
      false,
    ],
    ['nothing shared: no personal field', legal, survivor({ sharedClasses: [] }), 'givenName', false],
    [
      'nothing shared: the record itself stays visible',
      legal,
      survivor({ sharedClasses: [] }),
      'reference',
      true,
    ],
    [
      'the owner is not narrowed by a referral',
      caseworker,
      survivor({ sharedClasses: [] }),
      'medicalNotes',
      true,
    ],
  ] as const)('%s', (_name, who, record, field, allowed) => {
    expect(defineAbilityFor(who).can('read', record, field)).toBe(allowed);
  });
});

describe('audit events answered as NOT_FOUND are for auditors only', () => {
  const event = (over: Partial<PolicyRecords['AuditEvent']> = {}) =>
    subject('AuditEvent', { actorAgencyId: NGO, subjectAgencyIds: [NGO], reason: null, ...over });
  it.each([
    ["an admin reads their agency's events", ngoAdmin, event(), true],
    ['an admin reads a DENIED event with another reason', ngoAdmin, event({ reason: 'FORBIDDEN' }), true],
    [
      "an admin cannot read their own user's NOT_FOUND refusal",
      ngoAdmin,
      event({ reason: NOT_FOUND_REFUSAL, subjectAgencyIds: [] }),
      false,
    ],
    [
      'an admin cannot read a NOT_FOUND refusal on their record',
      ngoAdmin,
      event({ actorAgencyId: POLICE, reason: NOT_FOUND_REFUSAL }),
      false,
    ],
    ['an auditor reads a NOT_FOUND refusal', auditor, event({ reason: NOT_FOUND_REFUSAL }), true],
    [
      'an admin who is also an auditor reads it as auditor',
      adminAndAuditor,
      event({ reason: NOT_FOUND_REFUSAL }),
      true,
    ],
    ['a caseworker reads no audit event', caseworker, event(), false],
  ] as const)('%s', (_name, who, record, allowed) => {
    expect(defineAbilityFor(who).can('read', record)).toBe(allowed);
  });
});

describe('what agency X would see (visibleSurvivorFields / visibleConsentFields)', () => {
  const grantTo = (agencyId: string, purposes: string[], classes: string[]) => ({
    id: 's1',
    ownerAgencyId: NGO,
    minor: false,
    liveGrants: [{ agencyId, purposes, classes, basis: 'CONSENT' as const, userId: null }],
  });
  it.each([
    [
      'an NGO granted IDENTITY for SERVICE',
      { id: LEGAL, type: 'NGO' },
      ['SERVICE'],
      SURVIVOR_FIELDS_BY_CLASS.IDENTITY,
    ],
    [
      'a HEALTH agency for SERVICE',
      { id: 'h', type: 'HEALTH' },
      ['SERVICE'],
      SURVIVOR_FIELDS_BY_CLASS.IDENTITY,
    ],
    [
      'police for INVESTIGATION',
      { id: POLICE, type: 'LAW_ENFORCEMENT' },
      ['INVESTIGATION'],
      SURVIVOR_FIELDS_BY_CLASS.IDENTITY,
    ],
    [
      'a prosecutor for INVESTIGATION',
      { id: 'p', type: 'PROSECUTOR' },
      ['INVESTIGATION'],
      SURVIVOR_FIELDS_BY_CLASS.IDENTITY,
    ],
    ['police for SERVICE only: never', { id: POLICE, type: 'LAW_ENFORCEMENT' }, ['SERVICE'], null],
    ['an NGO for INVESTIGATION only: never', { id: LEGAL, type: 'NGO' }, ['INVESTIGATION'], null],
    [
      'the federal partner office: never',
      { id: 'fed', type: 'FEDERAL_PARTNER' },
      ['SERVICE', 'INVESTIGATION'],
      null,
    ],
    ['a TA provider: never', { id: 'ta', type: 'TA_PROVIDER' }, ['SERVICE', 'INVESTIGATION'], null],
    ['the coordinator office: never', { id: 'tf', type: 'COORDINATOR' }, ['SERVICE', 'INVESTIGATION'], null],
    ['an unknown type: never', { id: 'x', type: 'UNKNOWN' }, ['SERVICE'], null],
  ] as const)('%s', (_name, agency, purposes, expected) => {
    expect(visibleSurvivorFields(agency, grantTo(agency.id, [...purposes], ['IDENTITY']))).toEqual(
      expected && [...expected],
    );
  });

  it('police see no minor through consent', () => {
    const minor = { ...grantTo(POLICE, ['INVESTIGATION'], ['IDENTITY']), minor: true };
    expect(visibleSurvivorFields({ id: POLICE, type: 'LAW_ENFORCEMENT' }, minor)).toBeNull();
  });

  it('through a referral, only the shared classes', () => {
    const record = { ...grantTo(LEGAL, ['SERVICE'], ['IDENTITY', 'CONTACT']), sharedClasses: ['CONTACT'] };
    expect(visibleSurvivorFields({ id: LEGAL, type: 'NGO' }, record)).toEqual([
      ...SURVIVOR_FIELDS_BY_CLASS.CONTACT,
    ]);
  });

  it.each([
    [
      'the owner sees the names',
      { id: NGO, type: 'NGO' },
      liveFor(LEGAL, ['SERVICE']),
      [...CONSENT_NAME_FIELDS],
    ],
    ['a served recipient, no names', { id: LEGAL, type: 'NGO' }, liveFor(LEGAL, ['SERVICE']), []],
    [
      'police served for INVESTIGATION',
      { id: POLICE, type: 'LAW_ENFORCEMENT' },
      liveFor(POLICE, ['INVESTIGATION']),
      [],
    ],
    [
      'police named for SERVICE only: not served',
      { id: POLICE, type: 'LAW_ENFORCEMENT' },
      liveFor(POLICE, ['SERVICE']),
      null,
    ],
    [
      'the federal office: not served',
      { id: 'fed', type: 'FEDERAL_PARTNER' },
      liveFor('fed', ['SERVICE']),
      null,
    ],
  ] as const)('consent: %s', (_name, agency, liveGrants, expected) => {
    const record = {
      id: 'c1',
      ownerAgencyId: NGO,
      minor: false,
      liveGrants: liveGrants.map((g) => ({ ...g, purposes: [...g.purposes] })),
    };
    expect(visibleConsentFields(agency, record)).toEqual(expected);
  });
});
