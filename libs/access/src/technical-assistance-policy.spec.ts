import { Actor } from '@hub/authz';
import { policyActor } from './testing/policy-test-actor';
import { defineAbilityFor } from './policy';
import { Action, PolicyRecords, subject } from './subjects';

const TF = 'tf-bay-county';
const OTHER_TF = 'tf-other-county';
const NGO = 'agency-harbor-light';
const LEGAL = 'agency-safe-passage';
const POLICE = 'agency-police';
const TA_CENTER = 'agency-regional-ta';
const FEDERAL = 'agency-federal';
const OFFICE = 'agency-tf-office';
const OTHER_OFFICE = 'agency-other-office';

const actor = (agencyId: string, agencyType: string, roles: string[], taskForceIds = [TF]): Actor =>
  policyActor(agencyId, agencyType, roles, { taskForceIds });
const ngoLead = actor(NGO, 'NGO', ['supervisor', 'agency_admin']);
const ngoAdminOnly = actor(NGO, 'NGO', ['agency_admin']);
const ngoCaseworker = actor(NGO, 'NGO', ['caseworker']);
const legalLead = actor(LEGAL, 'NGO', ['supervisor', 'agency_admin']);
const investigator = actor(POLICE, 'LAW_ENFORCEMENT', ['investigator']);
const provider = actor(TA_CENTER, 'TA_PROVIDER', ['ta_provider']);
const providerAdmin = actor(TA_CENTER, 'TA_PROVIDER', ['agency_admin']);
const federal = actor(FEDERAL, 'FEDERAL_PARTNER', ['federal_partner']);
const coordinator = actor(OFFICE, 'COORDINATOR', ['coordinator', 'agency_admin']);
const auditor = actor(OFFICE, 'COORDINATOR', ['auditor']);
const otherCoordinator = actor(OTHER_OFFICE, 'COORDINATOR', ['coordinator'], [OTHER_TF]);
const outsiderLead = actor('agency-outside', 'NGO', ['supervisor'], []);
const noAgency: Actor = {
  userId: 'user-x',
  agencyId: null,
  agencyType: null,
  roles: ['supervisor', 'coordinator'],
  taskForceIds: [TF],
};
const anonymous: Actor = { userId: null, agencyId: null, agencyType: null, roles: [], taskForceIds: [] };

type Ta = PolicyRecords['TechnicalAssistanceRequest'];
const request = (over: Partial<Ta> = {}): Ta => ({
  id: 'ta-1',
  taskForceId: TF,
  requestingAgencyId: NGO,
  assignedAgencyId: null,
  ...over,
});
const assigned = request({ assignedAgencyId: TA_CENTER });
const toFederal = request({ assignedAgencyId: FEDERAL });
const otherTf = request({ taskForceId: OTHER_TF, requestingAgencyId: LEGAL });

type Case = [string, Actor, Action, Ta, boolean];

