import { defineAbilityFor, PolicyRecords } from '@hub/access';
import type { Actor } from '@hub/authz';
import { BreakGlassSessionAction, breakGlassSessionActions } from '../break-glass/break-glass-actions';
import { SurvivorAction, survivorActions } from './survivor-actions';

const NGO = 'agency-ngo';
const LEGAL = 'agency-legal';
const POLICE = 'agency-police';

const actor = (userId: string, agencyId: string, agencyType: string, roles: string[]): Actor => ({
  userId,
  agencyId,
  agencyType,
  roles,
  taskForceIds: [],
});
const ngoLead = actor('ngo-lead', NGO, 'NGO', ['supervisor', 'agency_admin']);
const ngoCaseworker = actor('ngo-cw', NGO, 'NGO', ['caseworker']);
const ngoAdmin = actor('ngo-admin', NGO, 'NGO', ['agency_admin']);
const legalLead = actor('legal-lead', LEGAL, 'NGO', ['supervisor', 'agency_admin']);
const legalCaseworker = actor('legal-cw', LEGAL, 'NGO', ['caseworker']);
const pdSupervisor = actor('pd-sup', POLICE, 'LAW_ENFORCEMENT', ['supervisor', 'agency_admin']);
const pdInvestigator = actor('pd-inv', POLICE, 'LAW_ENFORCEMENT', ['investigator']);
const auditor = actor('auditor', 'agency-tf', 'COORDINATOR', ['auditor']);

type Survivor = PolicyRecords['Survivor'];
type Grant = Survivor['liveGrants'][number];
const survivor = (over: Partial<Survivor> = {}): Survivor => ({
  id: 's1',
  ownerAgencyId: NGO,
  minor: false,
  liveGrants: [],
  referralPartyAgencyIds: [NGO, LEGAL],
  revokedForAgencyIds: [],
  ...over,
});
const consent = (agencyId: string, classes: string[]): Grant => ({
  agencyId,
  purposes: ['SERVICE'],
  classes,
  basis: 'CONSENT',
  userId: null,
});
const { UPDATE, RECORD_CONSENT, REPORT_CHILD_SAFETY, OPEN_BREAK_GLASS } = SurvivorAction;

