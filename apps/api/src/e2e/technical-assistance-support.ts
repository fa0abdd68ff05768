import { DEMO_AGENCY_IDS, DEMO_TASK_FORCE, DEMO_USERS } from '@hub/demo-data';
import type { GraphqlResponse, TestHub } from '@hub/testing';

/**
 * Shared by the technical-assistance e2e suites: operations, a valid request, driving a request to
 * a status with the right callers, and database snapshots for "nothing changed".
 */

export const TASK_FORCE = DEMO_TASK_FORCE.id;
export const HARBOR = DEMO_AGENCY_IDS.harborLight;
export const REGIONAL_TA = DEMO_AGENCY_IDS.regionalTa;
export const FEDERAL = DEMO_AGENCY_IDS.federalVictimAssistance;
export const TF_OFFICE = DEMO_AGENCY_IDS.taskForceOffice;
export const SAFE_PASSAGE = DEMO_AGENCY_IDS.safePassage;
export const POLICE = DEMO_AGENCY_IDS.bayviewPolice;

export const REQUEST_SELECTION = `id taskForceId requestingAgencyId requestedBy topic type modality problemStatement
  whyItMatters currentPractice desiredOutcome preferredStartDate preferredEndDate audiences expectedAttendees urgency
  status priority triageNote assignedAgencyId assigneeName deliverySummary declineReason rating feedback version
  createdAt updatedAt`;
export const DETAIL_SELECTION = `${REQUEST_SELECTION}
  requestingAgency { id name } assignedAgency { id name type }
  events { id fromStatus toStatus actorUserId actorAgencyId reason occurredAt }
  sessions { id kind heldOn modality hours attendance { audience attendees } totalAttendees materials notes recordedBy recordedByAgencyId }
  messages { id authorUserId authorAgencyId body createdAt }`;

const change = (name: string, input: string, payload = `request { ${REQUEST_SELECTION} }`) =>
  `mutation Change($input: ${input}!) { ${name}(input: $input) { ${payload} } }`;

export const OPS = {
  request: change('requestTechnicalAssistance', 'RequestTechnicalAssistanceInput'),
  triage: change('triageTechnicalAssistance', 'TriageTechnicalAssistanceInput'),
  assign: change('assignTechnicalAssistance', 'AssignTechnicalAssistanceInput'),
  start: change('startTechnicalAssistance', 'StartTechnicalAssistanceInput'),
  recordSession: change(
    'recordTechnicalAssistanceSession',
    'RecordTechnicalAssistanceSessionInput',
    `request { ${REQUEST_SELECTION} } session { id kind heldOn modality hours attendance { audience attendees } totalAttendees materials notes }`,
  ),
  deliver: change('deliverTechnicalAssistance', 'DeliverTechnicalAssistanceInput'),
  close: change('closeTechnicalAssistance', 'CloseTechnicalAssistanceInput'),
  decline: change('declineTechnicalAssistance', 'DeclineTechnicalAssistanceInput'),
  withdraw: change('withdrawTechnicalAssistance', 'WithdrawTechnicalAssistanceInput'),
  message: change(
    'addTechnicalAssistanceMessage',
    'AddTechnicalAssistanceMessageInput',
    'message { id requestId authorUserId authorAgencyId body createdAt }',
  ),
} as const;
export type Op = keyof typeof OPS;
/** The field each operation answers under. */
export const FIELD: Record<Op, string> = {
  request: 'requestTechnicalAssistance',
  triage: 'triageTechnicalAssistance',
  assign: 'assignTechnicalAssistance',
  start: 'startTechnicalAssistance',
  recordSession: 'recordTechnicalAssistanceSession',
  deliver: 'deliverTechnicalAssistance',
  close: 'closeTechnicalAssistance',
  decline: 'declineTechnicalAssistance',
  withdraw: 'withdrawTechnicalAssistance',
  message: 'addTechnicalAssistanceMessage',
};

