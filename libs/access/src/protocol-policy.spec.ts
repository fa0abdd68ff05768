import { Actor } from '@hub/authz';
import { policyActor } from './testing/policy-test-actor';
import { defineAbilityFor } from './policy';
import { Action, PolicyRecords, subject, SubjectName } from './subjects';

/** Protocols under the one policy: role × action × record → allowed, the cannot cases included. */

const TF = 'tf-bay';
const OTHER_TF = 'tf-other';
const COORDINATION = 'agency-tf';
const NGO = 'agency-ngo';
const POLICE = 'agency-police';
const TA = 'agency-ta';
const FED = 'agency-fed';
const OUTSIDER = 'agency-outside';

const actor = (agencyId: string, agencyType: string, roles: string[], taskForceIds = [TF]): Actor =>
  policyActor(agencyId, agencyType, roles, { taskForceIds });

const coordinator = actor(COORDINATION, 'COORDINATOR', ['coordinator', 'agency_admin']);
const auditor = actor(COORDINATION, 'COORDINATOR', ['auditor']);
const ngoLead = actor(NGO, 'NGO', ['supervisor', 'agency_admin']);
const ngoCaseworker = actor(NGO, 'NGO', ['caseworker']);
const ngoAdminOnly = actor(NGO, 'NGO', ['agency_admin']);
const pdSupervisor = actor(POLICE, 'LAW_ENFORCEMENT', ['supervisor', 'agency_admin']);
const pdInvestigator = actor(POLICE, 'LAW_ENFORCEMENT', ['investigator']);
const taProvider = actor(TA, 'TA_PROVIDER', ['ta_provider']);
const fedLiaison = actor(FED, 'FEDERAL_PARTNER', ['federal_partner']);
/** A coordinator whose agency is not a member of the task force. */
const outsideCoordinator = actor(OUTSIDER, 'COORDINATOR', ['coordinator', 'agency_admin'], [OTHER_TF]);
/** A supervisor of an NGO that belongs to no task force at all. */
const unaffiliated = actor(OUTSIDER, 'NGO', ['supervisor', 'agency_admin'], []);
const anonymous: Actor = { userId: null, agencyId: null, agencyType: null, roles: [], taskForceIds: [] };

const protocol = (over: Partial<PolicyRecords['Protocol']> = {}) =>
  subject('Protocol', { taskForceId: TF, audience: ['NGO', 'LAW_ENFORCEMENT'], published: true, ...over });
const draftProtocol = protocol({ published: false });
const version = (over: Partial<PolicyRecords['ProtocolVersion']> = {}) =>
  subject('ProtocolVersion', {
    taskForceId: TF,
    audience: ['NGO', 'LAW_ENFORCEMENT'],
    published: true,
    ...over,
  });
const draftVersion = version({ published: false });
const ack = (agencyId: string, over: Partial<PolicyRecords['ProtocolAcknowledgement']> = {}) =>
  subject('ProtocolAcknowledgement', {
    taskForceId: TF,
    audience: ['NGO', 'LAW_ENFORCEMENT'],
    agencyId,
    ...over,
  });

type Record = ReturnType<typeof protocol> | ReturnType<typeof version> | ReturnType<typeof ack>;
type Case = [string, Actor, Action, Record, boolean];

const MANAGE: Action[] = ['create', 'update', 'publish', 'archive'];

