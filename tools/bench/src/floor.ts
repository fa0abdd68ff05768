import { createPublicKey, JsonWebKey, KeyObject, verify } from 'node:crypto';
import { createServer, ServerResponse } from 'node:http';
import { Pool } from 'pg';

/**
 * The floor: what answering W1, W2 and W3 costs at the least — node:http, pg, one SQL statement
 * per request that builds the response itself, the same visibility as the hub (a caller's agency's
 * received referrals, survivors through the owner or a live grant for the agency's purpose) and
 * the same RS256 check of the token. Its answers equal the hub's `data` (the smoke test compares
 * them). It models case staff only: an investigator is refused rather than answered wrongly.
 * Run by the harness: DATABASE_URL, ISSUER, PORT.
 */
const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  application_name: 'bench-floor',
});
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', ${ISO})`;
const EFFECTIVE_STATUS = `CASE WHEN r.status IN ('SENT', 'ACKNOWLEDGED') AND (r.response_due_at <= now() OR
  (r.consent_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM consent_grant cg WHERE cg.consent_id = r.consent_id
   AND cg.agency_id = r.to_agency_id AND cg.revoked_at IS NULL AND cg.valid_from <= now() AND cg.valid_until > now())))
  THEN 'EXPIRED' ELSE r.status END`;
const ME = `me AS (SELECT CASE WHEN type IN ('LAW_ENFORCEMENT', 'PROSECUTOR') THEN 'INVESTIGATION' ELSE 'SERVICE' END AS purpose FROM agency WHERE id = $1)`;
const SURVIVOR = `(SELECT json_build_object('reference', s.reference) FROM survivor s WHERE s.id = r.survivor_id
  AND (s.owner_agency_id = $1 OR EXISTS (SELECT 1 FROM consent_grant g WHERE g.survivor_id = s.id AND g.agency_id = $1
    AND g.revoked_at IS NULL AND g.valid_from <= now() AND g.valid_until > now() AND g.purposes @> ARRAY[me.purpose]
    AND CASE WHEN me.purpose = 'SERVICE' THEN g.user_id IS NULL OR g.user_id = $2 ELSE g.basis = 'CHILD_SAFETY' OR (g.basis = 'CONSENT'
      AND NOT (s.minor OR s.date_of_birth > (now() AT TIME ZONE 'UTC' - interval '18 years')::date)) END)))`;
const AGENCY = (column: string) =>
  `(SELECT json_build_object('id', a.id, 'name', a.name) FROM agency a WHERE a.id = ${column})`;
const SQL = {
  inbox: `WITH ${ME}, page AS (SELECT r.*, row_number() OVER (ORDER BY r.created_at DESC, r.id DESC) AS n FROM referral r
      WHERE r.to_agency_id = $1 AND r.sent_at IS NOT NULL ORDER BY r.created_at DESC, r.id DESC LIMIT $3::int + 1)
    SELECT json_build_object('data', json_build_object('referrals', json_build_object('edges', COALESCE(json_agg(json_build_object('node',
      json_build_object('id', r.id, 'status', ${EFFECTIVE_STATUS}, 'urgency', r.urgency, 'needs', r.needs, 'createdAt', ${iso('r.created_at')},
        'fromAgency', ${AGENCY('r.from_agency_id')}, 'survivor', ${SURVIVOR},
        'lastEvent', (SELECT json_build_object('toStatus', e.to_status, 'occurredAt', ${iso('e.occurred_at')}) FROM record_event e
          WHERE e.subject_type = 'Referral' AND e.subject_id = r.id ORDER BY e.occurred_at DESC, e.id DESC LIMIT 1)))
      ORDER BY r.n) FILTER (WHERE r.n <= $3::int), '[]'), 'pageInfo', json_build_object('hasNextPage', count(*) > $3::int))))::text AS body
    FROM page r CROSS JOIN me`,
  referral: `WITH ${ME} SELECT json_build_object('data', json_build_object('referral', json_build_object('id', r.id,
      'status', ${EFFECTIVE_STATUS}, 'urgency', r.urgency, 'needs', r.needs, 'createdAt', ${iso('r.created_at')},
      'fromAgency', ${AGENCY('r.from_agency_id')}, 'toAgency', ${AGENCY('r.to_agency_id')}, 'survivor', ${SURVIVOR},
      'events', (SELECT COALESCE(json_agg(json_build_object('fromStatus', e.from_status, 'toStatus', e.to_status, 'reason', e.reason,
        'occurredAt', ${iso('e.occurred_at')}) ORDER BY e.occurred_at, e.id), '[]') FROM record_event e WHERE e.subject_type = 'Referral' AND e.subject_id = r.id),
      'messages', (SELECT COALESCE(json_agg(json_build_object('authorAgencyId', m.author_agency_id, 'body', m.body,
        'createdAt', ${iso('m.created_at')}) ORDER BY m.created_at, m.id), '[]') FROM record_message m WHERE m.subject_type = 'Referral' AND m.subject_id = r.id))))::text AS body
    FROM referral r CROSS JOIN me WHERE r.id = $3::uuid AND (r.from_agency_id = $1 OR (r.to_agency_id = $1 AND r.sent_at IS NOT NULL))`,
  directory: `WITH page AS (SELECT a.*, row_number() OVER (ORDER BY a.name, a.id) AS n FROM agency a WHERE a.services @> ARRAY[$1::text]
      ORDER BY a.name, a.id LIMIT $2::int + 1)
    SELECT json_build_object('data', json_build_object('directory', json_build_object('edges', COALESCE(json_agg(json_build_object('node',
      json_build_object('id', id, 'name', name, 'type', type, 'services', services, 'languages', languages, 'serviceAreas', service_areas,
        'acceptingReferrals', accepting_referrals, 'intakePhone', intake_phone, 'hours', hours, 'address',
        CASE WHEN confidential_location OR address_street IS NULL OR address_city IS NULL THEN NULL
             ELSE json_build_object('city', address_city, 'region', COALESCE(address_region, '')) END)) ORDER BY n) FILTER (WHERE n <= $2::int), '[]'),
      'pageInfo', json_build_object('hasNextPage', count(*) > $2::int))))::text AS body FROM page`,
};
const NOT_FOUND = JSON.stringify({
  data: null,
  errors: [{ message: 'not found', extensions: { code: 'NOT_FOUND' } }],
});

