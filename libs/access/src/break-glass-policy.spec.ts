import { Actor } from '@hub/authz';
import { policyActor } from './testing/policy-test-actor';
import { defineAbilityFor, REVOKED_BY_SURVIVOR } from './policy';
import { Action, LiveGrantRecord, PolicyRecords, subject } from './subjects';

const NGO = 'agency-ngo';
const LEGAL = 'agency-legal';
const POLICE = 'agency-police';

const actor = (userId: string, agencyId: string, agencyType: string, roles: string[]): Actor =>
  policyActor(agencyId, agencyType, roles, { userId });
const legalLead = actor('legal-lead', LEGAL, 'NGO', ['supervisor', 'agency_admin']);
const legalSupervisor = actor('legal-sup', LEGAL, 'NGO', ['supervisor']);
const legalCaseworker = actor('legal-cw', LEGAL, 'NGO', ['caseworker']);
const legalAdmin = actor('legal-admin', LEGAL, 'NGO', ['agency_admin']);
const ngoLead = actor('ngo-lead', NGO, 'NGO', ['supervisor', 'agency_admin']);
const ngoSupervisor = actor('ngo-sup', NGO, 'NGO', ['supervisor']);
const ngoAdmin = actor('ngo-admin', NGO, 'NGO', ['agency_admin']);
const ngoCaseworker = actor('ngo-cw', NGO, 'NGO', ['caseworker']);
const policeSupervisor = actor('pd-sup', POLICE, 'LAW_ENFORCEMENT', ['supervisor', 'agency_admin']);

type Survivor = PolicyRecords['Survivor'];
const survivor = (over: Partial<Survivor> = {}): Survivor => ({
  id: 's1',
  ownerAgencyId: NGO,
  minor: false,
  liveGrants: [],
  referralPartyAgencyIds: [NGO, LEGAL],
  revokedForAgencyIds: [],
  ...over,
});
const breakGlassGrant = (userId: string, agencyId = LEGAL): LiveGrantRecord => ({
  agencyId,
  purposes: ['SERVICE'],
  classes: ['IDENTITY', 'CONTACT'],
  basis: 'BREAK_GLASS',
  userId,
});

describe('break-glass policy: opening', () => {
  it.each([
    ['a party supervisor opens', legalLead, survivor(), true],
    ['a party supervisor opens a minor’s record', legalLead, survivor({ minor: true }), true],
    ['not party to a referral: refused', legalLead, survivor({ referralPartyAgencyIds: [NGO] }), false],
    ['a revocation naming the agency: refused', legalLead, survivor({ revokedForAgencyIds: [LEGAL] }), false],
    [
      'a revocation naming only another agency: opens',
      legalLead,
      survivor({ revokedForAgencyIds: [POLICE] }),
      true,
    ],
    ['no party list at all: refused', legalLead, survivor({ referralPartyAgencyIds: undefined }), false],
    ['a caseworker: refused', legalCaseworker, survivor(), false],
    ['an agency admin who is no supervisor: refused', legalAdmin, survivor(), false],
    [
      'law enforcement, even party: refused',
      policeSupervisor,
      survivor({ referralPartyAgencyIds: [NGO, POLICE] }),
      false,
    ],
  ] as const)('%s', (_name, who, record, allowed) => {
    expect(defineAbilityFor(who).can('openBreakGlass', subject('Survivor', record))).toBe(allowed);
  });

  it('a refusal because of the revocation carries the stable reason; other refusals none', () => {
    const revoked = subject('Survivor', survivor({ revokedForAgencyIds: [LEGAL] }));
    expect(defineAbilityFor(legalLead).relevantRuleFor('openBreakGlass', revoked)).toMatchObject({
      inverted: true,
      reason: REVOKED_BY_SURVIVOR,
    });
    const notParty = subject('Survivor', survivor({ referralPartyAgencyIds: [] }));
    expect(defineAbilityFor(legalLead).relevantRuleFor('openBreakGlass', notParty)?.reason).toBeUndefined();
  });
});

describe('break-glass policy: a grant serves the user who opened it, not the agency', () => {
  const opened = survivor({ liveGrants: [breakGlassGrant('legal-lead')] });
  it.each([
    ['the opener reads identity', legalLead, opened, 'givenName', true],
    ['the opener reads contact', legalLead, opened, 'phone', true],
    ['the opener does not read health', legalLead, opened, 'medicalNotes', false],
    ['a colleague caseworker sees nothing', legalCaseworker, opened, undefined, false],
    ['a colleague supervisor sees nothing', legalSupervisor, opened, undefined, false],
    [
      'a break-glass grant to another user of the agency does not serve the caller',
      legalLead,
      survivor({ liveGrants: [breakGlassGrant('legal-sup')] }),
      'givenName',
      false,
    ],
    [
      'law enforcement never reads through break-glass',
      policeSupervisor,
      survivor({ liveGrants: [breakGlassGrant('pd-sup', POLICE)] }),
      undefined,
      false,
    ],
    [
      'a consent grant still serves the whole agency',
      legalCaseworker,
      survivor({
        liveGrants: [
          { agencyId: LEGAL, purposes: ['SERVICE'], classes: ['IDENTITY'], basis: 'CONSENT', userId: null },
        ],
      }),
      'givenName',
      true,
    ],
  ] as const)('%s', (_name, who, record, field, allowed) => {
    expect(defineAbilityFor(who).can('read', subject('Survivor', record), field)).toBe(allowed);
  });
});

describe('break-glass policy: ending and reviewing a session', () => {
  const session = subject('BreakGlass', { ownerAgencyId: NGO, agencyId: LEGAL, openedBy: 'legal-lead' });
  type Case = [string, Actor, Action, boolean];
  it.each<Case>([
    ['the owner’s supervisor ends', ngoSupervisor, 'end', true],
    ['the owner’s agency admin ends', ngoAdmin, 'end', true],
    ['the owner’s caseworker does not end', ngoCaseworker, 'end', false],
    ['the opener ends their own', legalLead, 'end', true],
    ['another supervisor of the opener’s agency does not end', legalSupervisor, 'end', false],
    ['the opener’s agency admin does not end', legalAdmin, 'end', false],
    ['law enforcement does not end', policeSupervisor, 'end', false],
    ['the owner’s supervisor reviews', ngoSupervisor, 'review', true],
    ['the owner’s agency admin reviews', ngoAdmin, 'review', true],
    ['the owner’s lead reviews', ngoLead, 'review', true],
    ['the owner’s caseworker does not review', ngoCaseworker, 'review', false],
    ['the opener does not review their own use', legalLead, 'review', false],
    ['the opener’s agency admin does not review', legalAdmin, 'review', false],
    ['the owner’s supervisor reads', ngoSupervisor, 'read', true],
    ['the opener reads', legalLead, 'read', true],
    ['the opener’s agency admin reads', legalAdmin, 'read', true],
    ['the owner’s caseworker does not read', ngoCaseworker, 'read', false],
    ['law enforcement does not read', policeSupervisor, 'read', false],
  ])('%s', (_name, who, action, allowed) => {
    expect(defineAbilityFor(who).can(action, session)).toBe(allowed);
  });

  it('the owner’s lead who opened a use on their own record does not review it', () => {
    const own = subject('BreakGlass', { ownerAgencyId: NGO, agencyId: NGO, openedBy: 'ngo-lead' });
    expect(defineAbilityFor(ngoLead).can('review', own)).toBe(false);
    expect(defineAbilityFor(ngoSupervisor).can('review', own)).toBe(true);
  });
});