const table: Case[] = [
  // The coordinator of the task force runs its protocols.
  ...MANAGE.map((action): Case => [`coordinator may ${action}`, coordinator, action, draftProtocol, true]),
  ['coordinator reads a draft-only protocol', coordinator, 'read', draftProtocol, true],
  ['coordinator reads a draft version', coordinator, 'read', draftVersion, true],
  [
    'coordinator reads a protocol whose audience excludes them',
    coordinator,
    'read',
    protocol({ audience: ['NGO'] }),
    true,
  ],
  ["coordinator reads every agency's acknowledgement", coordinator, 'read', ack(NGO), true],
  [
    'coordinator (agency admin) acknowledges for their agency when it is in the audience',
    coordinator,
    'create',
    ack(COORDINATION, { audience: ['COORDINATOR'] }),
    true,
  ],
  [
    'coordinator cannot acknowledge when their agency is not in the audience',
    coordinator,
    'create',
    ack(COORDINATION),
    false,
  ],
  ['coordinator cannot acknowledge for another agency', coordinator, 'create', ack(NGO), false],

  // Coordinators of another task force see and do nothing here.
  ...MANAGE.map(
    (action): Case => [
      `outside coordinator may not ${action}`,
      outsideCoordinator,
      action,
      draftProtocol,
      false,
    ],
  ),
  ['outside coordinator cannot read a published protocol', outsideCoordinator, 'read', protocol(), false],
  ['outside coordinator cannot read a draft', outsideCoordinator, 'read', draftVersion, false],
  ['outside coordinator cannot read acknowledgements', outsideCoordinator, 'read', ack(NGO), false],
  [
    'outside coordinator manages their own task force',
    outsideCoordinator,
    'publish',
    protocol({ taskForceId: OTHER_TF }),
    true,
  ],

  // Member agencies in the audience read what was published, nothing else, and change nothing.
  ['NGO lead reads a published protocol', ngoLead, 'read', protocol(), true],
  ['NGO lead reads a superseded version', ngoLead, 'read', version(), true],
  ['NGO lead cannot read a draft-only protocol', ngoLead, 'read', draftProtocol, false],
  ['NGO lead cannot read a draft version', ngoLead, 'read', draftVersion, false],
  ...MANAGE.map((action): Case => [`NGO lead may not ${action}`, ngoLead, action, protocol(), false]),
  ['NGO lead acknowledges for their agency', ngoLead, 'create', ack(NGO), true],
  ['NGO lead cannot acknowledge for another agency', ngoLead, 'create', ack(POLICE), false],
  [
    'NGO lead cannot acknowledge a version whose audience excludes NGOs',
    ngoLead,
    'create',
    ack(NGO, { audience: ['LAW_ENFORCEMENT'] }),
    false,
  ],
  [
    'NGO lead cannot acknowledge in a task force their agency is not in',
    ngoLead,
    'create',
    ack(NGO, { taskForceId: OTHER_TF }),
    false,
  ],
  ["NGO lead reads their own agency's acknowledgement", ngoLead, 'read', ack(NGO), true],
  ["NGO lead cannot read another agency's acknowledgement", ngoLead, 'read', ack(POLICE), false],
  ['an agency admin alone acknowledges', ngoAdminOnly, 'create', ack(NGO), true],
  ['NGO caseworker reads a published protocol', ngoCaseworker, 'read', protocol(), true],
  ['NGO caseworker cannot acknowledge', ngoCaseworker, 'create', ack(NGO), false],
  ['NGO caseworker cannot publish', ngoCaseworker, 'publish', protocol(), false],
  [
    'NGO lead cannot read a protocol whose audience excludes NGOs',
    ngoLead,
    'read',
    protocol({ audience: ['LAW_ENFORCEMENT'] }),
    false,
  ],
  [
    'NGO lead cannot read a version whose audience excludes NGOs',
    ngoLead,
    'read',
    version({ audience: ['LAW_ENFORCEMENT'] }),
    false,
  ],
  ['police supervisor reads', pdSupervisor, 'read', protocol(), true],
  ['police supervisor acknowledges for the police', pdSupervisor, 'create', ack(POLICE), true],
  ['police supervisor cannot archive', pdSupervisor, 'archive', protocol(), false],
  ['police investigator reads', pdInvestigator, 'read', protocol(), true],
  ['police investigator cannot acknowledge', pdInvestigator, 'create', ack(POLICE), false],

  // Members outside the audience see nothing of it.
  ['TA provider (observer) outside the audience reads nothing', taProvider, 'read', protocol(), false],
  ['TA provider in the audience reads', taProvider, 'read', protocol({ audience: ['TA_PROVIDER'] }), true],
  [
    'TA provider in the audience cannot acknowledge (no supervisor or admin role)',
    taProvider,
    'create',
    ack(TA, { audience: ['TA_PROVIDER'] }),
    false,
  ],
  ['federal liaison outside the audience reads nothing', fedLiaison, 'read', protocol(), false],
  [
    'federal liaison in the audience reads',
    fedLiaison,
    'read',
    version({ audience: ['FEDERAL_PARTNER'] }),
    true,
  ],
  ['federal liaison cannot create', fedLiaison, 'create', draftProtocol, false],
  ['auditor of the coordinating agency cannot create', auditor, 'create', draftProtocol, false],
  ['auditor cannot read drafts', auditor, 'read', draftVersion, false],
  [
    'auditor reads a published protocol addressed to coordinators',
    auditor,
    'read',
    protocol({ audience: ['COORDINATOR'] }),
    true,
  ],

  // Nobody outside the task force sees anything.
  ['an agency in no task force reads nothing', unaffiliated, 'read', protocol({ audience: ['NGO'] }), false],
  ['an agency in no task force acknowledges nothing', unaffiliated, 'create', ack(OUTSIDER), false],
  ['anonymous reads nothing', anonymous, 'read', protocol(), false],
  ['anonymous creates nothing', anonymous, 'create', draftProtocol, false],
];

describe('protocol policy', () => {
  it.each(table)('%s', (_name, who, action, record, allowed) => {
    expect(defineAbilityFor(who).can(action, record)).toBe(allowed);
  });

  it('gives no one anything on protocols without a record (no unconditional rule)', () => {
    const subjects: SubjectName[] = ['Protocol', 'ProtocolVersion', 'ProtocolAcknowledgement'];
    for (const who of [coordinator, ngoLead, taProvider, fedLiaison, outsideCoordinator]) {
      const ability = defineAbilityFor(who);
      for (const name of subjects) {
        for (const rule of ability.rulesFor('read', name)) expect(rule.conditions).toBeDefined();
      }
    }
  });
});
