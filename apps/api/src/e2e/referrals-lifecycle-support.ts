import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import type { GraphqlResponse, TestHub } from '@hub/testing';
import { ok } from './survivor-support';

/**
 * Shared by referrals.spec.ts and child-safety.spec.ts: operations, a snapshot of every table a
 * referral change can touch (for "nothing changed", "only a DENIED audit row" and "exactly these
 * rows were written in one transaction"), and helpers that move a referral through its lifecycle.
 */

export const HARBOR = DEMO_AGENCY_IDS.harborLight;
export const SAFE_PASSAGE = DEMO_AGENCY_IDS.safePassage;
export const POLICE = DEMO_AGENCY_IDS.bayviewPolice;
export const FEDERAL = DEMO_AGENCY_IDS.federalVictimAssistance;
export const TA_CENTER = DEMO_AGENCY_IDS.regionalTa;
export const TF_OFFICE = DEMO_AGENCY_IDS.taskForceOffice;

export const REFERRAL_FIELDS = `id kind parentReferralId fromAgencyId toAgencyId needs urgency status responseDueAt notes
  survivorId consentId sharedClasses language ageBand callback legalBasis reportReason
  decline { reason text declinedBy } failureReason outcome { servicesDelivered text } version createdAt updatedAt`;

export const CREATE_REFERRAL = `mutation Create($input: CreateReferralInput!) {
  createReferral(input: $input) { referral { ${REFERRAL_FIELDS} } }
}`;
export const CREATE_CHILD_SAFETY = `mutation ChildSafety($input: CreateChildSafetyReferralInput!) {
  createChildSafetyReferral(input: $input) { referral { ${REFERRAL_FIELDS} } }
}`;
export const ADD_MESSAGE = `mutation Message($input: AddReferralMessageInput!) {
  addReferralMessage(input: $input) { message { id authorUserId authorAgencyId body createdAt } }
}`;
export const REFERRAL_BY_ID = (selection = REFERRAL_FIELDS) =>
  `query One($id: ID!) { referral(id: $id) { ${selection} } }`;
export const REFERRALS = `query Inbox($box: ReferralBox!, $status: ReferralStatus, $need: ServiceNeed, $first: Int, $after: String) {
  referrals(box: $box, status: $status, need: $need, first: $first, after: $after) {
    edges { cursor node { id status fromAgencyId toAgencyId needs } }
    pageInfo { hasNextPage endCursor }
    counts { received sent needsAction drafts }
  }
}`;

/** Each mutation of the lifecycle. */
export type Transition =
  | 'send'
  | 'acknowledge'
  | 'accept'
  | 'decline'
  | 'start'
  | 'hold'
  | 'complete'
  | 'fail'
  | 'withdraw';

export const MUTATION: Record<Transition, { name: string; input: string }> = {
  send: { name: 'sendReferral', input: 'ReferralTransitionInput' },
  acknowledge: { name: 'acknowledgeReferral', input: 'ReferralTransitionInput' },
  accept: { name: 'acceptReferral', input: 'ReferralTransitionInput' },
  decline: { name: 'declineReferral', input: 'DeclineReferralInput' },
  start: { name: 'startReferral', input: 'ReferralTransitionInput' },
  hold: { name: 'holdReferral', input: 'ReferralTransitionInput' },
  complete: { name: 'completeReferral', input: 'CompleteReferralInput' },
  fail: { name: 'failReferral', input: 'FailReferralInput' },
  withdraw: { name: 'withdrawReferral', input: 'ReferralTransitionInput' },
};

/** The audit action a transition writes (allowed or denied). */
export const auditAction = (step: Transition): string => `${step.toUpperCase()}_REFERRAL`;

export function transitionMutation(step: Transition): string {
  const { name, input } = MUTATION[step];
  return `mutation Step($input: ${input}!) { ${name}(input: $input) { referral { ${REFERRAL_FIELDS} } } }`;
}

/** The minimal extra input each transition needs to be valid. */
export function extraInput(step: Transition): Record<string, unknown> {
  switch (step) {
    case 'decline':
      return { reasonCode: 'NO_CAPACITY', declinedBy: 'PROVIDER' };
    case 'complete':
      return { outcome: { servicesDelivered: ['LEGAL'], text: 'Representation arranged' } };
    case 'fail':
      return { failureReason: 'Survivor moved out of the area' };
    default:
      return {};
  }
}

