import { randomBytes } from 'node:crypto';
import { DEMO_AGENCY_IDS } from '@hub/demo-data';
import { bornYearsAgo, expectOnlyDenied, type GraphqlResponse, type TestHub } from '@hub/testing';

/**
 * Shared by survivors.spec.ts and consents.spec.ts: operations, demo-user facts, the consent input
 * of consent-flow.spec.ts, and database snapshots for "nothing changed" / "only a DENIED audit row".
 */

export const DAY = 24 * 60 * 60 * 1000;

export const HARBOR = DEMO_AGENCY_IDS.harborLight;
export const SAFE_PASSAGE = DEMO_AGENCY_IDS.safePassage;
export const POLICE = DEMO_AGENCY_IDS.bayviewPolice;
export const FEDERAL = DEMO_AGENCY_IDS.federalVictimAssistance;

export const PERSONAL_SELECTION = `givenName familyName aliases dateOfBirth gender phone email address
  safeContact { safeTimes safeMethod doNotContact } needs { need priority } preferredLanguage interpreterNeeded
  situationSummary caseNotes immigrationStatus immigrationDocuments medicalNotes mentalHealthNotes substanceUseNotes`;
export const SURVIVOR_SELECTION = `id reference ownerAgencyId minor ageBand version createdAt updatedAt ${PERSONAL_SELECTION}`;

export const CREATE_SURVIVOR = `mutation Create($input: CreateSurvivorInput!) {
  createSurvivor(input: $input) { survivor { ${SURVIVOR_SELECTION} } }
}`;
export const UPDATE_SURVIVOR = `mutation Update($input: UpdateSurvivorInput!) {
  updateSurvivor(input: $input) { survivor { ${SURVIVOR_SELECTION} } }
}`;
export const SURVIVOR_BY_ID = (selection = SURVIVOR_SELECTION) =>
  `query One($id: ID!) { survivor(id: $id) { ${selection} } }`;
