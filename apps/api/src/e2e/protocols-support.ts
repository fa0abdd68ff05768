import { randomUUID } from 'node:crypto';
import { DEMO_AGENCY_IDS, DEMO_TASK_FORCE } from '@hub/demo-data';
import type { GraphqlResponse, TestHub } from '@hub/testing';
import { must, rows } from './e2e-support';

/** GraphQL documents and helpers shared by the protocol suites. */

const VERSION_FIELDS = `id number title state body summaryOfChanges effectiveDate reviewBy requiresAcknowledgement dueForReview publishedAt`;
export const PROTOCOL_FIELDS = `id taskForceId ownerAgencyId title category audience state version dueForReview
  currentVersion { ${VERSION_FIELDS} } draft { ${VERSION_FIELDS} } versions { id number state }`;

export const CREATE = `mutation($input: CreateProtocolInput!) { createProtocol(input: $input) { protocol { ${PROTOCOL_FIELDS} } } }`;
export const UPDATE = `mutation($input: UpdateProtocolDraftInput!) { updateProtocolDraft(input: $input) { protocol { ${PROTOCOL_FIELDS} } } }`;
export const PUBLISH = `mutation($input: PublishProtocolVersionInput!) { publishProtocolVersion(input: $input) { protocol { ${PROTOCOL_FIELDS} } } }`;
export const ARCHIVE = `mutation($input: ArchiveProtocolInput!) { archiveProtocol(input: $input) { protocol { ${PROTOCOL_FIELDS} } } }`;
export const ACKNOWLEDGE = `mutation($input: AcknowledgeProtocolInput!) { acknowledgeProtocol(input: $input) { acknowledgement { versionId protocolId agencyId acknowledgedBy acknowledgedAt } } }`;
export const READ = `query($id: ID!) { protocol(id: $id) { ${PROTOCOL_FIELDS} } }`;
export const LIST = `query($taskForceId: ID, $category: ProtocolCategory, $state: ProtocolState, $text: String, $first: Int, $after: String) {
  protocols(taskForceId: $taskForceId, category: $category, state: $state, text: $text, first: $first, after: $after) {
    edges { cursor node { id title state category } } pageInfo { hasNextPage endCursor } } }`;
export const PENDING = `query($first: Int, $after: String) { pendingAcknowledgements(first: $first, after: $after) {
  edges { cursor node { id number title protocolId protocol { id title } } } pageInfo { hasNextPage endCursor } } }`;
export const STATUSES = `query($id: ID!) { protocol(id: $id) { versions { id number state acknowledgements { agencyId acknowledged acknowledgedAt acknowledgedBy agency { id name } } } } }`;

export interface VersionView {
  id: string;
  number: number;
  title: string;
  state: string;
  body: string;
  summaryOfChanges: string | null;
  effectiveDate: string | null;
  reviewBy: string | null;
  requiresAcknowledgement: boolean;
  dueForReview: boolean;
  publishedAt: string | null;
}
export interface ProtocolView {
  id: string;
  taskForceId: string;
  ownerAgencyId: string;
  title: string;
  category: string;
  audience: string[];
  state: string;
  version: number;
  dueForReview: boolean;
  currentVersion: VersionView | null;
  draft: VersionView | null;
  versions: { id: string; number: number; state: string }[];
}

export const COORDINATOR = 'tf.coordinator';

export function protocolInput(overrides: Record<string, unknown> = {}) {
  return {
    taskForceId: DEMO_TASK_FORCE.id,
    title: `Referral protocol ${randomUUID().slice(0, 8)}`,
    category: 'REFERRAL',
    audience: ['NGO', 'LAW_ENFORCEMENT'],
    body: '# Referral\n\n1. Call the intake line.\n2. Send the referral through the hub.',
    summaryOfChanges: 'First version',
    reviewBy: '2099-01-01',
    requiresAcknowledgement: true,
    ...overrides,
  };
}

/** The payload's protocol, failing the test with the errors when there is none. */
export function protocolOf(
  response: GraphqlResponse<Record<string, { protocol: ProtocolView }>>,
): ProtocolView {
  if (response.body.errors) throw new Error(`unexpected errors: ${JSON.stringify(response.body.errors)}`);
  const payload = Object.values(must(response.body.data, 'data'))[0];
  return must(payload?.protocol, 'protocol');
}

export async function createProtocol(
  hub: TestHub,
  overrides: Record<string, unknown> = {},
  user = COORDINATOR,
): Promise<ProtocolView> {
  return protocolOf(await hub.gql(CREATE, { input: protocolInput(overrides) }, { user }));
}

