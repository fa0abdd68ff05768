import pg from 'pg';
import { testAdminUrl, TestHub } from '@hub/testing';
import { must, rows } from './e2e-support';
import { HARBOR, ok, SAFE_PASSAGE } from './survivor-support';

/**
 * Shared by referrals-concurrency.spec.ts and referrals-cost.spec.ts: operations, a referral taken
 * to a given state over HTTP, and the means to make requests meet at the database at once.
 */

export { HARBOR, SAFE_PASSAGE };

export const REFERRAL_FIELDS = `id status version needs urgency notes fromAgencyId toAgencyId`;
export const CREATE_REFERRAL = `mutation($input: CreateReferralInput!) {
  createReferral(input: $input) { referral { ${REFERRAL_FIELDS} } }
}`;
export const transitionMutation = (name: string, input = 'ReferralTransitionInput') =>
  `mutation($input: ${input}!) { ${name}(input: $input) { referral { ${REFERRAL_FIELDS} } } }`;
export const ACCEPT = transitionMutation('acceptReferral');
export const DECLINE = transitionMutation('declineReferral', 'DeclineReferralInput');

export interface ReferralNode {
  id: string;
  status: string;
  version: number;
  needs: string[];
  urgency: string;
  notes: string | null;
  fromAgencyId: string;
  toAgencyId: string;
}

/** A de-identified referral from Harbor Light to Safe Passage (valid as is). */
export function deidentifiedInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    toAgencyId: SAFE_PASSAGE,
    needs: ['LEGAL'],
    urgency: 'ROUTINE',
    language: 'es',
    callback: 'Call Harbor Light intake',
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

export async function transition(
  hub: TestHub,
  user: string,
  name: string,
  input: Record<string, unknown>,
  inputType?: string,
): Promise<ReferralNode> {
  const response = await hub.gql<Record<string, { referral: ReferralNode }>>(
    transitionMutation(name, inputType),
    { input },
    { user },
  );
  return must(ok(response)[name], name).referral;
}

/** A referral from Harbor Light that Safe Passage has acknowledged (version 3). */
export async function acknowledgedReferral(hub: TestHub): Promise<ReferralNode> {
  const draft = await createReferral(hub, 'ngo.caseworker', deidentifiedInput());
  const sent = await transition(hub, 'ngo.caseworker', 'sendReferral', {
    referralId: draft.id,
    expectedVersion: draft.version,
  });
  const acknowledged = await transition(hub, 'legal.caseworker', 'acknowledgeReferral', {
    referralId: sent.id,
    expectedVersion: sent.version,
  });
  expect(acknowledged).toMatchObject({ status: 'ACKNOWLEDGED', version: 3 });
  return acknowledged;
}

/** Client sessions of this database waiting on a lock right now (read as the server's superuser). */
export async function lockWaiters(database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: testAdminUrl() });
  await admin.connect();
  try {
    const result = await admin.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = $1 AND backend_type = 'client backend' AND wait_event_type = 'Lock'`,
      [database],
    );
    return result.rows[0].n;
  } finally {
    await admin.end();
  }
}

/** Polls until `count` sessions wait on a lock (or the time is up); returns how many did. */
export async function waitForLockWaiters(
  database: string,
  count: number,
  timeoutMs = 10_000,
): Promise<number> {
  const until = Date.now() + timeoutMs;
  let waiting = await lockWaiters(database);
  while (waiting < count && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    waiting = await lockWaiters(database);
  }
  return waiting;
}

/**
 * Makes concurrent requests meet at the database at the same moment: as the owner, on a
 * connection of its own, `hold` takes locks in an open transaction; the requests are sent and
 * block on those locks; once `expectedWaiters` sessions wait, the transaction rolls back and
 * they all go at once. Returns the responses and how many sessions were seen waiting together.
 */
export async function releasedTogether<T>(
  hub: TestHub,
  hold: (client: pg.Client) => Promise<void>,
  send: () => Promise<T>[],
  expectedWaiters: number,
): Promise<{ responses: T[]; waited: number }> {
  const locker = new pg.Client({ connectionString: hub.db.ownerUrl });
  await locker.connect();
  let pending: Promise<T>[] = [];
  let waited = 0;
  let failure: unknown = null;
  try {
    await locker.query('BEGIN');
    await hold(locker);
    pending = send();
    waited = await waitForLockWaiters(hub.db.name, expectedWaiters);
  } catch (error) {
    failure = error;
  } finally {
    await locker.query('ROLLBACK');
    await locker.end();
  }
  // Every request is awaited, whatever happened above, so none outlives the test.
  const settled = await Promise.allSettled(pending);
  if (failure) throw failure;
  const responses = settled.map((result) => {
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  });
  return { responses, waited };
}

/** Everything a transition of `referralId` writes, counted as the owner (for "exactly one" checks). */
export async function writesOf(
  hub: TestHub,
  referralId: string,
): Promise<{
  row: { status: string; version: number; decline_reason: string | null };
  events: { from_status: string | null; to_status: string; actor_user_id: string; actor_agency_id: string }[];
  audit: { action: string; decision: string; actor_user_id: string | null; actor_agency_id: string | null }[];
  notifications: { agency_id: string; event_type: string }[];
}> {
  const [row] = await rows<{ status: string; version: number; decline_reason: string | null }>(
    hub,
    `SELECT status, version, decline_reason FROM referral WHERE id = $1`,
    [referralId],
  );
  const events = await rows<{
    from_status: string | null;
    to_status: string;
    actor_user_id: string;
    actor_agency_id: string;
  }>(
    hub,
    `SELECT from_status, to_status, actor_user_id, actor_agency_id::text FROM record_event
      WHERE subject_type = 'Referral' AND subject_id = $1 ORDER BY occurred_at, id`,
    [referralId],
  );
  const audit = await rows<{
    action: string;
    decision: string;
    actor_user_id: string | null;
    actor_agency_id: string | null;
  }>(
    hub,
    `SELECT action, decision, actor_user_id, actor_agency_id::text FROM audit_event
      WHERE subject_type = 'Referral' AND subject_id = $1 ORDER BY id`,
    [referralId],
  );
  const notifications = await rows<{ agency_id: string; event_type: string }>(
    hub,
    `SELECT agency_id::text, event_type FROM notification WHERE subject_id = $1 ORDER BY created_at, id`,
    [referralId],
  );
  return { row: must(row, `referral ${referralId}`), events, audit, notifications };
}