export const ONE = `query One($id: ID!) { technicalAssistanceRequest(id: $id) { ${DETAIL_SELECTION} } }`;
export const LIST = `query List($status: TechnicalAssistanceStatus, $topic: TechnicalAssistanceTopic,
  $scope: TechnicalAssistanceScope, $first: Int, $after: String) {
  technicalAssistanceRequests(status: $status, topic: $topic, scope: $scope, first: $first, after: $after) {
    edges { cursor node { id status topic requestingAgencyId assignedAgencyId version } }
    pageInfo { hasNextPage endCursor }
  }
}`;
export const NOTIFICATIONS = `{ notifications(first: 100) { edges { node { eventType subjectType subjectId message } } } }`;

export interface RequestNode {
  id: string;
  status: string;
  version: number;
  requestingAgencyId: string;
  assignedAgencyId: string | null;
  [field: string]: unknown;
}
export interface ListPage {
  technicalAssistanceRequests: {
    edges: { cursor: string; node: RequestNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export const isoDate = (offsetDays: number): string =>
  new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

/** A valid request, as an NGO lead would send it. */
export function requestInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
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
    ...overrides,
  };
}

export function sessionInput(
  requestId: string,
  expectedVersion: number,
  overrides: Record<string, unknown> = {},
) {
  return {
    requestId,
    expectedVersion,
    heldOn: isoDate(0),
    modality: 'ON_SITE',
    hours: 3.5,
    attendance: [
      { audience: 'LAW_ENFORCEMENT', attendees: 18 },
      { audience: 'SERVICE_PROVIDERS', attendees: 22 },
    ],
    materials: ['Trauma-informed intake: slide deck v2', 'https://regionalta.example.org/intake-checklist'],
    notes: 'Role plays on first contact; follow-up consultation offered.',
    ...overrides,
  };
}

export function subOf(username: string): string {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.sub;
}
export function agencyOf(username: string): string {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.agencyId;
}

type Body = GraphqlResponse['body'];

/** The data of a successful response (fails the test with the errors otherwise). */
export function ok<T>(response: { body: { data?: T | null; errors?: unknown } }): T {
  expect(response.body.errors).toBeUndefined();
  const data = response.body.data;
  if (data === null || data === undefined) throw new Error('expected data');
  return data;
}

/** Asserts a single error with the contract code and no data. */
export function expectError(response: { body: Body }, code: string) {
  expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(response.body.data ?? null).toBeNull();
  return (response.body.errors ?? [])[0];
}

/** Runs one TA operation as `user`; answers the raw response. */
export function run(hub: TestHub, op: Op, user: string, input: Record<string, unknown>) {
  return hub.gql<Record<string, Record<string, unknown>>>(OPS[op], { input }, { user });
}

/** Runs one TA operation that must succeed; answers the request it returns. */
export async function must(
  hub: TestHub,
  op: Op,
  user: string,
  input: Record<string, unknown>,
): Promise<RequestNode> {
  const data = ok(await run(hub, op, user, input));
  return data[FIELD[op]].request as RequestNode;
}

export async function newRequest(
  hub: TestHub,
  overrides: Record<string, unknown> = {},
  user = 'ngo.lead',
): Promise<RequestNode> {
  return must(hub, 'request', user, requestInput(overrides));
}

/** The path to each status, and who walks it in the demo. */
const PATH: Record<string, { op: Op; user: string; input: (r: RequestNode) => Record<string, unknown> }[]> = {
  SUBMITTED: [],
  TRIAGED: [{ op: 'triage', user: 'tf.coordinator', input: (r) => change0(r, { priority: 'HIGH' }) }],
  ASSIGNED: [{ op: 'assign', user: 'tf.coordinator', input: (r) => change0(r, { agencyId: REGIONAL_TA }) }],
  IN_PROGRESS: [{ op: 'start', user: 'ta.provider', input: (r) => change0(r) }],
  IN_PROGRESS_WITH_SESSION: [
    { op: 'recordSession', user: 'ta.provider', input: (r) => sessionInput(r.id, r.version) },
  ],
  DELIVERED: [{ op: 'deliver', user: 'ta.provider', input: (r) => change0(r) }],
  CLOSED: [{ op: 'close', user: 'ngo.lead', input: (r) => change0(r, { rating: 4 }) }],
};
const ORDER = [
  'SUBMITTED',
  'TRIAGED',
  'ASSIGNED',
  'IN_PROGRESS',
  'IN_PROGRESS_WITH_SESSION',
  'DELIVERED',
  'CLOSED',
];
export type Stage = (typeof ORDER)[number];

const change0 = (r: RequestNode, extra: Record<string, unknown> = {}) => ({
  requestId: r.id,
  expectedVersion: r.version,
  ...extra,
});
export { change0 as changeOf };

/** A new request by ngo.lead, walked along the demo path to `stage`. */
export async function requestAt(
  hub: TestHub,
  stage: Stage,
  overrides: Record<string, unknown> = {},
): Promise<RequestNode> {
  let request = await newRequest(hub, overrides);
  for (const step of ORDER.slice(1, ORDER.indexOf(stage) + 1)) {
    for (const { op, user, input } of PATH[step]) request = await must(hub, op, user, input(request));
  }
  return request;
}

/** Everything a TA change could touch, read as the database owner (with xmin, so a rewrite shows). */
export interface TaState {
  requests: Record<string, unknown>[];
  events: Record<string, unknown>[];
  sessions: Record<string, unknown>[];
  attendance: Record<string, unknown>[];
  messages: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
  outbox: Record<string, unknown>[];
  auditMaxId: number;
}

export function taState(hub: TestHub): Promise<TaState> {
  return hub.asOwner(async (ds) => {
    const q = (sql: string) => ds.query(sql) as Promise<Record<string, unknown>[]>;
    const [requests, events, sessions, attendance, messages, notifications, outbox, audit] =
      await Promise.all([
        q(`SELECT *, xmin::text AS xmin FROM technical_assistance_request ORDER BY id`),
        q(
          `SELECT *, subject_id AS request_id, xmin::text AS xmin FROM record_event WHERE subject_type = 'TechnicalAssistanceRequest' ORDER BY occurred_at, id`,
        ),
        q(`SELECT *, xmin::text AS xmin FROM technical_assistance_session ORDER BY id`),
        q(`SELECT *, xmin::text AS xmin FROM technical_assistance_attendance ORDER BY session_id, audience`),
        q(
          `SELECT *, subject_id AS request_id, xmin::text AS xmin FROM record_message WHERE subject_type = 'TechnicalAssistanceRequest' ORDER BY id`,
        ),
        q(`SELECT *, xmin::text AS xmin FROM notification ORDER BY id`),
        q(`SELECT *, xmin::text AS xmin FROM outbox ORDER BY id`),
        q(`SELECT coalesce(max(id), 0)::bigint::text AS max FROM audit_event`),
      ]);
    return {
      requests,
      events,
      sessions,
      attendance,
      messages,
      notifications,
      outbox,
      auditMaxId: Number(audit[0].max),
    };
  });
}

export interface AuditRow {
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  decision: string;
}

export function auditSince(hub: TestHub, auditMaxId: number): Promise<AuditRow[]> {
  return hub.asOwner(
    (ds) =>
      ds.query(
        `SELECT actor_user_id, actor_agency_id, action, subject_type, subject_id, decision
           FROM audit_event WHERE id > $1 ORDER BY id`,
        [auditMaxId],
      ) as Promise<AuditRow[]>,
  );
}

/** Ids of every request `user` finds in the list (all pages), optionally filtered. */
export async function listIds(
  hub: TestHub,
  user: string,
  filters: Record<string, unknown> = {},
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let pages = 0; pages < 200; pages++) {
    const response: GraphqlResponse<ListPage> = await hub.gql<ListPage>(
      LIST,
      { first: 100, after, ...filters },
      { user },
    );
    const page: ListPage['technicalAssistanceRequests'] = ok(response).technicalAssistanceRequests;
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) return ids;
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination does not end');
}
