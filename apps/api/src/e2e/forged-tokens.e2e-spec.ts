import { createHmac } from 'node:crypto';
import {
  decodeJwt,
  decodeProtectedHeader,
  exportSPKI,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
  type JWTPayload,
  type KeyLike,
} from 'jose';
import { InvalidTokenError, TokenVerifier } from '@hub/auth';
import { DEMO_AGENCY_IDS, DEMO_PASSWORD } from '@hub/demo-data';
import { TestHub } from '@hub/testing';
import { codeOf, rawGql, sleep } from './e2e-support';
import { startHub } from './hub';

const ME = '{ me { userId username } }';
const DIRECTORY = '{ directory(first: 5) { edges { node { id name } } } }';
const USER = 'ngo.caseworker';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

async function realmJwks(hub: TestHub): Promise<(JWK & { kid: string; n: string })[]> {
  const response = await fetch(`${hub.idp.issuer}/protocol/openid-connect/certs`);
  const body = (await response.json()) as { keys: (JWK & { kid: string; n: string })[] };
  return body.keys;
}

async function signingJwk(hub: TestHub): Promise<JWK & { kid: string; n: string }> {
  const kid = await hub.idp.signingKid();
  const key = (await realmJwks(hub)).find((candidate) => candidate.kid === kid);
  if (!key) throw new Error(`signing key ${kid} is not published`);
  return key;
}

/** HS256 over header.payload with the given bytes as the HMAC secret (the classic RS/HS confusion). */
function hs256(claims: Record<string, unknown>, secret: string | Buffer, kid: string): string {
  const input = `${b64url({ alg: 'HS256', typ: 'JWT', kid })}.${b64url(claims)}`;
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
}

