import { GraphQLSchemaHost } from '@nestjs/graphql';
import { randomUUID } from 'node:crypto';
import { DEMO_AGENCY_IDS, DEMO_TASK_FORCE } from '@hub/demo-data';
import { demoUser, type TestHub } from '@hub/testing';
import {
  auditOfRequest,
  AuditRow,
  auditWhere,
  freshToken,
  newRequestId,
  referredSurvivor,
  send,
} from './audit-support';
import { startHub } from './hub';
import { ME, person, Person, REINSTATE_USER, SUSPEND_USER, tokenOf } from './platform-support';
import {
  ACKNOWLEDGE,
  ARCHIVE,
  COORDINATOR,
  CREATE as CREATE_PROTOCOL,
  createProtocol,
  protocolInput,
  PUBLISH,
  publishedProtocol,
  UPDATE as UPDATE_PROTOCOL,
} from './protocols-support';
import {
  ADD_MESSAGE,
  auditAction,
  CREATE_CHILD_SAFETY,
  CREATE_REFERRAL,
  deidentified,
  extraInput,
  POLICE,
  REFERRAL_BY_ID,
  referralAt,
  Transition,
  transitionMutation,
} from './referrals-lifecycle-support';
import {
  consentInput,
  createSurvivor,
  CREATE_SURVIVOR,
  HARBOR,
  ok,
  personalData,
  RECORD_CONSENT,
  recordConsent,
  REVOKE_CONSENT,
  SAFE_PASSAGE,
  SURVIVOR_BY_ID,
  SURVIVORS,
  tag,
  UPDATE_SURVIVOR,
} from './survivor-support';

/**
 * Issue 7, coverage: every mutation of the schema, performed successfully, leaves an ALLOWED audit
 * event with the right action, actor, agency, subject and request id — table-driven over the
 * schema's Mutation type, so an operation added without an entry (and without audit) fails here.
 * Every read that discloses personal fields, every read of the audit trail and every sign-in is
 * audited too.
 */

const TASK_FORCE = DEMO_TASK_FORCE.id;
const REGIONAL_TA = DEMO_AGENCY_IDS.regionalTa;
const OFFICE = DEMO_AGENCY_IDS.taskForceOffice;

type Data = Record<string, unknown>;

/** What an audit row must say (besides actor, agency, decision ALLOWED and request id, checked for every row). */
interface Expected {
  action: unknown;
  subjectType: unknown;
  /** Omitted: not checked (only where no subject is natural yet). */
  subjectId?: unknown;
  fields?: string[];
  reason?: string | null;
  purpose?: string | null;
}

interface Entry {
  user: string;
  query: string;
  variables: Record<string, unknown>;
  expected: (data: Data) => Expected[];
}

/** A string at a dotted path of a response's data. */
function at(data: unknown, path: string): string {
  let value: unknown = data;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | null)?.[key];
  if (typeof value !== 'string') throw new Error(`no string at ${path}`);
  return value;
}

// --- technical assistance, driven through the API ----------------------------------------------

const TA_FIELDS = 'id status version';
const taChange = (name: string, input: string, payload = `request { ${TA_FIELDS} }`) =>
  `mutation Change($input: ${input}!) { ${name}(input: $input) { ${payload} } }`;
const TA = {
  request: taChange('requestTechnicalAssistance', 'RequestTechnicalAssistanceInput'),
  triage: taChange('triageTechnicalAssistance', 'TriageTechnicalAssistanceInput'),
  assign: taChange('assignTechnicalAssistance', 'AssignTechnicalAssistanceInput'),
  start: taChange('startTechnicalAssistance', 'StartTechnicalAssistanceInput'),
  recordSession: taChange(
    'recordTechnicalAssistanceSession',
    'RecordTechnicalAssistanceSessionInput',
    `request { ${TA_FIELDS} } session { id }`,
  ),
  deliver: taChange('deliverTechnicalAssistance', 'DeliverTechnicalAssistanceInput'),
  close: taChange('closeTechnicalAssistance', 'CloseTechnicalAssistanceInput'),
  decline: taChange('declineTechnicalAssistance', 'DeclineTechnicalAssistanceInput'),
  withdraw: taChange('withdrawTechnicalAssistance', 'WithdrawTechnicalAssistanceInput'),
  message: taChange('addTechnicalAssistanceMessage', 'AddTechnicalAssistanceMessageInput', 'message { id }'),
};
const isoDate = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const taRequestInput = () => ({
  taskForceId: TASK_FORCE,
  topic: 'TRAUMA_INFORMED_SERVICES',
  type: 'TRAINING',
  modality: 'HYBRID',
  problemStatement: 'Intake staff re-ask survivors the same questions at every agency.',
  whyItMatters: 'Repeated interviews re-traumatise survivors and some stop engaging.',
  currentPractice: 'Each agency runs its own intake form; no shared guidance.',
  desiredOutcome: 'A shared trauma-informed intake practice and trained intake staff.',
  preferredStartDate: isoDate(14),
  preferredEndDate: isoDate(45),
  audiences: ['SERVICE_PROVIDERS', 'LAW_ENFORCEMENT'],
  expectedAttendees: 40,
  urgency: 'TIME_SENSITIVE',
});
const sessionInput = (r: TaRequest) => ({
  requestId: r.id,
  expectedVersion: r.version,
  heldOn: isoDate(0),
  modality: 'ON_SITE',
  hours: 3,
  attendance: [{ audience: 'SERVICE_PROVIDERS', attendees: 12 }],
  notes: 'Role plays on first contact.',
});
interface TaRequest {
  id: string;
  status: string;
  version: number;
}
type TaStage = 'SUBMITTED' | 'TRIAGED' | 'ASSIGNED' | 'IN_PROGRESS' | 'SESSION' | 'DELIVERED';
const TA_PATH: { stage: TaStage; op: keyof typeof TA; user: string; input: (r: TaRequest) => Data }[] = [
  {
    stage: 'TRIAGED',
    op: 'triage',
    user: 'tf.coordinator',
    input: (r) => ({ ...change(r), priority: 'HIGH' }),
  },
  {
    stage: 'ASSIGNED',
    op: 'assign',
    user: 'tf.coordinator',
    input: (r) => ({ ...change(r), agencyId: REGIONAL_TA }),
  },
  { stage: 'IN_PROGRESS', op: 'start', user: 'ta.provider', input: (r) => change(r) },
  { stage: 'SESSION', op: 'recordSession', user: 'ta.provider', input: (r) => sessionInput(r) },
  { stage: 'DELIVERED', op: 'deliver', user: 'ta.provider', input: (r) => change(r) },
];
const change = (r: TaRequest) => ({ requestId: r.id, expectedVersion: r.version });