describe('Survivor.availableActions: what the policy lets the caller do about a record', () => {
  it.each([
    [
      'the owner’s supervisor, a minor’s record: edit, consent and a child-safety report',
      ngoLead,
      survivor({ minor: true }),
      [UPDATE, RECORD_CONSENT, REPORT_CHILD_SAFETY],
    ],
    [
      'the owner’s supervisor, an adult’s record: edit and consent (reports are for minors)',
      ngoLead,
      survivor(),
      [UPDATE, RECORD_CONSENT],
    ],
    [
      'the owner’s caseworker, a minor’s record: edit and consent, no report',
      ngoCaseworker,
      survivor({ minor: true }),
      [UPDATE, RECORD_CONSENT],
    ],
    [
      'the owner’s caseworker, with grants to others live: edit and consent',
      ngoCaseworker,
      survivor({ liveGrants: [consent(LEGAL, ['IDENTITY', 'CONTACT'])] }),
      [UPDATE, RECORD_CONSENT],
    ],
    [
      'an investigator of the owning police department: edit and consent on its own record',
      pdInvestigator,
      survivor({ ownerAgencyId: POLICE, referralPartyAgencyIds: [] }),
      [UPDATE, RECORD_CONSENT],
    ],
    ['the owner’s admin who is no supervisor: nothing', ngoAdmin, survivor({ minor: true }), []],
    [
      'a caseworker reading the record through a live grant: neither edit nor consent',
      legalCaseworker,
      survivor({ liveGrants: [consent(LEGAL, ['IDENTITY', 'CONTACT', 'NEEDS'])] }),
      [],
    ],
    [
      'another agency’s supervisor, a minor’s record: no report',
      legalLead,
      survivor({ minor: true, referralPartyAgencyIds: [] }),
      [],
    ],
    [
      'a party supervisor who sees only needs: break-glass',
      legalLead,
      survivor({ liveGrants: [consent(LEGAL, ['NEEDS'])] }),
      [OPEN_BREAK_GLASS],
    ],
    [
      'a party supervisor who sees nothing (consent ended): break-glass',
      legalLead,
      survivor(),
      [OPEN_BREAK_GLASS],
    ],
    [
      'a party supervisor who sees contact only: break-glass (identity is not shared)',
      legalLead,
      survivor({ liveGrants: [consent(LEGAL, ['CONTACT'])] }),
      [OPEN_BREAK_GLASS],
    ],
    [
      'a party supervisor whose consent grants identity and contact: nothing to open',
      legalLead,
      survivor({ liveGrants: [consent(LEGAL, ['IDENTITY', 'CONTACT'])] }),
      [],
    ],
    [
      'a party supervisor with a session of their own open: nothing more to open',
      legalLead,
      survivor({
        liveGrants: [
          { ...consent(LEGAL, ['IDENTITY', 'CONTACT']), basis: 'BREAK_GLASS', userId: 'legal-lead' },
        ],
      }),
      [],
    ],
    [
      'a party supervisor the survivor’s revocation names: nothing',
      legalLead,
      survivor({ revokedForAgencyIds: [LEGAL] }),
      [],
    ],
    [
      'a supervisor of an agency with no referral about it: nothing',
      legalLead,
      survivor({ referralPartyAgencyIds: [NGO] }),
      [],
    ],
    ['a party caseworker: nothing', legalCaseworker, survivor(), []],
    [
      'law enforcement, party: never break-glass',
      pdSupervisor,
      survivor({ referralPartyAgencyIds: [NGO, POLICE] }),
      [],
    ],
    [
      'the owner’s supervisor, party to a referral: edit and consent, nothing to open on their own record',
      ngoLead,
      survivor(),
      [UPDATE, RECORD_CONSENT],
    ],
    ['an auditor: nothing', auditor, survivor({ minor: true }), []],
  ] as const)('%s', (_name, who, record, expected) => {
    expect(survivorActions(defineAbilityFor(who), record)).toEqual(expected);
  });
});

describe('BreakGlassSession.availableActions: end while open, review once', () => {
  const NOW = new Date('2026-03-01T12:00:00.000Z');
  const LATER = new Date('2026-03-01T13:00:00.000Z');
  const session = (over: Partial<Parameters<typeof breakGlassSessionActions>[1]> = {}) => ({
    ownerAgencyId: NGO,
    agencyId: LEGAL,
    openedBy: 'legal-lead',
    endedAt: null,
    expiresAt: LATER,
    reviewedAt: null,
    ...over,
  });
  const { END, REVIEW } = BreakGlassSessionAction;

  it.each([
    ['the owner’s supervisor, open and unreviewed: end and review', ngoLead, session(), [END, REVIEW]],
    ['the owner’s admin: end and review', ngoAdmin, session(), [END, REVIEW]],
    ['the owner’s caseworker: nothing', ngoCaseworker, session(), []],
    ['the opener: end only (never reviews their own use)', legalLead, session(), [END]],
    ['the owner’s supervisor, expired: review only', ngoLead, session({ expiresAt: NOW }), [REVIEW]],
    ['the owner’s supervisor, ended early: review only', ngoLead, session({ endedAt: NOW }), [REVIEW]],
    ['the owner’s supervisor, reviewed and open: end only', ngoLead, session({ reviewedAt: NOW }), [END]],
    [
      'the owner’s supervisor, reviewed and ended: nothing',
      ngoLead,
      session({ endedAt: NOW, reviewedAt: NOW }),
      [],
    ],
    ['an auditor reads it but acts on nothing', auditor, session(), []],
    ['law enforcement: nothing', pdSupervisor, session(), []],
  ] as const)('%s', (_name, who, record, expected) => {
    expect(breakGlassSessionActions(defineAbilityFor(who), record, NOW)).toEqual(expected);
  });
});