async function passwordGrant(
  hub: TestHub,
  username: string,
  scope?: string,
): Promise<Record<string, string>> {
  const form: Record<string, string> = {
    grant_type: 'password',
    client_id: 'hub-cli',
    username,
    password: DEMO_PASSWORD,
  };
  if (scope) form.scope = scope;
  const response = await fetch(`${hub.idp.issuer}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return (await response.json()) as Record<string, string>;
}

/** Each case builds the whole Authorization header value from valid-looking claims with one thing wrong. */
type Forgery = (hub: TestHub, claims: Record<string, unknown>) => Promise<string>;

const bearer = (token: string) => `Bearer ${token}`;

/** [case, why the verifier must refuse it (null: refused before verification), forge]. */
const FORGERIES: [string, RegExp | null, Forgery][] = [
  [
    'alg none (unsigned)',
    /algorithm none not allowed/,
    async (_hub, claims) => bearer(`${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`),
  ],
  [
    'alg none with the real kid',
    /algorithm none not allowed/,
    async (hub, claims) =>
      bearer(`${b64url({ alg: 'none', typ: 'JWT', kid: await hub.idp.signingKid() })}.${b64url(claims)}.`),
  ],
  [
    'HS256 with the realm public key PEM as HMAC secret',
    /algorithm HS256 not allowed/,
    async (hub, claims) => {
      const jwk = await signingJwk(hub);
      const pem = await exportSPKI((await importJWK(jwk, 'RS256')) as KeyLike);
      return bearer(hs256(claims, pem, jwk.kid));
    },
  ],
  [
    'HS256 with the realm public key modulus (JWKS n) as HMAC secret',
    /algorithm HS256 not allowed/,
    async (hub, claims) => {
      const jwk = await signingJwk(hub);
      return bearer(hs256(claims, jwk.n, jwk.kid));
    },
  ],
  [
    'RS512 signed with the realm key (alg not pinned would accept it)',
    /algorithm RS512 not allowed/,
    async (hub, claims) => bearer(await hub.idp.signWithRealmKey(claims, { header: { alg: 'RS512' } })),
  ],
  [
    'a realm-signed token without kid',
    /no key id/,
    async (hub, claims) => bearer(await hub.idp.signWithRealmKey(claims, { header: { kid: undefined } })),
  ],
  [
    'a foreign RSA key under the realm key kid',
    /signature/,
    async (hub, claims) => {
      const { privateKey } = await generateKeyPair('RS256');
      const kid = await hub.idp.signingKid();
      return bearer(
        await new SignJWT(claims as JWTPayload)
          .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
          .sign(privateKey),
      );
    },
  ],
  [
    'an unknown kid',
    /unknown key not-a-realm-key/,
    async (_hub, claims) => {
      const { privateKey } = await generateKeyPair('RS256');
      return bearer(
        await new SignJWT(claims as JWTPayload)
          .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'not-a-realm-key' })
          .sign(privateKey),
      );
    },
  ],
  [
    'a realm-signed token with a tampered payload (agency_id changed, signature kept)',
    /signature/,
    async (hub, claims) => {
      const [header, , signature] = (await hub.idp.signWithRealmKey(claims)).split('.');
      return bearer(
        `${header}.${b64url({ ...claims, agency_id: DEMO_AGENCY_IDS.bayviewPolice })}.${signature}`,
      );
    },
  ],
  [
    'a wrong iss',
    /wrong (ISS|issuer)/,
    async (hub, claims) =>
      bearer(await hub.idp.signWithRealmKey({ ...claims, iss: `${hub.idp.url}/realms/other` })),
  ],
  [
    "an aud without hub-api (['account'])",
    /wrong audience/,
    async (hub, claims) => bearer(await hub.idp.signWithRealmKey({ ...claims, aud: ['account'] })),
  ],
  [
    'expired (exp in the past)',
    /expired/,
    async (hub, claims) =>
      bearer(await hub.idp.signWithRealmKey({ ...claims, iat: now() - 600, exp: now() - 60 })),
  ],
  [
    'nbf 120 s in the future',
    /not yet valid/,
    async (hub, claims) => bearer(await hub.idp.signWithRealmKey({ ...claims, nbf: now() + 120 })),
  ],
  [
    'iat 120 s in the future',
    /issued in the future/,
    async (hub, claims) => bearer(await hub.idp.signWithRealmKey({ ...claims, iat: now() + 120 })),
  ],
  [
    'exp as a string',
    /no expiry/,
    async (hub, claims) => bearer(await hub.idp.signWithRealmKey({ ...claims, exp: String(now() + 300) })),
  ],
  [
    'no sub',
    /no subject/,
    async (hub, claims) => {
      const { sub: _sub, ...rest } = claims;
      return bearer(await hub.idp.signWithRealmKey(rest));
    },
  ],
  [
    'no exp',
    /no expiry/,
    async (hub, claims) => {
      const { exp: _exp, ...rest } = claims;
      return bearer(await hub.idp.signWithRealmKey(rest));
    },
  ],
  [
    'an ID token from the password grant (scope=openid)',
    /wrong type|not an access token/,
    async (hub) => {
      const tokens = await passwordGrant(hub, USER, 'openid');
      if (!tokens.id_token) throw new Error('no id_token from the password grant');
      return bearer(tokens.id_token);
    },
  ],
  [
    'a refresh token from the password grant',
    /wrong type|not an access token/,
    async (hub) => bearer((await passwordGrant(hub, USER)).refresh_token),
  ],
  ['garbage (not-a-jwt)', /malformed/, async () => bearer('not-a-jwt')],
  ['an empty bearer', null, async () => 'Bearer '],
  [
    'Authorization: Basic credentials',
    null,
    async () => `Basic ${Buffer.from(`hub-cli:${DEMO_PASSWORD}`).toString('base64')}`,
  ],
];

function expectRefused(response: Awaited<ReturnType<typeof rawGql>>): void {
  expect(response.status).toBe(401);
  expect(codeOf(response)).toBe('UNAUTHENTICATED');
  expect(response.body.data ?? null).toBeNull();
  expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
  expect(JSON.stringify(response.body)).not.toContain('Harbor Light');
}

describe('forged and invalid tokens (e2e, real dev-idp keys)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const claims = () => hub.idp.accessTokenClaims(USER);

  it('accepts the unmodified realm-signed claims (positive control)', async () => {
    const token = await hub.idp.signWithRealmKey(claims());
    const response = await rawGql(hub, ME, {}, { authorization: bearer(token) });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toEqual({ me: { userId: claims().sub, username: USER } });
  });

  it('the ID token really is an ID token for the same user, signed by the realm (so its refusal is about its type)', async () => {
    const tokens = await passwordGrant(hub, USER, 'openid');
    const idClaims = decodeJwt(tokens.id_token);
    expect(decodeProtectedHeader(tokens.id_token).kid).toBe(await hub.idp.signingKid());
    expect(idClaims).toMatchObject({ typ: 'ID', preferred_username: USER, iss: hub.idp.issuer });
  });

  /** Sends the request and returns the reasons the verifier gave (so each case is refused by the check it targets). */
  async function sendObservingVerifier(query: string, authorization: string) {
    const spy = jest.spyOn(hub.app.get(TokenVerifier), 'verify');
    try {
      const response = await rawGql(hub, query, {}, { authorization });
      const outcomes = await Promise.all(
        spy.mock.results.map((result) =>
          (result.value as Promise<unknown>).then(
            () => 'accepted',
            (error: unknown) =>
              error instanceof InvalidTokenError ? error.reason : `unexpected: ${String(error)}`,
          ),
        ),
      );
      return { response, outcomes };
    } finally {
      spy.mockRestore();
    }
  }

  it.each(FORGERIES)(
    'refuses %s on `me` with 401 UNAUTHENTICATED and no data',
    async (_name, reason, forge) => {
      const authorization = await forge(hub, claims());
      const { response, outcomes } = await sendObservingVerifier(ME, authorization);
      expectRefused(response);
      if (reason === null) {
        expect(outcomes).toEqual([]);
      } else {
        expect(outcomes).toHaveLength(1);
        expect(outcomes[0]).toMatch(reason);
      }
    },
  );

  it.each(FORGERIES)(
    'refuses %s even on the public `directory` (never downgraded to anonymous)',
    async (_name, reason, forge) => {
      const authorization = await forge(hub, claims());
      const { response, outcomes } = await sendObservingVerifier(DIRECTORY, authorization);
      expectRefused(response);
      expect(outcomes).toHaveLength(reason === null ? 0 : 1);
    },
  );

  it('answers the public directory anonymously when no Authorization header is sent (control)', async () => {
    const response = await rawGql(hub, DIRECTORY);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(JSON.stringify(response.body.data)).toContain('Harbor Light Survivor Services');
  });

  it('accepts a token signed with a freshly rotated key at once (no wait for the key cache)', async () => {
    const before = await hub.idp.signingKid();
    // Warm the verifier's key cache with the old key, so the new kid is unknown to it.
    const warm = await rawGql(
      hub,
      ME,
      {},
      { authorization: bearer(await hub.idp.signWithRealmKey(claims())) },
    );
    expect(warm.status).toBe(200);
    // jose rate-limits refetches for unknown kids to one per second (cooldownDuration 1000); let it pass.
    await sleep(1100);
    const rotated = await hub.idp.rotateKey();
    expect(rotated).not.toBe(before);
    const token = await hub.idp.signWithRealmKey(claims());
    expect(decodeProtectedHeader(token).kid).toBe(rotated);
    const response = await rawGql(hub, ME, {}, { authorization: bearer(token) });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ me: { userId: claims().sub, username: USER } });
    // The old, still published key keeps working.
    const old = await hub.idp.signWithRealmKey(claims(), { kid: before });
    const oldResponse = await rawGql(hub, ME, {}, { authorization: bearer(old) });
    expect(oldResponse.status).toBe(200);
  });

  it('accepts a token signed with a freshly rotated key even right after the key set was fetched', async () => {
    // Any unknown kid (here a forged one) makes the verifier refetch the key set now.
    const { privateKey } = await generateKeyPair('RS256');
    const probe = await new SignJWT(claims() as JWTPayload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'probe-unknown-kid' })
      .sign(privateKey);
    expect((await rawGql(hub, ME, {}, { authorization: bearer(probe) })).status).toBe(401);

    // Keycloak signs with a new key as soon as it is rotated; clients' next tokens carry its kid.
    const rotated = await hub.idp.rotateKey();
    const token = await hub.idp.signWithRealmKey(claims());
    expect(decodeProtectedHeader(token).kid).toBe(rotated);
    const response = await rawGql(hub, ME, {}, { authorization: bearer(token) });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ me: { userId: claims().sub, username: USER } });
  });
});

describe('withdrawn realm keys (e2e, AUTH_JWKS_CACHE_SECONDS=1)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub({ env: { AUTH_JWKS_CACHE_SECONDS: '1' } });
  });
  afterAll(async () => {
    await hub.close();
  });

  it('refuses a token signed with a withdrawn key once the cache expires, while the new key works', async () => {
    const claims = hub.idp.accessTokenClaims(USER);
    const keyA = await hub.idp.signingKid();
    const tokenA = await hub.idp.signWithRealmKey(claims);
    expect(decodeProtectedHeader(tokenA).kid).toBe(keyA);
    const accepted = await rawGql(hub, ME, {}, { authorization: bearer(tokenA) });
    expect(accepted.status).toBe(200);
    expect(accepted.body.data).toEqual({ me: { userId: claims.sub, username: USER } });

    const keyB = await hub.idp.rotateKey();
    const tokenB = await hub.idp.signWithRealmKey(claims);
    expect(decodeProtectedHeader(tokenB).kid).toBe(keyB);
    await hub.idp.withdrawKey(keyA);
    expect(await hub.idp.publishedKids()).toEqual([keyB]);

    // Poll (the verifier may trust its cached key set for up to 1 s) rather than one fixed sleep.
    const deadline = Date.now() + 5000;
    let refusedA = await rawGql(hub, ME, {}, { authorization: bearer(tokenA) });
    while (refusedA.status !== 401 && Date.now() < deadline) {
      await sleep(250);
      refusedA = await rawGql(hub, ME, {}, { authorization: bearer(tokenA) });
    }
    expectRefused(refusedA);

    const acceptedB = await rawGql(hub, ME, {}, { authorization: bearer(tokenB) });
    expect(acceptedB.status).toBe(200);
    expect(acceptedB.body.data).toEqual({ me: { userId: claims.sub, username: USER } });
  });
});

describe('tokens whose agency_id names no registered agency (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  const CREATE_SURVIVOR =
    'mutation { createSurvivor(input: { givenName: "Forged Agency" }) { survivor { id } } }';
  const counts = () =>
    hub.asOwner(async (ds) => {
      const [row] = (await ds.query(
        `SELECT (SELECT count(*) FROM survivor)::int AS survivors, (SELECT count(*) FROM audit_event)::int AS events`,
      )) as { survivors: number; events: number }[];
      return row;
    });

  /** [case, agency_id claim]: each is realm-signed, so only the agency check can refuse it. */
  const AGENCIES: [string, unknown][] = [
    ['not a UUID', 'harbor-light'],
    ['a UUID of no agency', '00000000-0000-4000-8000-000000000000'],
    ['a number', 42],
    ['an empty string', ''],
    ['a NUL byte', `${DEMO_AGENCY_IDS.harborLight}\u0000`],
  ];

  it.each(AGENCIES)(
    'answers 403 FORBIDDEN (reason UNKNOWN_AGENCY) for agency_id %s, on reads and writes, and nothing changes',
    async (_name, agencyId) => {
      const claims = { ...hub.idp.accessTokenClaims(USER), agency_id: agencyId };
      const authorization = bearer(await hub.idp.signWithRealmKey(claims));
      const before = await counts();
      for (const query of [ME, DIRECTORY, CREATE_SURVIVOR]) {
        const response = await rawGql(hub, query, {}, { authorization });
        expect(response.status).toBe(403);
        expect(response.body.data).toBeUndefined();
        expect(response.body.errors).toHaveLength(1);
        expect(response.body.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', reason: 'UNKNOWN_AGENCY' });
      }
      expect(await counts()).toEqual(before);
    },
  );

  it('accepts the same user with their registered agency (control)', async () => {
    const claims = { ...hub.idp.accessTokenClaims(USER), agency_id: DEMO_AGENCY_IDS.harborLight };
    const response = await rawGql(
      hub,
      ME,
      {},
      { authorization: bearer(await hub.idp.signWithRealmKey(claims)) },
    );
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({
      me: { userId: hub.idp.accessTokenClaims(USER).sub, username: USER },
    });
  });
});