export interface ReferralNode {
  id: string;
  kind: string;
  parentReferralId: string | null;
  fromAgencyId: string;
  toAgencyId: string;
  needs: string[];
  urgency: string;
  status: string;
  responseDueAt: string | null;
  notes: string | null;
  survivorId: string | null;
  consentId: string | null;
  sharedClasses: string[];
  language: string | null;
  ageBand: string | null;
  callback: string | null;
  legalBasis: string | null;
  reportReason: string | null;
  decline: { reason: string; text: string | null; declinedBy: string } | null;
  failureReason: string | null;
  outcome: { servicesDelivered: string[]; text: string | null } | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface InboxEdge {
  cursor: string;
  node: { id: string; status: string; fromAgencyId: string; toAgencyId: string; needs: string[] };
}
export type InboxPage = {
  referrals: {
    edges: InboxEdge[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    counts: { received: number; sent: number; needsAction: number; drafts: number };
  };
};

/** A valid de-identified referral from Harbor Light to Safe Passage. */
export function deidentified(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    toAgencyId: SAFE_PASSAGE,
    needs: ['LEGAL'],
    urgency: 'ROUTINE',
    language: 'es',
    ageBand: 'AGE_25_34',
    callback: 'Call Harbor Light intake, ask for case desk 3',
    ...overrides,
  };
}

export async function createReferral(
  hub: TestHub,
  user: string,
  input: Record<string, unknown>,
): Promise<ReferralNode> {
  const response = await hub.gql<{ createReferral: { referral: ReferralNode } }>(
    CREATE_REFERRAL,
    { input },
    { user },
  );
  return ok(response).createReferral.referral;
}

export type TransitionResponse = GraphqlResponse<Record<string, { referral: ReferralNode }>>;

export function transition(
  hub: TestHub,
  user: string,
  step: Transition,
  input: Record<string, unknown>,
): Promise<TransitionResponse> {
  return hub.gql<Record<string, { referral: ReferralNode }>>(transitionMutation(step), { input }, { user });
}

/** Runs a transition that must succeed; returns the referral it answers with. */
export async function move(
  hub: TestHub,
  user: string,
  step: Transition,
  referral: { id: string; version: number },
  extra: Record<string, unknown> = extraInput(step),
): Promise<ReferralNode> {
  const response = await transition(hub, user, step, {
    referralId: referral.id,
    expectedVersion: referral.version,
    ...extra,
  });
  return ok(response)[MUTATION[step].name].referral;
}

type Step = [Transition, 'sender' | 'recipient'];
const TO_ACCEPTED: Step[] = [
  ['send', 'sender'],
  ['acknowledge', 'recipient'],
  ['accept', 'recipient'],
];
const TO_IN_PROGRESS: Step[] = [...TO_ACCEPTED, ['start', 'recipient']];

/** The path from DRAFT to each status, with who takes each step. */
const PATHS: Record<string, Step[]> = {
  DRAFT: [],
  SENT: [['send', 'sender']],
  ACKNOWLEDGED: TO_ACCEPTED.slice(0, 2),
  ACCEPTED: TO_ACCEPTED,
  IN_PROGRESS: TO_IN_PROGRESS,
  ON_HOLD: [...TO_IN_PROGRESS, ['hold', 'recipient']],
  COMPLETED: [...TO_IN_PROGRESS, ['complete', 'recipient']],
  DECLINED: [
    ['send', 'sender'],
    ['decline', 'recipient'],
  ],
  FAILED: [...TO_IN_PROGRESS, ['fail', 'recipient']],
  WITHDRAWN: [
    ['send', 'sender'],
    ['withdraw', 'sender'],
  ],
};

/**
 * A new referral in `status`, created and moved there through the API. Default: de-identified,
 * Harbor Light (ngo.caseworker) → Safe Passage (legal.caseworker).
 */
export async function referralAt(
  hub: TestHub,
  status: string,
  options: { sender?: string; recipient?: string; input?: Record<string, unknown> } = {},
): Promise<ReferralNode> {
  const sender = options.sender ?? 'ngo.caseworker';
  const recipient = options.recipient ?? 'legal.caseworker';
  const path = PATHS[status];
  if (!path) throw new Error(`no path to ${status}`);
  let referral = await createReferral(hub, sender, deidentified(options.input));
  for (const [step, who] of path) {
    referral = await move(hub, who === 'sender' ? sender : recipient, step, referral);
  }
  expect(referral.status).toBe(status);
  return referral;
}

// ---------------------------------------------------------------------------------------------
// Snapshots

export type Row = Record<string, unknown>;

export const TABLES = [
  'referral',
  'record_event',
  'record_message',
  'notification',
  'outbox',
  'consent_grant',
] as const;
export type Table = (typeof TABLES)[number];

export interface Snapshot {
  tables: Record<Table, Row[]>;
  auditMaxId: number;
}

/** Every row (with its transaction id) of each table a referral change can touch, read as the owner. */
export function snapshot(hub: TestHub): Promise<Snapshot> {
  return hub.asOwner(async (ds) => {
    const tables = {} as Record<Table, Row[]>;
    for (const table of TABLES) {
      const rows = (await ds.query(
        `SELECT t.*, t.xmin::text AS xmin FROM ${table} t ORDER BY t.id`,
      )) as Row[];
      // bigint ids come back as text already; uuids are text: one key type for every table.
      tables[table] = rows.map((row) => ({ ...row, id: String(row.id) }));
    }
    const [audit] = (await ds.query(`SELECT coalesce(max(id), 0)::text AS max FROM audit_event`)) as {
      max: string;
    }[];
    return { tables, auditMaxId: Number(audit.max) };
  });
}

export interface AuditRow {
  id: string;
  xmin: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_agency_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  fields: string[];
  purpose: string | null;
  decision: string;
  reason: string | null;
}

/**
 * The audit rows written since the snapshot. SIGN_IN rows (the first request seen with a new
 * token) are about the session, not about what the request did, and are left out.
 */
export function auditSince(hub: TestHub, before: { auditMaxId: number }): Promise<AuditRow[]> {
  return hub.asOwner(
    (ds) =>
      ds.query(
        `SELECT id::text, xmin::text AS xmin, occurred_at, actor_user_id, actor_agency_id, action, subject_type,
                subject_id, fields, purpose, decision, reason
           FROM audit_event WHERE id > $1 AND action <> 'SIGN_IN' ORDER BY id`,
        [before.auditMaxId],
      ) as Promise<AuditRow[]>,
  );
}

/** An audit row without its id, transaction id and time, for comparisons. */
export function auditContent(row: AuditRow): Omit<AuditRow, 'id' | 'xmin' | 'occurred_at'> {
  const { id: _id, xmin: _xmin, occurred_at: _at, ...rest } = row;
  return rest;
}

export interface TableChanges {
  added: Row[];
  changed: { before: Row; after: Row }[];
  removed: Row[];
}

/** What changed in each table between two snapshots. */
export function changes(before: Snapshot, after: Snapshot): Record<Table, TableChanges> {
  const result = {} as Record<Table, TableChanges>;
  for (const table of TABLES) {
    const old = new Map(before.tables[table].map((row) => [row.id as string, row]));
    const now = new Map(after.tables[table].map((row) => [row.id as string, row]));
    result[table] = {
      added: [...now.values()].filter((row) => !old.has(row.id as string)),
      changed: [...now.values()]
        .filter((row) => old.has(row.id as string))
        .map((row) => ({ before: old.get(row.id as string) as Row, after: row }))
        .filter(({ before: b, after: a }) => JSON.stringify(b) !== JSON.stringify(a)),
      removed: [...old.values()].filter((row) => !now.has(row.id as string)),
    };
  }
  return result;
}

export const NO_CHANGE: TableChanges = { added: [], changed: [], removed: [] };

/** The codes of every error of a response. */
export function codes(response: { body: GraphqlResponse['body'] }): (string | undefined)[] {
  return (response.body.errors ?? []).map((e) => e.extensions?.code);
}

/** Moves a referral's response deadline into the past, as the owner (simulates time passing). */
export async function pastDeadline(hub: TestHub, referralId: string, minutesAgo = 5): Promise<void> {
  await hub.asOwner((ds) =>
    ds.query(`UPDATE referral SET response_due_at = now() - make_interval(mins => $2) WHERE id = $1`, [
      referralId,
      minutesAgo,
    ]),
  );
}
