import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DEMO_PASSWORD } from '@hub/demo-data';
import type { GraphqlResponse, TestHub } from '@hub/testing';
import { createReferral, move, ReferralNode, SAFE_PASSAGE } from './referrals-lifecycle-support';
import {
  consentInput,
  ConsentNode,
  createSurvivor,
  ok,
  personalData,
  recordConsent,
  SurvivorNode,
  tag,
} from './survivor-support';

/**
 * Shared by the audit and break-glass suites: requests with a chosen request id, the audit rows a
 * request wrote, fresh sign-ins, and a survivor referred to Safe Passage under consent.
 */

export interface AuditRow {
  id: string;
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
  request_id: string | null;
  subject_agency_ids: string[];
}

/** A request id of the shape the API accepts from a proxy (8–128 of [A-Za-z0-9._:-]). */
export const newRequestId = (prefix = 'req'): string => `${prefix}-${randomBytes(8).toString('hex')}`;

export interface SentRequest<T> {
  status: number;
  body: GraphqlResponse<T>['body'];
  /** The X-Request-Id the API answered with. */
  requestId: string;
}

/**
 * POST /graphql as a demo user (their already signed-in token) or with a raw token, sending our own
 * X-Request-Id; answers the body and the request id the API echoed.
 */
export async function send<T = Record<string, unknown>>(
  hub: TestHub,
  as: { user?: string; token?: string },
  query: string,
  variables: Record<string, unknown> = {},
  requestId: string | null = newRequestId(),
): Promise<SentRequest<T>> {
  const token = as.token ?? (as.user ? await hub.idp.tokenFor(as.user) : undefined);
  const call = request(hub.url).post('/graphql').set('content-type', 'application/json');
  if (token) call.set('authorization', `Bearer ${token}`);
  if (requestId !== null) call.set('x-request-id', requestId);
  const response = await call.send({ query, variables });
  return {
    status: response.status,
    body: response.body as GraphqlResponse<T>['body'],
    requestId: String(response.headers['x-request-id']),
  };
}

/** A new access token from the password grant, as a client signing in gets it. */
export async function freshToken(hub: TestHub, username: string): Promise<string> {
  const response = await fetch(`${hub.idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'hub-cli',
      username,
      password: DEMO_PASSWORD,
    }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token for ${username}`);
  return body.access_token;
}

const AUDIT_COLUMNS = `id::text, occurred_at, actor_user_id, actor_agency_id::text, action, subject_type, subject_id,
  fields, purpose, decision, reason, request_id, subject_agency_ids::text[]`;

/** The audit rows a request wrote (read as the owner), oldest first. */
export function auditOfRequest(hub: TestHub, requestId: string): Promise<AuditRow[]> {
  return hub.asOwner(
    (ds) =>
      ds.query(`SELECT ${AUDIT_COLUMNS} FROM audit_event WHERE request_id = $1 ORDER BY id`, [
        requestId,
      ]) as Promise<AuditRow[]>,
  );
}

/** Audit rows matching a SQL condition (read as the owner), oldest first. */
export function auditWhere(hub: TestHub, condition: string, params: unknown[] = []): Promise<AuditRow[]> {
  return hub.asOwner(
    (ds) =>
      ds.query(`SELECT ${AUDIT_COLUMNS} FROM audit_event WHERE ${condition} ORDER BY id`, params) as Promise<
        AuditRow[]
      >,
  );
}

export async function auditMaxId(hub: TestHub): Promise<number> {
  const [row] = await hub.asOwner(
    (ds) =>
      ds.query(`SELECT coalesce(max(id), 0)::text AS max FROM audit_event`) as Promise<{ max: string }[]>,
  );
  return Number(row.max);
}

export interface ReferredSurvivor {
  survivor: SurvivorNode;
  personal: ReturnType<typeof personalData>;
  consent: ConsentNode;
  referral: ReferralNode;
}

/**
 * A Harbor Light survivor (ngo.caseworker) with a consent for Safe Passage (IDENTITY, CONTACT,
 * NEEDS; SERVICE) and a referral to Safe Passage sharing IDENTITY and NEEDS, sent.
 */
export async function referredSurvivor(
  hub: TestHub,
  options: {
    consent?: Record<string, unknown>;
    referral?: Record<string, unknown>;
    status?: 'DRAFT' | 'SENT';
  } = {},
): Promise<ReferredSurvivor> {
  const personal = personalData(tag());
  const survivor = await createSurvivor(hub, 'ngo.caseworker', personal);
  const consent = await recordConsent(
    hub,
    'ngo.caseworker',
    consentInput(survivor.id, {
      recipientAgencyIds: [SAFE_PASSAGE],
      dataClasses: ['IDENTITY', 'CONTACT', 'NEEDS'],
      ...options.consent,
    }),
  );
  const draft = await createReferral(hub, 'ngo.caseworker', {
    toAgencyId: SAFE_PASSAGE,
    needs: ['IMMIGRATION_LEGAL'],
    urgency: 'URGENT',
    survivorId: survivor.id,
    consentId: consent.id,
    sharedClasses: ['IDENTITY', 'NEEDS'],
    ...options.referral,
  });
  const referral = options.status === 'DRAFT' ? draft : await move(hub, 'ngo.caseworker', 'send', draft);
  return { survivor, personal, consent, referral };
}

export { ok };