describe('audit coverage (e2e)', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  /** A new TA request by ngo.lead, walked along the demo path to `stage`. */
  async function taRequest(stage: TaStage): Promise<TaRequest> {
    const created = ok(await hub.gql<Data>(TA.request, { input: taRequestInput() }, { user: 'ngo.lead' }));
    let request = (created.requestTechnicalAssistance as { request: TaRequest }).request;
    if (stage === 'SUBMITTED') return request;
    for (const step of TA_PATH) {
      const data = ok(await hub.gql<Data>(TA[step.op], { input: step.input(request) }, { user: step.user }));
      request = (Object.values(data)[0] as { request: TaRequest }).request;
      if (step.stage === stage) break;
    }
    return request;
  }

  const referralStep =
    (step: Transition, status: string, user: string, extra: Data = extraInput(step)) =>
    async (): Promise<Entry> => {
      const referral = await referralAt(hub, status);
      return {
        user,
        query: transitionMutation(step),
        variables: { input: { referralId: referral.id, expectedVersion: referral.version, ...extra } },
        expected: () => [
          {
            action: auditAction(step),
            subjectType: 'Referral',
            subjectId: referral.id,
            // What the caller gave as the reason (a failure reason counts as one); else none.
            reason: ((extra.reason ?? extra.failureReason) as string | undefined) ?? null,
            purpose: 'SERVICE',
          },
        ],
      };
    };

  const taStep =
    (op: keyof typeof TA, stage: TaStage, user: string, action: string, input: (r: TaRequest) => Data) =>
    async (): Promise<Entry> => {
      const request = await taRequest(stage);
      return {
        user,
        query: TA[op],
        variables: { input: input(request) },
        expected: () => [{ action, subjectType: 'TechnicalAssistanceRequest', subjectId: request.id }],
      };
    };

  const MEMBER = `member { taskForceId agencyId role version }`;
  const ADD_MEMBER = `mutation Add($input: AddTaskForceMemberInput!) { addTaskForceMember(input: $input) { ${MEMBER} } }`;

  /** A new agency, not yet in any task force (as the owner: no API creates agencies). */
  async function newAgency(): Promise<string> {
    const id = randomUUID();
    await hub.asOwner((ds) =>
      ds.query(
        `INSERT INTO agency (id, name, type, jurisdiction, description, services, languages, service_areas, service_area_keys, accepting_referrals, confidential_location)
         VALUES ($1, $2, 'NGO', 'Bay County', 'Newcomer', '{}', '{en}', '{}', '{}', false, false)`,
        [id, `Newcomer ${id.slice(0, 8)}`],
      ),
    );
    return id;
  }
  async function addedMember(): Promise<{ agencyId: string; version: number }> {
    const agencyId = await newAgency();
    const data = ok(
      await hub.gql<Data>(
        ADD_MEMBER,
        { input: { taskForceId: TASK_FORCE, agencyId, role: 'MEMBER' } },
        { user: COORDINATOR },
      ),
    );
    return { agencyId, version: (data.addTaskForceMember as { member: { version: number } }).member.version };
  }

  /** A Harbor Light user the hub has just seen (one request with their own token). */
  async function seenAtHarbor(): Promise<Person> {
    const newcomer = person(`harbor.${tag()}`, HARBOR, ['caseworker']);
    ok(await hub.gql(ME, {}, { token: await tokenOf(hub, newcomer) }));
    return newcomer;
  }

  /** One entry per Mutation field: the minimal set-up, the call, and the audit rows it must write. */
  const resourceInput = () => ({
    taskForceId: TASK_FORCE,
    name: `Line ${tag()}`,
    phone: '+1 555 0142',
    hours: '24/7',
    languages: ['en'],
  });
  /** A hotline of the demo task force, written as the owner (its own creation is not under test). */
  async function newResource(): Promise<string> {
    const id = randomUUID();
    await hub.asOwner((ds) =>
      ds.query(
        `INSERT INTO resource (id, task_force_id, name, phone, hours, languages, description)
         VALUES ($1, $2, $3, '+1 555 0142', '24/7', '{en}', '')`,
        [id, TASK_FORCE, `Line ${id.slice(0, 8)}`],
      ),
    );
    return id;
  }

  const TABLE: Record<string, () => Promise<Entry>> = {
    // --- survivors and consent ---
    createSurvivor: async () => {
      const personal = personalData(tag());
      return {
        user: 'ngo.caseworker',
        query: CREATE_SURVIVOR,
        variables: { input: personal },
        expected: (data) => [
          {
            action: 'CREATE_SURVIVOR',
            subjectType: 'Survivor',
            subjectId: at(data, 'createSurvivor.survivor.id'),
            fields: Object.keys(personal),
            purpose: 'SERVICE',
          },
        ],
      };
    },
    updateSurvivor: async () => {
      const survivor = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
      return {
        user: 'ngo.caseworker',
        query: UPDATE_SURVIVOR,
        variables: {
          input: {
            id: survivor.id,
            expectedVersion: survivor.version,
            phone: '+1 555 0100',
            caseNotes: 'Moved.',
          },
        },
        expected: () => [
          {
            action: 'UPDATE_SURVIVOR',
            subjectType: 'Survivor',
            subjectId: survivor.id,
            fields: ['caseNotes', 'phone'],
            purpose: 'SERVICE',
          },
        ],
      };
    },
    recordConsent: async () => {
      const survivor = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
      return {
        user: 'ngo.caseworker',
        query: RECORD_CONSENT,
        variables: { input: consentInput(survivor.id) },
        expected: (data) => [
          {
            action: 'RECORD_CONSENT',
            subjectType: 'Consent',
            subjectId: at(data, 'recordConsent.consent.id'),
          },
        ],
      };
    },
    revokeConsent: async () => {
      const survivor = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
      const consent = await recordConsent(hub, 'ngo.caseworker', consentInput(survivor.id));
      return {
        user: 'ngo.caseworker',
        query: REVOKE_CONSENT,
        variables: { input: { consentId: consent.id, channel: 'PHONE' } },
        expected: () => [{ action: 'REVOKE_CONSENT', subjectType: 'Consent', subjectId: consent.id }],
      };
    },
    openBreakGlass: async () => {
      const { survivor } = await referredSurvivor(hub);
      const reason = 'Imminent danger: the trafficker was seen outside the shelter';
      return {
        user: 'legal.lead',
        query: `mutation Open($input: OpenBreakGlassInput!) { openBreakGlass(input: $input) { session { id } } }`,
        variables: { input: { survivorId: survivor.id, reason } },
        expected: () => [
          {
            action: 'BREAK_GLASS',
            subjectType: 'Survivor',
            subjectId: survivor.id,
            fields: ['CONTACT', 'IDENTITY'],
            reason,
            purpose: 'SERVICE',
          },
        ],
      };
    },
    endBreakGlass: async () => {
      const { survivor } = await referredSurvivor(hub);
      const opened = ok(
        await send<Data>(
          hub,
          { user: 'legal.lead' },
          `mutation Open($input: OpenBreakGlassInput!) { openBreakGlass(input: $input) { session { id } } }`,
          {
            input: {
              survivorId: survivor.id,
              reason: 'Imminent danger: the trafficker was seen outside the shelter',
            },
          },
        ),
      );
      const id = at(opened, 'openBreakGlass.session.id');
      const reason = 'The survivor is safe at the shelter now';
      return {
        user: 'ngo.lead',
        query: `mutation End($input: EndBreakGlassInput!) { endBreakGlass(input: $input) { session { id } } }`,
        variables: { input: { id, reason } },
        expected: () => [{ action: 'END_BREAK_GLASS', subjectType: 'BreakGlass', subjectId: id, reason }],
      };
    },
    reviewBreakGlass: async () => {
      const { survivor } = await referredSurvivor(hub);
      const opened = ok(
        await send<Data>(
          hub,
          { user: 'legal.lead' },
          `mutation Open($input: OpenBreakGlassInput!) { openBreakGlass(input: $input) { session { id } } }`,
          {
            input: {
              survivorId: survivor.id,
              reason: 'Imminent danger: the trafficker was seen outside the shelter',
            },
          },
        ),
      );
      const id = at(opened, 'openBreakGlass.session.id');
      return {
        user: 'ngo.lead',
        query: `mutation Review($input: ReviewBreakGlassInput!) { reviewBreakGlass(input: $input) { session { id } } }`,
        variables: { input: { id, finding: 'JUSTIFIED', note: 'The danger was real.' } },
        expected: () => [
          { action: 'REVIEW_BREAK_GLASS', subjectType: 'BreakGlass', subjectId: id, reason: 'JUSTIFIED' },
        ],
      };
    },

    // --- referrals ---
    createReferral: async () => ({
      user: 'ngo.caseworker',
      query: CREATE_REFERRAL,
      variables: { input: deidentified() },
      expected: (data) => [
        {
          action: 'CREATE_REFERRAL',
          subjectType: 'Referral',
          subjectId: at(data, 'createReferral.referral.id'),
        },
      ],
    }),
    sendReferral: referralStep('send', 'DRAFT', 'ngo.caseworker'),
    acknowledgeReferral: referralStep('acknowledge', 'SENT', 'legal.caseworker'),
    acceptReferral: referralStep('accept', 'ACKNOWLEDGED', 'legal.caseworker'),
    declineReferral: referralStep('decline', 'SENT', 'legal.caseworker'),
    startReferral: referralStep('start', 'ACCEPTED', 'legal.caseworker'),
    holdReferral: referralStep('hold', 'IN_PROGRESS', 'legal.caseworker', { reason: 'Waiting for a slot' }),
    completeReferral: referralStep('complete', 'IN_PROGRESS', 'legal.caseworker'),
    failReferral: referralStep('fail', 'IN_PROGRESS', 'legal.caseworker'),
    withdrawReferral: referralStep('withdraw', 'SENT', 'ngo.caseworker', {
      reason: 'Sent to the wrong agency',
    }),
    addReferralMessage: async () => {
      const referral = await referralAt(hub, 'SENT');
      return {
        user: 'ngo.caseworker',
        query: ADD_MESSAGE,
        variables: { input: { referralId: referral.id, body: 'Can you call us back?' } },
        expected: () => [{ action: 'ADD_REFERRAL_MESSAGE', subjectType: 'Referral', subjectId: referral.id }],
      };
    },
    createChildSafetyReferral: async () => {
      const minor = await createSurvivor(hub, 'ngo.caseworker', { ...personalData(tag()), minor: true });
      const legalBasis = 'State mandated-reporter statute § 11166';
      return {
        user: 'ngo.lead',
        query: CREATE_CHILD_SAFETY,
        variables: {
          input: { survivorId: minor.id, toAgencyId: POLICE, legalBasis, reason: 'Disclosure at intake' },
        },
        expected: (data) => [
          {
            action: 'CHILD_SAFETY_REFERRAL',
            subjectType: 'Referral',
            subjectId: at(data, 'createChildSafetyReferral.referral.id'),
            reason: legalBasis,
          },
        ],
      };
    },

    // --- directory and memberships ---
    updateAgencyProfile: async () => {
      const data = ok(
        await hub.gql<{ agency: { version: number } }>(
          `query A($id: ID!) { agency(id: $id) { version } }`,
          { id: HARBOR },
          {
            user: 'ngo.lead',
          },
        ),
      );
      return {
        user: 'ngo.lead',
        query: `mutation U($input: UpdateAgencyProfileInput!) { updateAgencyProfile(input: $input) { agency { id version } } }`,
        variables: {
          input: { agencyId: HARBOR, expectedVersion: data.agency.version, hours: `Mon–Fri 9–17 (${tag()})` },
        },
        expected: () => [
          { action: 'UPDATE_AGENCY_PROFILE', subjectType: 'Agency', subjectId: HARBOR, fields: ['hours'] },
        ],
      };
    },
    addTaskForceMember: async () => {
      const agencyId = await newAgency();
      return {
        user: COORDINATOR,
        query: ADD_MEMBER,
        variables: { input: { taskForceId: TASK_FORCE, agencyId, role: 'MEMBER' } },
        expected: () => [
          {
            action: 'ADD_TASK_FORCE_MEMBER',
            subjectType: 'TaskForceMembership',
            subjectId: `${TASK_FORCE}/${agencyId}`,
            reason: 'role MEMBER',
          },
        ],
      };
    },
    updateTaskForceMember: async () => {
      const { agencyId, version } = await addedMember();
      return {
        user: COORDINATOR,
        query: `mutation U($input: UpdateTaskForceMemberInput!) { updateTaskForceMember(input: $input) { ${MEMBER} } }`,
        variables: {
          input: { taskForceId: TASK_FORCE, agencyId, role: 'OBSERVER', expectedVersion: version },
        },
        expected: () => [
          {
            action: 'UPDATE_TASK_FORCE_MEMBER',
            subjectType: 'TaskForceMembership',
            subjectId: `${TASK_FORCE}/${agencyId}`,
            reason: 'role MEMBER → OBSERVER',
          },
        ],
      };
    },
    removeTaskForceMember: async () => {
      const { agencyId } = await addedMember();
      return {
        user: COORDINATOR,
        query: `mutation R($input: RemoveTaskForceMemberInput!) { removeTaskForceMember(input: $input) { taskForceId agencyId } }`,
        variables: { input: { taskForceId: TASK_FORCE, agencyId } },
        expected: () => [
          {
            action: 'REMOVE_TASK_FORCE_MEMBER',
            subjectType: 'TaskForceMembership',
            subjectId: `${TASK_FORCE}/${agencyId}`,
            reason: 'was MEMBER',
          },
        ],
      };
    },

    // --- platform administration (hub_admin) and the users an agency admin manages ---
    createAgency: async () => ({
      user: 'hub.admin',
      query: `mutation C($input: CreateAgencyInput!) { createAgency(input: $input) { agency { id } } }`,
      variables: { input: { name: `Newcomer ${tag()}`, type: 'NGO', jurisdiction: 'Bay County' } },
      expected: (data) => [
        {
          action: 'CREATE_AGENCY',
          subjectType: 'Agency',
          subjectId: at(data, 'createAgency.agency.id'),
          reason: 'type NGO',
        },
      ],
    }),
    updateAgency: async () => {
      const agencyId = await newAgency();
      return {
        user: 'hub.admin',
        query: `mutation U($input: UpdateAgencyInput!) { updateAgency(input: $input) { agency { id } } }`,
        variables: { input: { agencyId, expectedVersion: 1, jurisdiction: 'Lake County' } },
        expected: () => [
          { action: 'UPDATE_AGENCY', subjectType: 'Agency', subjectId: agencyId, fields: ['jurisdiction'] },
        ],
      };
    },
    deactivateAgency: async () => {
      const agencyId = await newAgency();
      return {
        user: 'hub.admin',
        query: `mutation D($input: DeactivateAgencyInput!) { deactivateAgency(input: $input) { agency { id } } }`,
        variables: { input: { agencyId, expectedVersion: 1, reason: 'Ceased operations' } },
        expected: () => [
          {
            action: 'DEACTIVATE_AGENCY',
            subjectType: 'Agency',
            subjectId: agencyId,
            reason: 'Ceased operations',
          },
        ],
      };
    },
    createTaskForce: async () => ({
      user: 'hub.admin',
      query: `mutation T($input: CreateTaskForceInput!) { createTaskForce(input: $input) { taskForce { id } } }`,
      variables: {
        input: { name: `Task force ${tag()}`, jurisdiction: 'Bay County', coordinatingAgencyId: OFFICE },
      },
      expected: (data) => {
        const id = at(data, 'createTaskForce.taskForce.id');
        return [
          { action: 'CREATE_TASK_FORCE', subjectType: 'TaskForce', subjectId: id },
          {
            action: 'ADD_TASK_FORCE_MEMBER',
            subjectType: 'TaskForceMembership',
            subjectId: `${id}/${OFFICE}`,
            reason: 'role MEMBER',
          },
        ];
      },
    }),
    // --- hotlines (a task force's coordinators; national ones the platform administrator) ---
    createResource: async () => ({
      user: 'tf.coordinator',
      query: `mutation R($input: CreateResourceInput!) { createResource(input: $input) { resource { id } } }`,
      variables: { input: resourceInput() },
      expected: (data) => [
        {
          action: 'CREATE_RESOURCE',
          subjectType: 'Resource',
          subjectId: at(data, 'createResource.resource.id'),
        },
      ],
    }),
    updateResource: async () => {
      const resourceId = await newResource();
      return {
        user: 'tf.coordinator',
        query: `mutation R($input: UpdateResourceInput!) { updateResource(input: $input) { resource { id } } }`,
        variables: { input: { resourceId, expectedVersion: 1, hours: 'Mon–Fri 9–5' } },
        expected: () => [
          { action: 'UPDATE_RESOURCE', subjectType: 'Resource', subjectId: resourceId, fields: ['hours'] },
        ],
      };
    },
    retireResource: async () => {
      const resourceId = await newResource();
      return {
        user: 'tf.coordinator',
        query: `mutation R($input: RetireResourceInput!) { retireResource(input: $input) { resource { id } } }`,
        variables: { input: { resourceId, expectedVersion: 1, reason: 'Line closed' } },
        expected: () => [
          {
            action: 'RETIRE_RESOURCE',
            subjectType: 'Resource',
            subjectId: resourceId,
            reason: 'Line closed',
          },
        ],
      };
    },
    // --- the directory exchanged in HSDS (a task force's coordinators) ---
    applyDirectoryImport: async () => ({
      user: 'tf.coordinator',
      query: `mutation I($input: DirectoryImportInput!) { applyDirectoryImport(input: $input) { entries { status } } }`,
      variables: {
        input: {
          taskForceId: TASK_FORCE,
          document: JSON.stringify({
            organizations: [
              { id: OFFICE, name: 'Bay County Task Force Office', description: `Imported ${tag()}` },
            ],
            services: [],
          }),
        },
      },
      expected: () => [
        {
          action: 'IMPORT_DIRECTORY',
          subjectType: 'Agency',
          subjectId: OFFICE,
          fields: ['description'],
          reason: `HSDS import into task force ${TASK_FORCE}`,
        },
      ],
    }),
    suspendAgencyUser: async () => {
      const newcomer = await seenAtHarbor();
      return {
        user: 'ngo.lead',
        query: SUSPEND_USER,
        variables: { input: { userId: newcomer.sub, reason: 'Left the agency' } },
        expected: () => [
          {
            action: 'SUSPEND_AGENCY_USER',
            subjectType: 'AgencyUser',
            subjectId: newcomer.sub,
            reason: 'Left the agency',
          },
        ],
      };
    },
    reinstateAgencyUser: async () => {
      const newcomer = await seenAtHarbor();
      ok(
        await hub.gql(
          SUSPEND_USER,
          { input: { userId: newcomer.sub, reason: 'On leave' } },
          { user: 'ngo.lead' },
        ),
      );
      return {
        user: 'ngo.lead',
        query: REINSTATE_USER,
        variables: { input: { userId: newcomer.sub } },
        expected: () => [
          { action: 'REINSTATE_AGENCY_USER', subjectType: 'AgencyUser', subjectId: newcomer.sub },
        ],
      };
    },

    // --- protocols: each change is one audit row of the workflow kernel, on the protocol ---
    createProtocol: async () => ({
      user: COORDINATOR,
      query: CREATE_PROTOCOL,
      variables: { input: protocolInput() },
      expected: (data) => [
        {
          action: 'CREATE_PROTOCOL',
          subjectType: 'Protocol',
          subjectId: at(data, 'createProtocol.protocol.id'),
        },
      ],
    }),
    updateProtocolDraft: async () => {
      const protocol = await createProtocol(hub);
      return {
        user: COORDINATOR,
        query: UPDATE_PROTOCOL,
        variables: {
          input: { protocolId: protocol.id, expectedVersion: protocol.version, title: `Retitled ${tag()}` },
        },
        expected: () => [
          {
            action: 'UPDATE_PROTOCOL_DRAFT',
            subjectType: 'Protocol',
            subjectId: protocol.id,
            fields: ['title'],
          },
        ],
      };
    },
    publishProtocolVersion: async () => {
      const protocol = await createProtocol(hub);
      return {
        user: COORDINATOR,
        query: PUBLISH,
        variables: { input: { versionId: protocol.draft?.id } },
        expected: () => [
          {
            action: 'PUBLISH_PROTOCOL_VERSION',
            subjectType: 'Protocol',
            subjectId: protocol.id,
          },
        ],
      };
    },
    archiveProtocol: async () => {
      const protocol = await createProtocol(hub);
      return {
        user: COORDINATOR,
        query: ARCHIVE,
        variables: { input: { protocolId: protocol.id, expectedVersion: protocol.version } },
        expected: () => [{ action: 'ARCHIVE_PROTOCOL', subjectType: 'Protocol', subjectId: protocol.id }],
      };
    },
    acknowledgeProtocol: async () => {
      const protocol = await publishedProtocol(hub);
      return {
        user: 'ngo.lead',
        query: ACKNOWLEDGE,
        variables: { input: { versionId: protocol.currentVersion?.id } },
        expected: () => [
          {
            action: 'ACKNOWLEDGE_PROTOCOL',
            subjectType: 'ProtocolVersion',
            subjectId: protocol.currentVersion?.id,
          },
        ],
      };
    },

    // --- notifications ---
    markNotificationsRead: async () => {
      // Something unread for Harbor Light: a referral sent to it.
      await referralAt(hub, 'SENT', {
        sender: 'legal.caseworker',
        recipient: 'ngo.caseworker',
        input: { toAgencyId: HARBOR },
      });
      return {
        user: 'ngo.lead',
        query: `mutation M($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) { marked unreadCount } }`,
        variables: { input: { all: true } },
        // A change made by a user; how it is named is the implementer's choice.
        expected: () => [
          {
            action: expect.stringMatching(/NOTIFICATION/),
            subjectType: expect.stringMatching(/Notification/),
          },
        ],
      };
    },

    setNotificationPreference: async () => ({
      user: 'ngo.caseworker',
      query: `mutation M($input: SetNotificationPreferenceInput!) { setNotificationPreference(input: $input) { preference { delivery } } }`,
      variables: { input: { delivery: 'DAILY_DIGEST' } },
      expected: () => [
        {
          action: 'SET_NOTIFICATION_PREFERENCE',
          subjectType: 'NotificationPreference',
          subjectId: expect.any(String),
          reason: 'DAILY_DIGEST',
        },
      ],
    }),

    // --- technical assistance ---
    requestTechnicalAssistance: async () => ({
      user: 'ngo.lead',
      query: TA.request,
      variables: { input: taRequestInput() },
      expected: (data) => [
        {
          action: 'REQUEST_TECHNICAL_ASSISTANCE',
          subjectType: 'TechnicalAssistanceRequest',
          subjectId: at(data, 'requestTechnicalAssistance.request.id'),
        },
      ],
    }),
    triageTechnicalAssistance: taStep(
      'triage',
      'SUBMITTED',
      'tf.coordinator',
      'TRIAGE_TECHNICAL_ASSISTANCE',
      (r) => ({
        ...change(r),
        priority: 'HIGH',
      }),
    ),
    assignTechnicalAssistance: taStep(
      'assign',
      'TRIAGED',
      'tf.coordinator',
      'ASSIGN_TECHNICAL_ASSISTANCE',
      (r) => ({
        ...change(r),
        agencyId: REGIONAL_TA,
      }),
    ),
    startTechnicalAssistance: taStep(
      'start',
      'ASSIGNED',
      'ta.provider',
      'START_TECHNICAL_ASSISTANCE',
      change,
    ),
    recordTechnicalAssistanceSession: taStep(
      'recordSession',
      'IN_PROGRESS',
      'ta.provider',
      'RECORD_TECHNICAL_ASSISTANCE_SESSION',
      sessionInput,
    ),
    deliverTechnicalAssistance: taStep(
      'deliver',
      'SESSION',
      'ta.provider',
      'DELIVER_TECHNICAL_ASSISTANCE',
      change,
    ),
    closeTechnicalAssistance: taStep('close', 'DELIVERED', 'ngo.lead', 'CLOSE_TECHNICAL_ASSISTANCE', (r) => ({
      ...change(r),
      rating: 4,
    })),
    declineTechnicalAssistance: taStep(
      'decline',
      'SUBMITTED',
      'tf.coordinator',
      'DECLINE_TECHNICAL_ASSISTANCE',
      (r) => ({
        ...change(r),
        reason: 'Outside the task force’s scope',
      }),
    ),
    withdrawTechnicalAssistance: taStep(
      'withdraw',
      'SUBMITTED',
      'ngo.lead',
      'WITHDRAW_TECHNICAL_ASSISTANCE',
      change,
    ),
    addTechnicalAssistanceMessage: taStep(
      'message',
      'SUBMITTED',
      'ngo.lead',
      'ADD_TECHNICAL_ASSISTANCE_MESSAGE',
      (r) => ({ requestId: r.id, body: 'Could the training be in Spanish too?' }),
    ),
  };

  const mutationFields = () =>
    Object.keys(hub.app.get(GraphQLSchemaHost).schema.getMutationType()?.getFields() ?? {}).sort();

  it('every Mutation field of the schema has an entry in the table below (a new operation needs one, and its audit)', () => {
    const fields = mutationFields();
    expect(fields.length).toBeGreaterThan(30);
    expect(fields.filter((field) => !(field in TABLE))).toEqual([]);
    expect(Object.keys(TABLE).filter((name) => !fields.includes(name))).toEqual([]);
  });

  /** The parts of a row every entry checks, in a stable order. */
  const shape = (row: { action: unknown; subjectType: unknown; subjectId?: unknown }) => ({
    action: row.action,
    subjectType: row.subjectType,
    ...(row.subjectId === undefined ? {} : { subjectId: row.subjectId }),
  });

  it.each(Object.keys(TABLE).sort())(
    '%s: performed successfully, it writes its ALLOWED audit rows with action, actor, agency, subject and the request id',
    async (name) => {
      const entry = await TABLE[name]();
      expect(entry.query).toContain(`${name}(input:`);
      const requestId = newRequestId(`cov-${name}`.slice(0, 40));
      const startedAt = Date.now();
      const response = await send<Data>(hub, { user: entry.user }, entry.query, entry.variables, requestId);
      expect(response.requestId).toBe(requestId);
      const data = ok(response);
      const expected = entry.expected(data);
      const rows = (await auditOfRequest(hub, requestId)).filter((row) => row.action !== 'SIGN_IN');
      const { sub, agencyId } = demoUser(entry.user);

      // Exactly the expected rows (in any order), each by the caller, allowed, in this request.
      const byKey = (
        a: { action: unknown; subjectId?: unknown },
        b: { action: unknown; subjectId?: unknown },
      ) =>
        `${String(a.action)}|${String(a.subjectId)}`.localeCompare(
          `${String(b.action)}|${String(b.subjectId)}`,
        );
      const actual = rows.map((row) => ({
        ...shape({
          action: row.action,
          subjectType: row.subject_type,
          subjectId: expected.every((e) => e.subjectId === undefined) ? undefined : row.subject_id,
        }),
      }));
      expect(actual.sort(byKey)).toEqual(expected.map(shape).sort(byKey));
      for (const row of rows) {
        expect({
          actor: row.actor_user_id,
          agency: row.actor_agency_id,
          decision: row.decision,
          requestId: row.request_id,
        }).toEqual({ actor: sub, agency: agencyId, decision: 'ALLOWED', requestId });
        expect(row.occurred_at.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
        expect(row.occurred_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      }
      // Fields, reason and purpose where the entry names them.
      for (const e of expected) {
        const row = rows.find(
          (r) => r.action === e.action && (e.subjectId === undefined || r.subject_id === e.subjectId),
        );
        if (!row) continue;
        if (e.fields) expect([...row.fields].sort()).toEqual([...e.fields].sort());
        if (e.reason !== undefined) expect(row.reason).toBe(e.reason);
        if (e.purpose !== undefined) expect(row.purpose).toBe(e.purpose);
      }
    },
  );

  describe('the longest reason an input accepts still gets its audit row (audit_event.reason holds 500 characters)', () => {
    const long = (n: number) => `Because ${'the survivor asked us to stop; '.repeat(40)}`.slice(0, n);

    it.each([
      ['withdrawReferral', 'withdraw', 'SENT', 'ngo.caseworker', { reason: long(1000) }],
      ['holdReferral', 'hold', 'IN_PROGRESS', 'legal.caseworker', { reason: long(1000) }],
      ['failReferral', 'fail', 'IN_PROGRESS', 'legal.caseworker', { failureReason: long(1000) }],
    ] as [string, Transition, string, string, Data][])(
      '%s with a 1,000-character reason succeeds and is audited',
      async (_name, step, status, user, extra) => {
        const entry = await referralStep(step, status, user, extra)();
        const response = await send<Data>(hub, { user: entry.user }, entry.query, entry.variables);
        ok(response);
        const rows = await auditOfRequest(hub, response.requestId);
        expect(rows.map((row) => [row.action, row.decision])).toEqual([[auditAction(step), 'ALLOWED']]);
        expect(long(1000).startsWith(rows[0].reason ?? '-')).toBe(true);
      },
    );
  });

  describe('reads that disclose personal fields', () => {
    const sub = (user: string) => demoUser(user).sub;
    const disclosure = (rows: AuditRow[]) =>
      rows.map((row) => ({
        action: row.action,
        actor: row.actor_user_id,
        agency: row.actor_agency_id,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        fields: [...row.fields].sort(),
        purpose: row.purpose,
        decision: row.decision,
        subjectAgencyIds: row.subject_agency_ids,
      }));

    it('survivor(id) writes one READ_SURVIVOR with exactly the personal fields selected; selecting none writes nothing', async () => {
      const survivor = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
      const read = await send(
        hub,
        { user: 'ngo.caseworker' },
        SURVIVOR_BY_ID('id reference phone givenName'),
        {
          id: survivor.id,
        },
      );
      ok(read);
      expect(disclosure(await auditOfRequest(hub, read.requestId))).toEqual([
        {
          action: 'READ_SURVIVOR',
          actor: sub('ngo.caseworker'),
          agency: HARBOR,
          subjectType: 'Survivor',
          subjectId: survivor.id,
          fields: ['givenName', 'phone'],
          purpose: 'SERVICE',
          decision: 'ALLOWED',
          subjectAgencyIds: [HARBOR],
        },
      ]);
      const plain = await send(
        hub,
        { user: 'ngo.caseworker' },
        SURVIVOR_BY_ID('id reference minor ageBand'),
        {
          id: survivor.id,
        },
      );
      ok(plain);
      expect(await auditOfRequest(hub, plain.requestId)).toEqual([]);
    });

    it('survivors writes one READ_SURVIVOR per record listed with personal fields, naming the fields selected', async () => {
      const mine = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
      const one = await send<{ survivors: { edges: { node: { id: string } }[] } }>(
        hub,
        { user: 'ngo.caseworker' },
        SURVIVORS('id email'),
        { first: 10, reference: mine.reference },
      );
      expect(ok(one).survivors.edges.map((edge) => edge.node.id)).toEqual([mine.id]);
      expect(disclosure(await auditOfRequest(hub, one.requestId))).toEqual([
        expect.objectContaining({
          action: 'READ_SURVIVOR',
          subjectId: mine.id,
          fields: ['email'],
          actor: sub('ngo.caseworker'),
        }),
      ]);

      await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
      const page = await send<{ survivors: { edges: { node: { id: string } }[] } }>(
        hub,
        { user: 'ngo.caseworker' },
        SURVIVORS('id familyName address'),
        { first: 3 },
      );
      const ids = ok(page).survivors.edges.map((edge) => edge.node.id);
      expect(ids.length).toBeGreaterThan(1);
      const rows = disclosure(await auditOfRequest(hub, page.requestId));
      expect(rows.map((row) => row.subjectId).sort()).toEqual([...ids].sort());
      rows.forEach((row) =>
        expect(row).toMatchObject({
          action: 'READ_SURVIVOR',
          fields: ['address', 'familyName'],
          decision: 'ALLOWED',
        }),
      );

      const plain = await send(hub, { user: 'ngo.caseworker' }, SURVIVORS('id reference'), { first: 3 });
      ok(plain);
      expect(await auditOfRequest(hub, plain.requestId)).toEqual([]);
    });

    it('referral { survivor } writes READ_SURVIVOR for the recipient, with the fields selected (and only what the referral shares)', async () => {
      const { survivor, referral } = await referredSurvivor(hub);
      const read = await send<{ referral: { survivor: Record<string, unknown> } }>(
        hub,
        { user: 'legal.caseworker' },
        REFERRAL_BY_ID('id survivor { id givenName phone }'),
        { id: referral.id },
      );
      // The referral shares IDENTITY and NEEDS: the phone (CONTACT) stays null and is not audited.
      expect(ok(read).referral.survivor).toMatchObject({ id: survivor.id, phone: null });
      expect(disclosure(await auditOfRequest(hub, read.requestId))).toEqual([
        {
          action: 'READ_SURVIVOR',
          actor: sub('legal.caseworker'),
          agency: SAFE_PASSAGE,
          subjectType: 'Survivor',
          subjectId: survivor.id,
          fields: ['givenName'],
          purpose: 'SERVICE',
          decision: 'ALLOWED',
          subjectAgencyIds: [HARBOR],
        },
      ]);
      const plain = await send(
        hub,
        { user: 'legal.caseworker' },
        REFERRAL_BY_ID('id survivor { id reference }'),
        {
          id: referral.id,
        },
      );
      ok(plain);
      expect(await auditOfRequest(hub, plain.requestId)).toEqual([]);

      const inbox = await send<{ referrals: { edges: { node: { id: string } }[] } }>(
        hub,
        { user: 'legal.caseworker' },
        `{ referrals(box: RECEIVED, first: 50) { edges { node { id survivor { id familyName } } } } }`,
      );
      ok(inbox);
      const rows = disclosure(await auditOfRequest(hub, inbox.requestId));
      expect(rows.map((row) => row.subjectId)).toContain(survivor.id);
      rows.forEach((row) => expect(row).toMatchObject({ action: 'READ_SURVIVOR', fields: ['familyName'] }));
    });
  });

  describe('reads of the audit trail are themselves audited', () => {
    it.each([
      [
        'auditEvents',
        'tf.auditor',
        'READ_AUDIT_TRAIL',
        `{ auditEvents(first: 5) { edges { node { id } } } }`,
      ],
      ['auditEvents', 'ngo.lead', 'READ_AUDIT_TRAIL', `{ auditEvents(first: 5) { edges { node { id } } } }`],
      ['auditEventsCsv', 'tf.auditor', 'EXPORT_AUDIT_TRAIL', `{ auditEventsCsv(limit: 5) }`],
      ['verifyAuditTrail', 'tf.auditor', 'VERIFY_AUDIT_TRAIL', `{ verifyAuditTrail { ok } }`],
    ])('%s as %s writes one %s event', async (_name, user, action, query) => {
      const response = await send(hub, { user }, query);
      ok(response);
      const rows = await auditOfRequest(hub, response.requestId);
      expect(
        rows.map((row) => [row.action, row.subject_type, row.subject_id, row.decision, row.actor_user_id]),
      ).toEqual([[action, 'AuditTrail', null, 'ALLOWED', demoUser(user).sub]]);
    });

    it('the filter used is recorded as the event’s reason', async () => {
      const filter = { action: 'CREATE_SURVIVOR', decision: 'ALLOWED' };
      const response = await send(
        hub,
        { user: 'tf.auditor' },
        `query Q($filter: AuditEventFilter) { auditEvents(first: 1, filter: $filter) { edges { node { id } } } }`,
        { filter },
      );
      ok(response);
      const [row] = await auditOfRequest(hub, response.requestId);
      expect(row.action).toBe('READ_AUDIT_TRAIL');
      expect(JSON.parse((row.reason ?? '').replace(/^filter: /, ''))).toEqual(filter);
    });
  });

  describe('sign-ins and request ids', () => {
    const jtiOf = (token: string): string =>
      (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as { jti: string }).jti;

    it('the first request of a new token writes exactly one SIGN_IN; a second request with the same token none', async () => {
      const token = await freshToken(hub, 'legal.caseworker');
      const jti = jtiOf(token);
      const first = await send(hub, { token }, `{ me { userId } }`);
      ok(first);
      const { sub: userId, agencyId } = demoUser('legal.caseworker');
      expect(
        (await auditOfRequest(hub, first.requestId)).map(({ id: _id, occurred_at: _at, ...row }) => row),
      ).toEqual([
        {
          actor_user_id: userId,
          actor_agency_id: agencyId,
          action: 'SIGN_IN',
          subject_type: 'Session',
          subject_id: jti,
          fields: [],
          purpose: null,
          decision: 'ALLOWED',
          reason: null,
          request_id: first.requestId,
          subject_agency_ids: [agencyId],
        },
      ]);
      const second = await send(hub, { token }, `{ me { userId } }`);
      ok(second);
      expect(await auditOfRequest(hub, second.requestId)).toEqual([]);
      expect(await auditWhere(hub, `action = 'SIGN_IN' AND subject_id = $1`, [jti])).toHaveLength(1);
    });

    it('concurrent first requests of a new token still write one SIGN_IN', async () => {
      const token = await freshToken(hub, 'ngo.lead');
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => send(hub, { token }, `{ me { userId } }`)),
      );
      responses.forEach((response) => ok(response));
      expect(await auditWhere(hub, `action = 'SIGN_IN' AND subject_id = $1`, [jtiOf(token)])).toHaveLength(1);
    });

    it('without a usable X-Request-Id the API makes one, answers with it and stores it on the audit rows', async () => {
      const survivor = await createSurvivor(hub, 'ngo.caseworker', personalData(tag()));
      for (const given of [null, 'bad id!', 'short']) {
        const read = await send(
          hub,
          { user: 'ngo.caseworker' },
          SURVIVOR_BY_ID('id givenName'),
          { id: survivor.id },
          given,
        );
        ok(read);
        expect(read.requestId).toMatch(/^[0-9a-f-]{36}$/);
        expect((await auditOfRequest(hub, read.requestId)).map((row) => row.action)).toEqual([
          'READ_SURVIVOR',
        ]);
      }
    });
  });
});