const table: Case[] = [
  // create: supervisor or agency admin of a member agency, for its own agency, in its task force
  ['ngo lead asks its task force', ngoLead, 'create', request(), true],
  ['an agency admin alone may ask', ngoAdminOnly, 'create', request(), true],
  ['a caseworker may not ask', ngoCaseworker, 'create', request(), false],
  ['an investigator may not ask', investigator, 'create', request({ requestingAgencyId: POLICE }), false],
  ['a TA provider may not ask', provider, 'create', request({ requestingAgencyId: TA_CENTER }), false],
  [
    'a lead may not ask in another agency’s name',
    ngoLead,
    'create',
    request({ requestingAgencyId: LEGAL }),
    false,
  ],
  [
    'a lead may not ask a task force the agency is not in',
    ngoLead,
    'create',
    request({ taskForceId: OTHER_TF }),
    false,
  ],
  [
    'a lead of an agency in no task force may not ask',
    outsiderLead,
    'create',
    request({ requestingAgencyId: 'agency-outside' }),
    false,
  ],
  ['no agency, no request', noAgency, 'create', request(), false],
  ['anonymous may not ask', anonymous, 'create', request(), false],

  // read: the parties only
  ['the requesting agency reads (lead)', ngoLead, 'read', request(), true],
  ['the requesting agency reads (caseworker)', ngoCaseworker, 'read', request(), true],
  ['the task force’s coordinator reads', coordinator, 'read', request(), true],
  ['another task force’s coordinator does not', otherCoordinator, 'read', request(), false],
  ['the coordinator does not read another task force’s', coordinator, 'read', otherTf, false],
  ['an auditor in the coordinating office does not', auditor, 'read', request(), false],
  ['the provider does not read before assignment', provider, 'read', request(), false],
  ['the assigned provider reads', provider, 'read', assigned, true],
  ['any member of the assigned agency reads', providerAdmin, 'read', assigned, true],
  ['a provider not assigned does not read', federal, 'read', assigned, false],
  ['police never read another agency’s request', investigator, 'read', assigned, false],
  ['another NGO never reads', legalLead, 'read', assigned, false],
  ['anonymous never reads', anonymous, 'read', request(), false],

  // triage, assign, decline: the coordinator of the task force
  ['the coordinator triages', coordinator, 'triage', request(), true],
  ['the coordinator assigns', coordinator, 'assign', request(), true],
  ['the coordinator declines', coordinator, 'decline', request(), true],
  ['another task force’s coordinator may not triage', otherCoordinator, 'triage', request(), false],
  ['the requester may not triage its own request', ngoLead, 'triage', request(), false],
  ['the requester may not assign', ngoLead, 'assign', request(), false],
  ['the requester may not decline', ngoLead, 'decline', request(), false],
  ['the provider may not assign', provider, 'assign', assigned, false],
  ['the coordinator’s auditor may not triage', auditor, 'triage', request(), false],

  // start, record sessions, deliver: ta_provider / federal_partner of the assigned agency
  ['the assigned TA provider starts', provider, 'start', assigned, true],
  ['the assigned TA provider records a session', provider, 'recordSession', assigned, true],
  ['the assigned TA provider delivers', provider, 'deliver', assigned, true],
  ['an assigned federal partner delivers', federal, 'deliver', toFederal, true],
  ['a federal partner not assigned may not start', federal, 'start', assigned, false],
  [
    'an admin of the assigned agency without the provider role may not start',
    providerAdmin,
    'start',
    assigned,
    false,
  ],
  ['a provider may not start an unassigned request', provider, 'start', request(), false],
  ['the coordinator may not deliver', coordinator, 'deliver', assigned, false],
  ['the requester may not record sessions', ngoLead, 'recordSession', assigned, false],

  // close, withdraw: supervisor or agency admin of the requesting agency
  ['the requester’s lead closes', ngoLead, 'close', assigned, true],
  ['the requester’s admin withdraws', ngoAdminOnly, 'withdraw', assigned, true],
  ['the requester’s caseworker may not close', ngoCaseworker, 'close', assigned, false],
  ['the requester’s caseworker may not withdraw', ngoCaseworker, 'withdraw', request(), false],
  ['the provider may not close (rate itself)', provider, 'close', assigned, false],
  ['the coordinator may not close', coordinator, 'close', assigned, false],
  ['the coordinator may not withdraw', coordinator, 'withdraw', request(), false],
  ['another agency’s lead may not withdraw', legalLead, 'withdraw', request(), false],

  // the thread: every party, nobody else
  ['the requester’s caseworker writes in the thread', ngoCaseworker, 'message', request(), true],
  ['the coordinator writes in the thread', coordinator, 'message', request(), true],
  ['the assigned provider writes in the thread', provider, 'message', assigned, true],
  ['an unassigned provider may not', provider, 'message', request(), false],
  ['police may not', investigator, 'message', request(), false],
  ['another task force’s coordinator may not', otherCoordinator, 'message', request(), false],

  // nothing else
  ['nobody updates a request directly', coordinator, 'update', request(), false],
  ['nobody deletes a request', ngoLead, 'delete', request(), false],
];

describe('technical-assistance policy', () => {
  it.each(table)('%s', (_name, who, action, record, allowed) => {
    expect(defineAbilityFor(who).can(action, subject('TechnicalAssistanceRequest', record))).toBe(allowed);
  });
});
