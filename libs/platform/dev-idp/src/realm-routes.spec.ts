import { createHash } from 'node:crypto';
import {
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  importSPKI,
  jwtVerify,
  type JWTPayload,
} from 'jose';
import type { DevIdp } from './dev-idp.types';
import {
  basicAuth,
  getJson,
  lifetimeOf,
  passwordGrant,
  postToken,
  startTestIdp,
  TEST_USERS,
  tempDir,
  type TempDir,
} from './testing/spec-support';

describe('dev-idp realm endpoints (real HTTP)', () => {
  let dir: TempDir;
  let idp: DevIdp;
  let oidc: string;
  let kidOfSigning: string;

  beforeAll(async () => {
    dir = await tempDir();
    idp = await startTestIdp(`${dir.path}/keys.json`);
    oidc = `${idp.issuer}/protocol/openid-connect`;
    kidOfSigning = await idp.signingKid();
  });

  afterAll(async () => {
    await idp.close();
    await dir.remove();
  });

  async function verifyWithCerts(token: string): Promise<JWTPayload> {
    const jwks = createRemoteJWKSet(new URL(`${oidc}/certs`));
    return (await jwtVerify(token, jwks, { issuer: idp.issuer, algorithms: ['RS256'] })).payload;
  }

  it('serves on loopback with Keycloak URLs', () => {
    expect(idp.url).toBe(`http://127.0.0.1:${idp.port}`);
    expect(idp.issuer).toBe(`http://127.0.0.1:${idp.port}/realms/taskforce`);
    expect(idp.port).toBeGreaterThan(0);
  });

  it('answers /health', async () => {
    const { status, body } = await getJson(`${idp.url}/health`);
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok' });
  });

  it('serves the realm info with the signing public key as base64 SPKI DER', async () => {
    const { status, body } = await getJson(idp.issuer);
    expect(status).toBe(200);
    expect(body).toEqual({
      realm: 'taskforce',
      public_key: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/),
      'token-service': oidc,
      'account-service': `${idp.issuer}/account`,
      'tokens-not-before': 0,
    });
    const pem = `-----BEGIN PUBLIC KEY-----\n${String(body['public_key'])}\n-----END PUBLIC KEY-----`;
    const fromRealm = await exportJWK(await importSPKI(pem, 'RS256'));
    const certs = await getJson(`${oidc}/certs`);
    const signing = (certs.body['keys'] as { kid: string; n: string }[]).find(
      (key) => key.kid === kidOfSigning,
    );
    expect(fromRealm.n).toBe(signing?.n);
  });

  it('serves the OpenID discovery document', async () => {
    const { status, body } = await getJson(`${idp.issuer}/.well-known/openid-configuration`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      issuer: idp.issuer,
      authorization_endpoint: `${oidc}/auth`,
      token_endpoint: `${oidc}/token`,
      jwks_uri: `${oidc}/certs`,
      userinfo_endpoint: `${oidc}/userinfo`,
      end_session_endpoint: `${oidc}/logout`,
      grant_types_supported: ['authorization_code', 'password', 'client_credentials', 'refresh_token'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    });
  });

  it('publishes the signing key in the JWKS, public parts only', async () => {
    const { status, body } = await getJson(`${oidc}/certs`);
    expect(status).toBe(200);
    const keys = body['keys'] as Record<string, unknown>[];
    expect(keys.map((key) => key['kid'])).toEqual([kidOfSigning]);
    expect(keys[0]).toEqual({
      kid: kidOfSigning,
      kty: 'RSA',
      alg: 'RS256',
      use: 'sig',
      n: expect.any(String),
      e: 'AQAB',
    });
    expect(Buffer.from(String(keys[0]['n']), 'base64url')).toHaveLength(256);
  });

  it('answers 404 for another realm or an unknown path', async () => {
    const other = await getJson(`${idp.url}/realms/master/.well-known/openid-configuration`);
    expect(other.status).toBe(404);
    expect(other.body).toEqual({ error: 'Realm does not exist', error_description: 'Realm does not exist' });
    const unknownPath = await getJson(`${oidc}/nothing-here`);
    expect(unknownPath.status).toBe(404);
    expect(unknownPath.body).toEqual({ error: 'Unable to find matching target resource method' });
  });

  describe('password grant (hub-cli, direct access grants)', () => {
    it('issues a Keycloak-shaped access token that verifies against the certs URL', async () => {
      const before = Math.floor(Date.now() / 1000);
      const { status, body, headers } = await passwordGrant(idp, { scope: 'openid' });
      expect(status).toBe(200);
      expect(headers.get('cache-control')).toBe('no-store');
      expect(body).toEqual({
        access_token: expect.any(String),
        expires_in: 300,
        refresh_expires_in: 1800,
        refresh_token: expect.any(String),
        token_type: 'Bearer',
        id_token: expect.any(String),
        'not-before-policy': 0,
        session_state: expect.stringMatching(/^[0-9a-f-]{36}$/),
        scope: 'openid profile email',
      });

      const accessToken = String(body['access_token']);
      expect(decodeProtectedHeader(accessToken)).toEqual({ alg: 'RS256', typ: 'JWT', kid: kidOfSigning });
      const claims = await verifyWithCerts(accessToken);
      const user = TEST_USERS[0];
      expect(claims).toEqual({
        exp: expect.any(Number),
        iat: expect.any(Number),
        jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
        iss: idp.issuer,
        aud: ['hub-api', 'account'],
        sub: user.sub,
        typ: 'Bearer',
        azp: 'hub-cli',
        sid: body['session_state'],
        session_state: body['session_state'],
        acr: '1',
        realm_access: {
          roles: ['caseworker', 'default-roles-taskforce', 'offline_access', 'uma_authorization'],
        },
        resource_access: { account: { roles: ['manage-account', 'view-profile'] } },
        scope: 'openid profile email',
        email_verified: true,
        name: 'Nadia Okafor',
        preferred_username: 'ngo.caseworker',
        given_name: 'Nadia',
        family_name: 'Okafor',
        email: 'ngo.caseworker@demo.taskforce.example',
        agency_id: user.agencyId,
      });
      expect(lifetimeOf(claims)).toBe(300);
      expect(claims.iat).toBeGreaterThanOrEqual(before);
      expect(claims.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    });

    it('adds an ID token only when the scope asks for openid', async () => {
      const withoutOpenid = await passwordGrant(idp);
      expect(withoutOpenid.status).toBe(200);
      expect(withoutOpenid.body['id_token']).toBeUndefined();
      expect(withoutOpenid.body['scope']).toBe('profile email');
      expect(decodeJwt(String(withoutOpenid.body['access_token']))['scope']).toBe('profile email');

      const withOpenid = await passwordGrant(idp, { scope: 'openid profile' });
      const idToken = String(withOpenid.body['id_token']);
      const accessToken = String(withOpenid.body['access_token']);
      const claims = await verifyWithCerts(idToken);
      const digest = createHash('sha256').update(accessToken).digest();
      expect(claims).toMatchObject({
        typ: 'ID',
        aud: 'hub-cli',
        azp: 'hub-cli',
        sub: TEST_USERS[0].sub,
        sid: withOpenid.body['session_state'],
        at_hash: digest.subarray(0, 16).toString('base64url'),
        preferred_username: 'ngo.caseworker',
        agency_id: TEST_USERS[0].agencyId,
        email: 'ngo.caseworker@demo.taskforce.example',
      });
      expect(lifetimeOf(claims)).toBe(300);
    });

    it('signs in by e-mail or by username in any case, like Keycloak', async () => {
      const byEmail = await passwordGrant(idp, { username: 'NGO.Lead@demo.taskforce.example' });
      const byName = await passwordGrant(idp, { username: 'NGO.LEAD' });
      expect(decodeJwt(String(byEmail.body['access_token'])).sub).toBe(TEST_USERS[1].sub);
      const lead = decodeJwt(String(byName.body['access_token']));
      expect(lead.sub).toBe(TEST_USERS[1].sub);
      expect(lead['given_name']).toBe('Grace Van');
      expect(lead['family_name']).toBe('Lindqvist');
      expect((lead['realm_access'] as { roles: string[] }).roles).toEqual([
        'supervisor',
        'agency_admin',
        'default-roles-taskforce',
        'offline_access',
        'uma_authorization',
      ]);
    });

    it('answers a wrong password or unknown user with 401 invalid_grant, as Keycloak does', async () => {
      const expected = { error: 'invalid_grant', error_description: 'Invalid user credentials' };
      const wrongPassword = await passwordGrant(idp, { password: 'not-demo' });
      expect(wrongPassword.status).toBe(401);
      expect(wrongPassword.body).toEqual(expected);
      const unknownUser = await passwordGrant(idp, { username: 'nobody' });
      expect(unknownUser.status).toBe(401);
      expect(unknownUser.body).toEqual(expected);
      const emptyPassword = await passwordGrant(idp, { password: '' });
      expect(emptyPassword.status).toBe(401);
      expect(emptyPassword.body).toEqual(expected);
    });

    it('answers an unknown client with 401 invalid_client', async () => {
      const { status, body } = await passwordGrant(idp, { client_id: 'evil-cli' });
      expect(status).toBe(401);
      expect(body).toEqual({
        error: 'invalid_client',
        error_description: 'Invalid client or Invalid client credentials',
      });
    });

    it('refuses clients without direct access grants', async () => {
      const worker = await passwordGrant(idp, {
        client_id: 'hub-worker',
        client_secret: 'dev-worker-secret',
      });
      expect(worker.status).toBe(400);
      expect(worker.body).toEqual({
        error: 'unauthorized_client',
        error_description: 'Client not allowed for direct access grants',
      });
      const api = await passwordGrant(idp, { client_id: 'hub-api', client_secret: 'anything' });
      expect(api.status).toBe(400);
      expect(api.body).toEqual({ error: 'invalid_client', error_description: 'Bearer-only not allowed' });
    });

    it('refuses the password grant to hub-web, the web app’s public client (authorization code + PKCE in Keycloak)', async () => {
      const web = await passwordGrant(idp, { client_id: 'hub-web' });
      expect([web.status, web.body]).toEqual([
        400,
        { error: 'unauthorized_client', error_description: 'Client not allowed for direct access grants' },
      ]);
    });

    it('answers malformed requests with 400 and the OAuth error code', async () => {
      const cases: [Record<string, string>, string, string][] = [
        [{ client_id: 'hub-cli' }, 'invalid_request', 'Missing form parameter: grant_type'],
        [
          { grant_type: 'password', username: 'ngo.caseworker', password: 'demo' },
          'invalid_request',
          'Missing parameter: client_id',
        ],
        [
          { grant_type: 'password', client_id: 'hub-cli', password: 'demo' },
          'invalid_request',
          'Missing parameter: username',
        ],
        [
          { grant_type: 'password', client_id: 'hub-cli', username: 'ngo.lead' },
          'invalid_request',
          'Missing parameter: password',
        ],
        [
          { grant_type: 'implicit', client_id: 'hub-cli' },
          'unsupported_grant_type',
          'Unsupported grant_type',
        ],
        // The code grant belongs to browser clients (hub-web); hub-cli has no browser flow.
        [
          { grant_type: 'authorization_code', client_id: 'hub-cli', code: 'x' },
          'unauthorized_client',
          'Client not allowed to exchange code',
        ],
        [
          {
            grant_type: 'password',
            client_id: 'hub-cli',
            username: 'ngo.lead',
            password: 'demo',
            scope: 'openid admin',
          },
          'invalid_scope',
          'Invalid scopes: openid admin',
        ],
      ];
      for (const [form, error, description] of cases) {
        const { status, body } = await postToken(idp, form);
        expect({ form, status, body }).toEqual({
          form,
          status: 400,
          body: { error, error_description: description },
        });
      }
    });

    it('treats a JSON body as a request without parameters', async () => {
      const response = await fetch(`${oidc}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grant_type: 'password' }),
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: 'invalid_request',
        error_description: 'Missing form parameter: grant_type',
      });
    });

    it('has accessTokenClaims() produce the same claims as the token endpoint', async () => {
      const { body } = await passwordGrant(idp, { scope: 'openid' });
      const overHttp = decodeJwt(String(body['access_token']));
      const direct = idp.accessTokenClaims('ngo.caseworker');
      expect(Object.keys(direct).sort()).toEqual(Object.keys(overHttp).sort());
      const volatile = ['exp', 'iat', 'jti', 'sid', 'session_state'];
      const stable = (claims: Record<string, unknown>) =>
        Object.fromEntries(Object.entries(claims).filter(([key]) => !volatile.includes(key)));
      expect(stable(direct)).toEqual(stable(overHttp));
      expect(() => idp.accessTokenClaims('nobody')).toThrow('Unknown dev-idp user: nobody');
    });
  });

  describe('client credentials grant (hub-worker service account)', () => {
    it('issues a service-account token with HTTP Basic or body credentials', async () => {
      const basic = await postToken(
        idp,
        { grant_type: 'client_credentials' },
        basicAuth('hub-worker', 'dev-worker-secret'),
      );
      expect(basic.status).toBe(200);
      expect(basic.body).toEqual({
        access_token: expect.any(String),
        expires_in: 300,
        refresh_expires_in: 0,
        token_type: 'Bearer',
        'not-before-policy': 0,
        scope: 'profile email',
      });
      const claims = await verifyWithCerts(String(basic.body['access_token']));
      expect(claims).toMatchObject({
        iss: idp.issuer,
        aud: ['hub-api'],
        sub: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/),
        typ: 'Bearer',
        azp: 'hub-worker',
        preferred_username: 'service-account-hub-worker',
        realm_access: { roles: [] },
      });
      expect(claims).not.toHaveProperty('agency_id');
      expect(lifetimeOf(claims)).toBe(300);

      const body = await postToken(idp, {
        grant_type: 'client_credentials',
        client_id: 'hub-worker',
        client_secret: 'dev-worker-secret',
      });
      expect(body.status).toBe(200);
      expect(decodeJwt(String(body.body['access_token'])).sub).toBe(claims.sub);
    });

    it('refuses a wrong or missing secret with 401 invalid_client', async () => {
      const expected = {
        error: 'invalid_client',
        error_description: 'Invalid client or Invalid client credentials',
      };
      const wrong = await postToken(
        idp,
        { grant_type: 'client_credentials' },
        basicAuth('hub-worker', 'guess'),
      );
      expect(wrong.status).toBe(401);
      expect(wrong.body).toEqual(expected);
      const missing = await postToken(idp, { grant_type: 'client_credentials', client_id: 'hub-worker' });
      expect(missing.status).toBe(401);
      expect(missing.body).toEqual(expected);
    });

    it('refuses the public client', async () => {
      const { status, body } = await postToken(idp, {
        grant_type: 'client_credentials',
        client_id: 'hub-cli',
      });
      expect(status).toBe(400);
      expect(body).toEqual({
        error: 'unauthorized_client',
        error_description: 'Public client not allowed to retrieve service account',
      });
    });
  });

  describe('refresh token grant', () => {
    it('issues new tokens for the same session from a signed Refresh token', async () => {
      const first = await passwordGrant(idp, { scope: 'openid' });
      const refreshToken = String(first.body['refresh_token']);
      const refreshClaims = await verifyWithCerts(refreshToken);
      expect(refreshClaims).toMatchObject({
        typ: 'Refresh',
        azp: 'hub-cli',
        aud: idp.issuer,
        sub: TEST_USERS[0].sub,
        sid: first.body['session_state'],
      });
      expect(lifetimeOf(refreshClaims)).toBe(1800);

      const second = await postToken(idp, {
        grant_type: 'refresh_token',
        client_id: 'hub-cli',
        refresh_token: refreshToken,
      });
      expect(second.status).toBe(200);
      expect(second.body['session_state']).toBe(first.body['session_state']);
      expect(second.body['id_token']).toEqual(expect.any(String));
      const renewed = await verifyWithCerts(String(second.body['access_token']));
      const original = decodeJwt(String(first.body['access_token']));
      expect(renewed.sub).toBe(original.sub);
      expect(renewed['sid']).toBe(original['sid']);
      expect(renewed.jti).not.toBe(original.jti);
    });

    it('refuses an access token, a forged token or another client', async () => {
      const { body } = await passwordGrant(idp);
      const expected = { error: 'invalid_grant', error_description: 'Invalid refresh token' };
      const withAccess = await postToken(idp, {
        grant_type: 'refresh_token',
        client_id: 'hub-cli',
        refresh_token: String(body['access_token']),
      });
      expect(withAccess.status).toBe(400);
      expect(withAccess.body).toEqual(expected);

      const [header, payload] = String(body['refresh_token']).split('.');
      const forged = `${header}.${payload}.${Buffer.from('not a signature').toString('base64url')}`;
      const withForged = await postToken(idp, {
        grant_type: 'refresh_token',
        client_id: 'hub-cli',
        refresh_token: forged,
      });
      expect(withForged.status).toBe(400);
      expect(withForged.body).toEqual(expected);

      const otherClient = await postToken(
        idp,
        { grant_type: 'refresh_token', refresh_token: String(body['refresh_token']) },
        basicAuth('hub-worker', 'dev-worker-secret'),
      );
      expect(otherClient.status).toBe(400);
      expect(otherClient.body['error']).toBe('invalid_grant');
    });
  });

  describe('userinfo', () => {
    it('returns the identity claims for a valid access token', async () => {
      const { body } = await passwordGrant(idp);
      const info = await getJson(`${oidc}/userinfo`, {
        authorization: `Bearer ${String(body['access_token'])}`,
      });
      expect(info.status).toBe(200);
      expect(info.body).toEqual({
        sub: TEST_USERS[0].sub,
        email_verified: true,
        name: 'Nadia Okafor',
        preferred_username: 'ngo.caseworker',
        given_name: 'Nadia',
        family_name: 'Okafor',
        email: 'ngo.caseworker@demo.taskforce.example',
        agency_id: TEST_USERS[0].agencyId,
      });
    });

    it('answers 401 without a token, with a bad one, or with a refresh token', async () => {
      const none = await getJson(`${oidc}/userinfo`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toContain('Bearer');
      const bad = await getJson(`${oidc}/userinfo`, { authorization: 'Bearer abc.def.ghi' });
      expect(bad.status).toBe(401);
      expect(bad.body).toEqual({ error: 'invalid_token', error_description: 'Token verification failed' });
      const { body } = await passwordGrant(idp);
      const refresh = await getJson(`${oidc}/userinfo`, {
        authorization: `Bearer ${String(body['refresh_token'])}`,
      });
      expect(refresh.status).toBe(401);
    });
  });

  describe('signWithRealmKey', () => {
    it('signs arbitrary claims with the signing key and merges extra header fields', async () => {
      const token = await idp.signWithRealmKey(
        { sub: 'someone', iss: idp.issuer, typ: 'Bearer' },
        { header: { cty: 'x' } },
      );
      expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', typ: 'JWT', kid: kidOfSigning, cty: 'x' });
      expect((await verifyWithCerts(token)).sub).toBe('someone');
    });
  });
});