/** Creates a protocol and publishes its first draft. */
export async function publishedProtocol(
  hub: TestHub,
  overrides: Record<string, unknown> = {},
): Promise<ProtocolView> {
  const created = await createProtocol(hub, overrides);
  const draft = must(created.draft, 'draft');
  return protocolOf(await hub.gql(PUBLISH, { input: { versionId: draft.id } }, { user: COORDINATOR }));
}

/** Starts (or changes) the draft of a protocol as the coordinator. */
export async function editDraft(
  hub: TestHub,
  protocol: ProtocolView,
  changes: Record<string, unknown>,
): Promise<ProtocolView> {
  return protocolOf(
    await hub.gql(
      UPDATE,
      { input: { protocolId: protocol.id, expectedVersion: protocol.version, ...changes } },
      { user: COORDINATOR },
    ),
  );
}

/** The DENIED audit events recorded so far for a subject. */
export async function deniedFor(
  hub: TestHub,
  subjectId: string,
): Promise<{ action: string; actor_user_id: string }[]> {
  return rows(
    hub,
    `SELECT action, actor_user_id FROM audit_event WHERE subject_id = $1 AND decision = 'DENIED' ORDER BY id`,
    [subjectId],
  );
}

export const OUTSIDE_TASK_FORCE = '7f3c2a10-8e4b-4d2c-a1f0-0000000000f2';
export const OUTSIDE_AGENCY = '0a6e1d3c-5b1f-4c11-9d1a-0000000000f2';

/**
 * A second task force with its own coordinating agency, of which no demo agency but the Bayview
 * police is a member, and a published protocol there addressed to NGOs, law enforcement and
 * coordinators (written as the owner: no demo user may create one there).
 */
export async function seedOutsideTaskForce(hub: TestHub): Promise<{ protocolId: string; versionId: string }> {
  return hub.asOwner(async (ds) => {
    await ds.query(
      `INSERT INTO agency (id, name, type, jurisdiction) VALUES ($1, 'Harbor County Task Force Office', 'COORDINATOR', 'Harbor County')`,
      [OUTSIDE_AGENCY],
    );
    await ds.query(
      `INSERT INTO task_force (id, name, jurisdiction) VALUES ($1, 'Harbor County Task Force', 'Harbor County')`,
      [OUTSIDE_TASK_FORCE],
    );
    await ds.query(
      `INSERT INTO task_force_membership (task_force_id, agency_id, role) VALUES ($1, $2, 'MEMBER'), ($1, $3, 'MEMBER')`,
      [OUTSIDE_TASK_FORCE, OUTSIDE_AGENCY, DEMO_AGENCY_IDS.bayviewPolice],
    );
    return insertPublished(ds, OUTSIDE_TASK_FORCE, OUTSIDE_AGENCY, {
      title: 'Harbor County information-sharing agreement',
      audience: ['NGO', 'LAW_ENFORCEMENT', 'COORDINATOR'],
      reviewBy: '2099-01-01',
    });
  });
}

/** A published protocol written directly as the owner (e.g. one already past its review-by date). */
export async function insertPublished(
  ds: { query(sql: string, params?: unknown[]): Promise<unknown> },
  taskForceId: string,
  ownerAgencyId: string,
  content: { title: string; audience: string[]; reviewBy: string },
): Promise<{ protocolId: string; versionId: string }> {
  const [{ id: protocolId }] = (await ds.query(
    `INSERT INTO protocol (task_force_id, owner_agency_id, title, category, audience, created_by, search)
     VALUES ($1, $2, $3, 'INFORMATION_SHARING', $4, 'seed', to_tsvector('english', $3)) RETURNING id`,
    [taskForceId, ownerAgencyId, content.title, content.audience],
  )) as { id: string }[];
  const [{ id: versionId }] = (await ds.query(
    `INSERT INTO protocol_version (protocol_id, number, title, category, audience, body, effective_date, review_by,
       requires_acknowledgement, state, created_by, published_at, published_by)
     VALUES ($1, 1, $2, 'INFORMATION_SHARING', $3, 'Who may share what.', '2019-01-01', $4, true, 'PUBLISHED', 'seed', now(), 'seed')
     RETURNING id`,
    [protocolId, content.title, content.audience, content.reviewBy],
  )) as { id: string }[];
  await ds.query(
    `UPDATE protocol SET status = 'PUBLISHED', current_version_id = $2, first_published_at = now() WHERE id = $1`,
    [protocolId, versionId],
  );
  return { protocolId, versionId };
}