export const SURVIVORS = (selection = 'id reference') => `query List(
  $first: Int, $after: String, $ownedOnly: Boolean, $minor: Boolean, $reference: String
) {
  survivors(first: $first, after: $after, ownedOnly: $ownedOnly, minor: $minor, reference: $reference) {
    edges { cursor node { ${selection} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

const CONSENT_SELECTION = `id survivorId ownerAgencyId status recipientAgencyIds purposes dataClasses validFrom validUntil
  grantor { type name relationship notSuspectedAttested } obtainedHow language interpreterUsed interpreterName
  acknowledgements { rightToRevoke notConditionOfService redisclosureRisk } documentReference recordedBy recordedAt
  revocation { revokedAt revokedBy revokedByAgencyId channel reason }`;
export const RECORD_CONSENT = `mutation Record($input: RecordConsentInput!) {
  recordConsent(input: $input) { consent { ${CONSENT_SELECTION} } }
}`;
export const REVOKE_CONSENT = `mutation Revoke($input: RevokeConsentInput!) {
  revokeConsent(input: $input) { consent { ${CONSENT_SELECTION} } }
}`;
export const CONSENTS = `query Consents($survivorId: ID!) { consents(survivorId: $survivorId) { ${CONSENT_SELECTION} } }`;
export const NOTIFICATIONS = `{ notifications(first: 100) { edges { node { id eventType subjectType subjectId message } } } }`;

export interface SurvivorNode {
  id: string;
  reference: string;
  ownerAgencyId: string;
  minor: boolean;
  ageBand: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  [field: string]: unknown;
}
export interface ConsentNode {
  id: string;
  survivorId: string;
  ownerAgencyId: string;
  status: string;
  recipientAgencyIds: string[];
  purposes: string[];
  dataClasses: string[];
  validFrom: string;
  validUntil: string;
  grantor: { type: string; name: string | null; relationship: string | null; notSuspectedAttested: boolean };
  recordedBy: string;
  revocation: {
    revokedAt: string;
    revokedBy: string;
    revokedByAgencyId: string;
    channel: string;
    reason: string | null;
  } | null;
  [field: string]: unknown;
}
export type SurvivorPage = {
  survivors: {
    edges: { cursor: string; node: SurvivorNode }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
export type NotificationFeed = {
  notifications: {
    edges: {
      node: { id: string; eventType: string; subjectType: string; subjectId: string; message: string };
    }[];
  };
};

/** A short unique tag, so personal values of one test are recognisable anywhere (audit, notifications). */
export const tag = (): string => randomBytes(4).toString('hex');

/** Distinctive personal data (every value unique to `t`), for create inputs. */
export function personalData(t: string) {
  return {
    givenName: `Amaru${t}`,
    familyName: `Quispe${t}`,
    aliases: [`Mara${t}`],
    dateOfBirth: bornYearsAgo(30),
    gender: `gender-${t}`,
    phone: `+1 555 ${parseInt(t.slice(0, 4), 16) % 10000}`.padEnd(14, '7'),
    email: `amaru.${t}@example.org`,
    address: `${t} Hidden Lane`,
    safeContact: { safeTimes: `after 6pm ${t}`, safeMethod: `text only ${t}`, doNotContact: false },
    needs: [
      { need: 'LEGAL', priority: 'HIGH' },
      { need: 'HOUSING_AND_SHELTER', priority: 'MEDIUM' },
    ],
    preferredLanguage: 'es',
    interpreterNeeded: true,
    situationSummary: `Labour trafficking in agriculture ${t}.`,
    caseNotes: `Met at clinic ${t}.`,
    immigrationStatus: `Undocumented ${t}`,
    immigrationDocuments: `Passport held by employer ${t}`,
    medicalNotes: `Back injury ${t}`,
    mentalHealthNotes: `Anxiety ${t}`,
    substanceUseNotes: `None reported ${t}`,
  };
}

/** The string values of a personal-data object (what must never appear in audit rows or notifications). */
export function personalStrings(data: Record<string, unknown>): string[] {
  const out: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string' && value.length >= 6) out.push(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') Object.values(value).forEach(visit);
  };
  visit(data);
  return out;
}

/** A valid consent input (as in consent-flow.spec.ts): SELF, Safe Passage, SERVICE, 60 days. */
export function consentInput(
  survivorId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { survivorId: string; validUntil: string; validFrom?: string } {
  return {
    survivorId,
    grantor: { type: 'SELF' },
    recipientAgencyIds: [SAFE_PASSAGE],
    purposes: ['SERVICE'],
    dataClasses: ['IDENTITY', 'CONTACT', 'NEEDS'],
    validUntil: new Date(Date.now() + 60 * DAY).toISOString(),
    obtainedHow: 'WRITTEN',
    language: 'es',
    interpreterUsed: true,
    interpreterName: 'Certified interpreter #42',
    acknowledgements: { rightToRevoke: true, notConditionOfService: true, redisclosureRisk: true },
    documentReference: 'DMS-2026-0042',
    ...overrides,
  };
}

type Body = GraphqlResponse['body'];

/** Asserts a single error with the contract code and no data; returns the error. */
export function expectError(response: { body: Body }, code: string) {
  expect(response.body.errors?.map((e) => e.extensions?.code)).toEqual([code]);
  expect(response.body.data ?? null).toBeNull();
  return (response.body.errors ?? [])[0];
}

/**
 * `user` revoking `consentId` is told it does not exist (NOT_FOUND), and only the refusal is
 * written (a DENIED row for auditors); the error is returned.
 */
export async function expectRevocationHidden(hub: TestHub, user: string, consentId: string) {
  const before = await hub.watermark();
  const error = expectError(
    await hub.gql(REVOKE_CONSENT, { input: { consentId, channel: 'PHONE' } }, { user }),
    'NOT_FOUND',
  );
  await expectOnlyDenied(hub, before, {
    user,
    action: 'REVOKE_CONSENT',
    subjectType: 'Consent',
    subjectId: consentId,
    reason: 'NOT_FOUND',
  });
  return error;
}

/** The data of a successful response (fails the test with the errors otherwise). */
export function ok<T>(response: { body: { data?: T | null; errors?: unknown } }): T {
  expect(response.body.errors).toBeUndefined();
  const data = response.body.data;
  if (data === null || data === undefined) throw new Error('expected data');
  return data;
}

export interface AuditRow {
  id: string;
  xmin: string;
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

/** Everything a survivor/consent change could touch, read as the database owner. */
export interface DbState {
  survivors: Record<string, unknown>[];
  consents: Record<string, unknown>[];
  grants: Record<string, unknown>[];
  revocations: Record<string, unknown>[];
  notifications: Record<string, unknown>[];
  outbox: Record<string, unknown>[];
  auditMaxId: number;
}

export function dbState(hub: TestHub): Promise<DbState> {
  return hub.asOwner(async (ds) => {
    const q = (sql: string) => ds.query(sql) as Promise<Record<string, unknown>[]>;
    const [survivors, consents, grants, revocations, notifications, outbox, audit] = await Promise.all([
      q(`SELECT *, xmin::text AS xmin FROM survivor ORDER BY id`),
      q(`SELECT *, xmin::text AS xmin FROM consent ORDER BY id`),
      q(`SELECT *, xmin::text AS xmin FROM consent_grant ORDER BY id`),
      q(`SELECT *, xmin::text AS xmin FROM consent_revocation ORDER BY consent_id`),
      q(`SELECT *, xmin::text AS xmin FROM notification ORDER BY id`),
      q(`SELECT *, xmin::text AS xmin FROM outbox ORDER BY id`),
      q(`SELECT coalesce(max(id), 0)::bigint::text AS max FROM audit_event`),
    ]);
    return {
      survivors,
      consents,
      grants,
      revocations,
      notifications,
      outbox,
      auditMaxId: Number(audit[0].max),
    };
  });
}

export function auditSince(hub: TestHub, before: { auditMaxId: number }): Promise<AuditRow[]> {
  return hub.asOwner(
    (ds) =>
      ds.query(
        `SELECT id::text, xmin::text AS xmin, actor_user_id, actor_agency_id, action, subject_type, subject_id,
                fields, purpose, decision, reason
           FROM audit_event WHERE id > $1 ORDER BY id`,
        [before.auditMaxId],
      ) as Promise<AuditRow[]>,
  );
}

/** Rows of a table as the owner. */
export function ownerQuery<T = Record<string, unknown>>(
  hub: TestHub,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  return hub.asOwner((ds) => ds.query(sql, params) as Promise<T[]>);
}

/**
 * Time passes for one consent: it and its grants ran from 20 days ago to yesterday, so it reads
 * EXPIRED and grants nothing (the consent row is immutable for the API role; the owner moves it).
 */
export async function endConsent(hub: TestHub, consentId: string): Promise<void> {
  for (const [table, column] of [
    ['consent', 'id'],
    ['consent_grant', 'consent_id'],
  ]) {
    await ownerQuery(
      hub,
      `UPDATE ${table} SET valid_from = now() - interval '20 days', valid_until = now() - interval '1 day' WHERE ${column} = $1`,
      [consentId],
    );
  }
}

/**
 * The oracle of DESIGN.md §4, written independently of the policy: the survivors an agency's staff
 * member sees, newest first — own, or a live grant for the reader's purpose (and never a minor for
 * law enforcement).
 */
export async function visibleIds(
  hub: TestHub,
  reader: { agencyId: string; purpose: 'SERVICE' | 'INVESTIGATION'; lawEnforcement: boolean },
): Promise<string[]> {
  const rows = await ownerQuery<{ id: string }>(
    hub,
    `SELECT s.id FROM survivor s
      WHERE s.owner_agency_id = $1
         OR (EXISTS (SELECT 1 FROM consent_grant g
                      WHERE g.survivor_id = s.id AND g.agency_id = $1 AND $2 = ANY (g.purposes)
                        AND g.revoked_at IS NULL AND g.valid_from <= now() AND g.valid_until > now())
             AND NOT ($3 AND (s.minor OR (s.date_of_birth IS NOT NULL
                                          AND s.date_of_birth > (now() AT TIME ZONE 'UTC' - interval '18 years')::date))))
      ORDER BY s.created_at DESC, s.id DESC`,
    [reader.agencyId, reader.purpose, reader.lawEnforcement],
  );
  return rows.map((row) => row.id);
}

/** Walks `survivors` page by page; returns every node id in order and the number of pages. */
export async function walkSurvivors(
  hub: TestHub,
  user: string,
  first: number,
  filters: Record<string, unknown> = {},
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const response: GraphqlResponse<SurvivorPage> = await hub.gql<SurvivorPage>(
      SURVIVORS(),
      { first, after, ...filters },
      { user },
    );
    const page: SurvivorPage['survivors'] = ok(response).survivors;
    pages += 1;
    expect(page.edges.length).toBeLessThanOrEqual(first);
    ids.push(...page.edges.map((e) => e.node.id));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
    if (pages > 500) throw new Error('pagination does not end');
  }
  return { ids, pages };
}

export async function createSurvivor(
  hub: TestHub,
  user: string,
  input: Record<string, unknown> = {},
): Promise<SurvivorNode> {
  const response = await hub.gql<{ createSurvivor: { survivor: SurvivorNode } }>(
    CREATE_SURVIVOR,
    { input },
    { user },
  );
  return ok(response).createSurvivor.survivor;
}

export async function recordConsent(
  hub: TestHub,
  user: string,
  input: Record<string, unknown>,
): Promise<ConsentNode> {
  const response = await hub.gql<{ recordConsent: { consent: ConsentNode } }>(
    RECORD_CONSENT,
    { input },
    { user },
  );
  return ok(response).recordConsent.consent;
}
