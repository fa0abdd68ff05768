import { createHash, randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import { devIdpClients, webClient } from './clients';
import type { DevIdp } from './dev-idp.types';
import { escapeHtml } from './login-page';
import {
  getJson,
  postToken,
  startTestIdp,
  TEST_PASSWORD,
  TEST_USERS,
  tempDir,
  type TempDir,
} from './testing/spec-support';

const APP = 'http://127.0.0.1:4299';
const REDIRECT = `${APP}/signed-in`;
/** A second browser client with the same redirect URIs: a code must not cross between them. */
const OTHER_WEB = { ...webClient([APP]), clientId: 'other-web' };

interface Pkce {
  verifier: string;
  challenge: string;
}

function pkce(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

describe('dev-idp browser flow: authorization code + PKCE, login page, logout (real HTTP)', () => {
  let dir: TempDir;
  let idp: DevIdp;
  let oidc: string;
  let now = Date.now();

  beforeAll(async () => {
    dir = await tempDir();
    idp = await startTestIdp(`${dir.path}/keys.json`, {
      clients: [...devIdpClients([APP]), OTHER_WEB],
      now: () => now,
    });
    oidc = `${idp.issuer}/protocol/openid-connect`;
  });

  afterAll(async () => {
    await idp.close();
    await dir.remove();
  });

  function authorizeUrl(params: Record<string, string | undefined>): string {
    const url = new URL(`${oidc}/auth`);
    for (const [name, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(name, value);
    return url.toString();
  }

  function validParams(challenge: string, extra: Record<string, string | undefined> = {}) {
    return {
      client_id: 'hub-web',
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid profile',
      state: 'state-123',
      nonce: 'nonce-456',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...extra,
    };
  }

  /** GET /auth as a browser: the login page, its form's login id and the browser cookie. */
  async function openLogin(params: Record<string, string | undefined>, cookie?: string) {
    const response = await fetch(authorizeUrl(params), {
      redirect: 'manual',
      headers: cookie ? { cookie } : {},
    });
    const html = await response.text();
    const setCookie = response.headers.get('set-cookie') ?? '';
    return {
      response,
      html,
      loginId: /name="login" value="([^"]+)"/.exec(html)?.[1] ?? '',
      cookie: setCookie.split(';')[0],
      setCookie,
    };
  }

  function postLogin(form: Record<string, string>, headers: Record<string, string> = {}) {
    return fetch(`${idp.issuer}/login-actions/authenticate`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: idp.url, ...headers },
      body: new URLSearchParams(form).toString(),
    });
  }

  /** The whole front channel: a code for ngo.caseworker, as the browser would bring it back. */
  async function codeFor(verifier: Pkce, extra: Record<string, string | undefined> = {}) {
    const login = await openLogin(validParams(verifier.challenge, extra));
    const done = await postLogin(
      { login: login.loginId, username: 'ngo.caseworker', password: TEST_PASSWORD },
      { cookie: login.cookie },
    );
    expect(done.status).toBe(302);
    const back = new URL(done.headers.get('location') ?? '');
    return { code: back.searchParams.get('code') ?? '', back };
  }

  function exchange(code: string, verifier: string | undefined, extra: Record<string, string> = {}) {
    return postToken(idp, {
      grant_type: 'authorization_code',
      client_id: 'hub-web',
      code,
      redirect_uri: REDIRECT,
      ...(verifier === undefined ? {} : { code_verifier: verifier }),
      ...extra,
    });
  }

  it('signs a demo user in: login page, code back with state, tokens for the verifier, renewal, logout', async () => {
    const verifier = pkce();
    const login = await openLogin(validParams(verifier.challenge));
    expect(login.response.status).toBe(200);
    expect(login.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(login.response.headers.get('cache-control')).toBe('no-store');
    expect(login.response.headers.get('x-frame-options')).toBe('DENY');
    const csp = login.response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain(`form-action 'self' ${APP}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(login.setCookie).toMatch(
      /^DEV_IDP_BROWSER=[\w-]{43}; Path=\/realms\/taskforce; HttpOnly; SameSite=Lax$/,
    );
    // Accessible form: every field has a label; the demo users are listed, no password shown.
    expect(login.html).toContain('<html lang="en">');
    expect(login.html).toContain('<label for="username">');
    expect(login.html).toContain('<label for="password">');
    expect(login.html).toContain('<code>ngo.caseworker</code>');
    expect(login.html).toContain('type="password" autocomplete="current-password" required>');
    expect(login.loginId).toMatch(/^[\w-]{43}$/);

    const done = await postLogin(
      { login: login.loginId, username: 'NGO.Caseworker', password: TEST_PASSWORD },
      { cookie: login.cookie },
    );
    expect(done.status).toBe(302);
    const back = new URL(done.headers.get('location') ?? '');
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-123');
    expect(back.searchParams.get('iss')).toBe(idp.issuer);
    const code = back.searchParams.get('code') ?? '';
    expect(code).toMatch(/^[\w-]{43}$/);

    const tokens = await exchange(code, verifier.verifier);
    expect(tokens.status).toBe(200);
    expect(tokens.body['session_state']).toBe(back.searchParams.get('session_state'));
    const access = decodeJwt(String(tokens.body['access_token']));
    expect(access).toMatchObject({ azp: 'hub-web', aud: ['hub-api', 'account'], sub: TEST_USERS[0].sub });
    const id = decodeJwt(String(tokens.body['id_token']));
    expect(id).toMatchObject({ aud: 'hub-web', nonce: 'nonce-456', sub: TEST_USERS[0].sub });

    // Silent renewal: the refresh token grant keeps the session and its nonce.
    const renewed = await postToken(idp, {
      grant_type: 'refresh_token',
      client_id: 'hub-web',
      refresh_token: String(tokens.body['refresh_token']),
    });
    expect(renewed.status).toBe(200);
    expect(decodeJwt(String(renewed.body['id_token']))).toMatchObject({ nonce: 'nonce-456', sid: id['sid'] });

    // RP-initiated logout: back to the app with its state, and the session's refresh tokens stop.
    const logout = await fetch(
      `${oidc}/logout?${new URLSearchParams({
        id_token_hint: String(tokens.body['id_token']),
        post_logout_redirect_uri: `${APP}/`,
        state: 'bye',
      })}`,
      { redirect: 'manual' },
    );
    expect(logout.status).toBe(302);
    expect(logout.headers.get('location')).toBe(`${APP}/?state=bye`);
    const afterLogout = await postToken(idp, {
      grant_type: 'refresh_token',
      client_id: 'hub-web',
      refresh_token: String(renewed.body['refresh_token']),
    });
    expect(afterLogout.status).toBe(400);
    expect(afterLogout.body).toEqual({ error: 'invalid_grant', error_description: 'Session not active' });
  });

  it('lists the browser flow in the discovery document', async () => {
    const { body } = await getJson(`${idp.issuer}/.well-known/openid-configuration`);
    expect(body).toMatchObject({
      authorization_endpoint: `${oidc}/auth`,
      end_session_endpoint: `${oidc}/logout`,
      grant_types_supported: ['authorization_code', 'password', 'client_credentials', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      response_modes_supported: ['query'],
    });
  });

  it('shows, never redirects, an unknown client or a redirect URI the client does not own', async () => {
    const { challenge } = pkce();
    const cases: [Record<string, string | undefined>, string][] = [
      [{ client_id: 'nobody' }, 'Client not found.'],
      [{ client_id: undefined }, 'Client not found.'],
      [{ redirect_uri: 'https://evil.example/signed-in' }, 'Invalid parameter: redirect_uri'],
      // A prefix trick: the registered `http://127.0.0.1:4299/*` needs the slash.
      [{ redirect_uri: 'http://127.0.0.1:4299.evil.example/' }, 'Invalid parameter: redirect_uri'],
      [{ redirect_uri: `${REDIRECT}#fragment` }, 'Invalid parameter: redirect_uri'],
      [{ redirect_uri: undefined }, 'Invalid parameter: redirect_uri'],
      // hub-cli has no browser flow (direct access grants only).
      [{ client_id: 'hub-cli' }, 'Invalid parameter: redirect_uri'],
    ];
    for (const [override, message] of cases) {
      const { response, html } = await openLogin(validParams(challenge, override));
      expect([override, response.status, response.headers.get('location')]).toEqual([override, 400, null]);
      expect(html).toContain(escapeHtml(message));
    }
  });

  it('sends every other bad request back to the client with the error and its state', async () => {
    const { challenge } = pkce();
    const cases: [Record<string, string | undefined>, string, string][] = [
      [{ code_challenge: undefined }, 'invalid_request', 'Missing parameter: code_challenge'],
      [{ code_challenge_method: undefined }, 'invalid_request', 'Missing parameter: code_challenge_method'],
      [
        { code_challenge_method: 'plain' },
        'invalid_request',
        'Invalid parameter: code challenge method is not matching the configured one',
      ],
      [{ code_challenge: 'short' }, 'invalid_request', 'Invalid parameter: code_challenge'],
      [
        { response_type: 'token' },
        'unsupported_response_type',
        'Client is not allowed to use this response_type',
      ],
      [{ response_mode: 'fragment' }, 'invalid_request', 'Invalid parameter: response_mode'],
      [{ scope: 'openid admin' }, 'invalid_scope', 'Invalid scopes: openid admin'],
      // No single sign-on session: a silent request needs a login.
      [{ prompt: 'none' }, 'login_required', 'Login required'],
    ];
    for (const [override, error, description] of cases) {
      const { response } = await openLogin(validParams(challenge, override));
      expect([override, response.status]).toEqual([override, 302]);
      const back = new URL(response.headers.get('location') ?? '');
      expect([override, back.origin + back.pathname, Object.fromEntries(back.searchParams)]).toEqual([
        override,
        REDIRECT,
        { error, error_description: description, state: 'state-123', iss: idp.issuer },
      ]);
    }
  });

  it('re-shows the form on a wrong password, escaping what was typed, and issues no code', async () => {
    const { challenge } = pkce();
    const login = await openLogin(validParams(challenge));
    const typed = '"><script>alert(1)</script>';
    const failed = await postLogin(
      { login: login.loginId, username: typed, password: 'wrong' },
      { cookie: login.cookie },
    );
    expect(failed.status).toBe(200);
    expect(failed.headers.get('location')).toBeNull();
    const html = await failed.text();
    expect(html).toContain('role="alert"');
    expect(html).toContain('aria-invalid="true" aria-describedby="login-error"');
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    // The same form still works with the right password.
    const ok = await postLogin(
      { login: login.loginId, username: 'ngo.caseworker', password: TEST_PASSWORD },
      { cookie: login.cookie },
    );
    expect(ok.status).toBe(302);
  });

  it('speaks Spanish when the client asks for it (ui_locales)', async () => {
    const { challenge } = pkce();
    const login = await openLogin(validParams(challenge, { ui_locales: 'es' }));
    expect(login.html).toContain('<html lang="es">');
    expect(login.html).toContain('Usuario o correo electrónico');
  });

  it('refuses a login form posted without its browser cookie, from another browser, from another site, or too late', async () => {
    const { challenge } = pkce();
    const credentials = { username: 'ngo.caseworker', password: TEST_PASSWORD };
    const login = await openLogin(validParams(challenge));
    const other = await openLogin(validParams(challenge));
    const form = { login: login.loginId, ...credentials };

    expect((await postLogin(form)).status).toBe(400);
    expect((await postLogin(form, { cookie: other.cookie })).status).toBe(400);
    expect((await postLogin(form, { cookie: login.cookie, origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await postLogin(form, { cookie: login.cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(
      403,
    );
    expect((await postLogin({ ...form, login: 'made-up' }, { cookie: login.cookie })).status).toBe(400);

    now += 31 * 60_000; // Keycloak's login timeout is 30 minutes.
    try {
      expect((await postLogin(form, { cookie: login.cookie })).status).toBe(400);
    } finally {
      now -= 31 * 60_000;
    }
    // Not spent by the refusals above: the other browser's own form still signs in.
    expect((await postLogin({ login: other.loginId, ...credentials }, { cookie: other.cookie })).status).toBe(
      302,
    );
  });

  describe('code exchange', () => {
    const invalid = (description: string) => ({ error: 'invalid_grant', error_description: description });

    it('refuses a wrong verifier, and the code is spent by that attempt', async () => {
      const verifier = pkce();
      const { code } = await codeFor(verifier);
      const wrong = await exchange(code, pkce().verifier);
      expect([wrong.status, wrong.body]).toEqual([400, invalid('PKCE verification failed: Code mismatch')]);
      const right = await exchange(code, verifier.verifier);
      expect([right.status, right.body]).toEqual([400, invalid('Code not valid')]);
    });

    it('refuses a missing or malformed verifier', async () => {
      const first = await codeFor(pkce());
      const missing = await exchange(first.code, undefined);
      expect([missing.status, missing.body]).toEqual([400, invalid('PKCE code verifier not specified')]);
      const second = await codeFor(pkce());
      const malformed = await exchange(second.code, 'too-short');
      expect([malformed.status, malformed.body]).toEqual([
        400,
        invalid('PKCE verification failed: Invalid code verifier'),
      ]);
    });

    it('refuses a reused code and ends the session it started', async () => {
      const verifier = pkce();
      const { code } = await codeFor(verifier);
      const first = await exchange(code, verifier.verifier);
      expect(first.status).toBe(200);
      const again = await exchange(code, verifier.verifier);
      expect([again.status, again.body]).toEqual([400, invalid('Code not valid')]);
      const refresh = await postToken(idp, {
        grant_type: 'refresh_token',
        client_id: 'hub-web',
        refresh_token: String(first.body['refresh_token']),
      });
      expect([refresh.status, refresh.body]).toEqual([400, invalid('Session not active')]);
    });

    it('refuses another redirect URI than the one the code was issued for', async () => {
      const verifier = pkce();
      const { code } = await codeFor(verifier);
      const other = await exchange(code, verifier.verifier, { redirect_uri: `${APP}/elsewhere` });
      expect([other.status, other.body]).toEqual([400, invalid('Incorrect redirect_uri')]);
    });

    it('refuses another client than the one the code was issued to', async () => {
      const verifier = pkce();
      const { code } = await codeFor(verifier);
      const other = await exchange(code, verifier.verifier, { client_id: 'other-web' });
      expect([other.status, other.body]).toEqual([400, invalid('Code not valid')]);
      const cli = await exchange(code, verifier.verifier, { client_id: 'hub-cli' });
      expect([cli.status, cli.body['error']]).toEqual([400, 'unauthorized_client']);
    });

    it('refuses an expired code (they live 60 s) and an unknown one', async () => {
      const verifier = pkce();
      const { code } = await codeFor(verifier);
      now += 61_000;
      try {
        const late = await exchange(code, verifier.verifier);
        expect([late.status, late.body]).toEqual([400, invalid('Code not valid')]);
      } finally {
        now -= 61_000;
      }
      const unknown = await exchange('no-such-code', verifier.verifier);
      expect([unknown.status, unknown.body]).toEqual([400, invalid('Code not valid')]);
    });
  });

  describe('logout', () => {
    it('refuses a post-logout redirect the client does not own, or one without a client', async () => {
      const verifier = pkce();
      const { code } = await codeFor(verifier);
      const tokens = await exchange(code, verifier.verifier);
      const idToken = String(tokens.body['id_token']);
      const logout = (params: Record<string, string>) =>
        fetch(`${oidc}/logout?${new URLSearchParams(params)}`, { redirect: 'manual' });

      const foreign = await logout({
        id_token_hint: idToken,
        post_logout_redirect_uri: 'https://evil.example/',
      });
      expect([foreign.status, foreign.headers.get('location')]).toEqual([400, null]);
      const anonymous = await logout({ post_logout_redirect_uri: `${APP}/` });
      expect([anonymous.status, anonymous.headers.get('location')]).toEqual([400, null]);
      const forged = await logout({
        id_token_hint: `${idToken.slice(0, -4)}AAAA`,
        post_logout_redirect_uri: `${APP}/`,
      });
      expect(forged.status).toBe(400);
      const mismatch = await logout({ id_token_hint: idToken, client_id: 'other-web' });
      expect(mismatch.status).toBe(400);
      // None of these ended the session.
      const refresh = await postToken(idp, {
        grant_type: 'refresh_token',
        client_id: 'hub-web',
        refresh_token: String(tokens.body['refresh_token']),
      });
      expect(refresh.status).toBe(200);

      const byClientId = await logout({ client_id: 'hub-web', post_logout_redirect_uri: `${APP}/` });
      expect([byClientId.status, byClientId.headers.get('location')]).toEqual([302, `${APP}/`]);
      const plain = await logout({});
      expect(plain.status).toBe(200);
      expect(await plain.text()).toContain('You are signed out.');
    });
  });

  it('answers CORS only for the web client’s origins', async () => {
    const discovery = `${idp.issuer}/.well-known/openid-configuration`;
    const allowed = await fetch(discovery, { headers: { origin: APP } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP);
    const foreign = await fetch(discovery, { headers: { origin: 'https://evil.example' } });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${oidc}/token`, {
      method: 'OPTIONS',
      headers: { origin: APP, 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP);
  });
});
