import { defineAbilityFor, PolicyRecords } from '@hub/access';
import type { Actor } from '@hub/authz';
import { ConsentStatus } from '../shared/enums';
import { ConsentAction, consentActions, revocable } from './consent-actions';

const NGO = 'agency-ngo';
const LEGAL = 'agency-legal';
const POLICE = 'agency-police';

const actor = (agencyId: string, agencyType: string, roles: string[]): Actor => ({
  userId: `user-${agencyId}-${roles.join('-')}`,
  agencyId,
  agencyType,
  roles,
  taskForceIds: [],
});
const ngoCaseworker = actor(NGO, 'NGO', ['caseworker']);
const ngoAdmin = actor(NGO, 'NGO', ['agency_admin']);
const legalCaseworker = actor(LEGAL, 'NGO', ['caseworker']);
const investigator = actor(POLICE, 'LAW_ENFORCEMENT', ['investigator']);
const auditor = actor('agency-tf', 'COORDINATOR', ['auditor']);

type Consent = PolicyRecords['Consent'];
const consent = (over: Partial<Consent> = {}): Consent => ({
  id: 'c1',
  ownerAgencyId: NGO,
  minor: false,
  liveGrants: [],
  ...over,
});
const servedBy = (agencyId: string, purposes: string[]) => [{ agencyId, purposes }];
const { ACTIVE, PENDING, EXPIRED, REVOKED } = ConsentStatus;
const { REVOKE } = ConsentAction;

describe('revocable: every status but REVOKED', () => {
  it.each([
    [ACTIVE, true],
    [PENDING, true],
    [EXPIRED, true],
    [REVOKED, false],
  ] as const)('%s → %s', (status, expected) => {
    expect(revocable(status)).toBe(expected);
  });
});

describe('Consent.availableActions: revocation where revokeConsent would take it', () => {
  it.each([
    ['the owner’s caseworker, in force', ngoCaseworker, consent(), ACTIVE, [REVOKE]],
    ['the owner’s caseworker, still to start', ngoCaseworker, consent(), PENDING, [REVOKE]],
    [
      'the owner’s caseworker, ended: revoke (it grants nothing, but its revocation is the survivor’s “no” break-glass honours)',
      ngoCaseworker,
      consent(),
      EXPIRED,
      [REVOKE],
    ],
    [
      'a former recipient of an ended consent (no live grant any more): nothing',
      legalCaseworker,
      consent(),
      EXPIRED,
      [],
    ],
    ['the owner’s caseworker, revoked already: nothing', ngoCaseworker, consent(), REVOKED, []],
    ['the owner’s admin with no case role: nothing', ngoAdmin, consent(), ACTIVE, []],
    [
      'a recipient the consent serves now: the survivor may revoke through it',
      legalCaseworker,
      consent({ liveGrants: servedBy(LEGAL, ['SERVICE']) }),
      ACTIVE,
      [REVOKE],
    ],
    [
      'a recipient whose grant is for another purpose: nothing',
      legalCaseworker,
      consent({ liveGrants: servedBy(LEGAL, ['INVESTIGATION']) }),
      ACTIVE,
      [],
    ],
    ['another agency it does not serve: nothing', legalCaseworker, consent(), ACTIVE, []],
    [
      'police served by a consent of an adult: revoke',
      investigator,
      consent({ liveGrants: servedBy(POLICE, ['INVESTIGATION']) }),
      ACTIVE,
      [REVOKE],
    ],
    [
      'police and a minor’s consent: nothing (the record does not exist for them)',
      investigator,
      consent({ minor: true, liveGrants: servedBy(POLICE, ['INVESTIGATION']) }),
      ACTIVE,
      [],
    ],
    ['an auditor: nothing', auditor, consent({ liveGrants: servedBy('agency-tf', ['SERVICE']) }), ACTIVE, []],
  ] as const)('%s', (_name, who, record, status, expected) => {
    expect(consentActions(defineAbilityFor(who), record, status)).toEqual(expected);
  });
});