let keys = new Map<string, KeyObject>();
/** The caller from a bearer token signed by the realm (RS256, issuer, expiry), or null. */
function callerOf(header: string | undefined): { sub: string; agencyId: string; roles: string[] } | null {
  const [head, payload, signature] = (header?.startsWith('Bearer ') ? header.slice(7) : '').split('.');
  const key =
    head && keys.get((JSON.parse(Buffer.from(head, 'base64url').toString()) as { kid: string }).kid);
  if (
    !key ||
    !verify('RSA-SHA256', Buffer.from(`${head}.${payload}`), key, Buffer.from(signature, 'base64url'))
  )
    return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  if (claims.iss !== process.env.ISSUER || Number(claims.exp) * 1000 < Date.now()) return null;
  const roles = (claims.realm_access as { roles?: string[] } | undefined)?.roles ?? [];
  return { sub: String(claims.sub), agencyId: String(claims.agency_id), roles };
}

const send = (res: ServerResponse, status: number, body: string) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://floor');
  const first = Math.min(Number(url.searchParams.get('first') ?? 20), 100);
  const query = async (): Promise<[number, string]> => {
    if (url.pathname === '/directory')
      return [200, await one('directory', [url.searchParams.get('need'), first])];
    const caller = callerOf(req.headers.authorization);
    if (!caller) return [401, '{"errors":[{"extensions":{"code":"UNAUTHENTICATED"}}]}'];
    if (
      !caller.roles.some((r) => r === 'caseworker' || r === 'supervisor') ||
      caller.roles.includes('investigator')
    )
      return [403, '{"errors":[{"extensions":{"code":"FORBIDDEN"}}]}'];
    if (url.pathname === '/referrals') return [200, await one('inbox', [caller.agencyId, caller.sub, first])];
    return [200, await one('referral', [caller.agencyId, caller.sub, url.searchParams.get('id')])];
  };
  query().then(
    ([status, body]) => send(res, status, body),
    (error: Error) => send(res, 500, JSON.stringify({ errors: [{ message: error.message }] })),
  );
});
/** One named (prepared once per connection) statement; its one row is the response. */
async function one(name: keyof typeof SQL, values: unknown[]): Promise<string> {
  const { rows } = await pool.query<{ body: string }>({ name, text: SQL[name], values });
  return rows[0]?.body ?? NOT_FOUND;
}

async function main(): Promise<void> {
  const jwks = (await (await fetch(`${process.env.ISSUER}/protocol/openid-connect/certs`)).json()) as {
    keys: (JsonWebKey & { kid: string })[];
  };
  keys = new Map(jwks.keys.map((jwk) => [jwk.kid, createPublicKey({ key: jwk, format: 'jwk' })]));
  server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    process.stdout.write(`${JSON.stringify({ msg: 'floor ready', url: `http://127.0.0.1:${port}` })}\n`);
  });
  process.on('SIGTERM', () => {
    server.close(() => void pool.end().then(() => process.exit(0)));
    server.closeAllConnections();
  });
}

void main();
