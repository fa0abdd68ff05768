import { createHash, randomBytes } from 'node:crypto';
import type { DevIdpClient } from './dev-idp.types';
import { OAuthError } from './oauth-error';
import { sameSecret } from './secrets';
import type { LoginSession } from './token-issuer';

/** What a client asked for at the authorization endpoint, once checked. */
export interface AuthorizationRequest {
  client: DevIdpClient;
  redirectUri: string;
  state?: string;
  nonce?: string;
  scope: string;
  codeChallenge: string;
  locale: LoginLocale;
}

export type LoginLocale = 'en' | 'es';

/**
 * The outcome of checking an authorization request (RFC 6749 §4.1.2.1): an unknown client or a
 * redirect URI the client does not own is shown to the person (never redirected — that would
 * make dev-idp an open redirector); every other problem goes back to the client's redirect URI.
 */
export type AuthorizationCheck =
  | { kind: 'login'; request: AuthorizationRequest }
  | { kind: 'show-error'; description: string }
  | { kind: 'redirect-error'; redirectUri: string; error: string; description: string; state?: string };

/** Keycloak's defaults: a code lives 60 s, a login form 30 minutes. */
const CODE_LIFETIME_MS = 60_000;
const LOGIN_LIFETIME_MS = 30 * 60_000;
/** Bounds the memory a flood of abandoned logins can take (dev-idp is one process, in memory). */
const MAX_PENDING = 10_000;

// RFC 7636 §4.1 and §4.2: verifier 43–128 unreserved characters; an S256 challenge is 43 base64url.
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/** GET /auth: checks the request in Keycloak's order. Scope validation is handed in (the token endpoint's). */
export function checkAuthorizationRequest(
  clients: readonly DevIdpClient[],
  query: Record<string, unknown>,
  grantedScope: (requested: string | undefined) => string,
  acceptLanguage: string | undefined,
): AuthorizationCheck {
  const value = (name: string) => (typeof query[name] === 'string' ? query[name] : undefined);
  const clientId = value('client_id');
  const client = clients.find((candidate) => candidate.clientId === clientId);
  if (!clientId || !client) return { kind: 'show-error', description: 'Client not found.' };
  const redirectUri = value('redirect_uri');
  if (!client.browser || !redirectUri || !matchesUri(redirectUri, client.browser.redirectUris)) {
    return { kind: 'show-error', description: 'Invalid parameter: redirect_uri' };
  }
  const state = value('state');
  const back = (error: string, description: string): AuthorizationCheck => ({
    kind: 'redirect-error',
    redirectUri,
    error,
    description,
    state,
  });
  const responseType = value('response_type');
  if (!responseType) return back('invalid_request', 'Missing parameter: response_type');
  if (responseType !== 'code')
    return back('unsupported_response_type', 'Client is not allowed to use this response_type');
  const responseMode = value('response_mode');
  if (responseMode !== undefined && responseMode !== 'query') {
    return back('invalid_request', 'Invalid parameter: response_mode');
  }
  const method = value('code_challenge_method');
  const challenge = value('code_challenge');
  // PKCE is required, S256 only: the client's `pkce.code.challenge.method` in the realm export.
  if (!method) return back('invalid_request', 'Missing parameter: code_challenge_method');
  if (method !== 'S256') {
    return back(
      'invalid_request',
      'Invalid parameter: code challenge method is not matching the configured one',
    );
  }
  if (!challenge) return back('invalid_request', 'Missing parameter: code_challenge');
  if (!S256_CHALLENGE.test(challenge)) return back('invalid_request', 'Invalid parameter: code_challenge');
  let scope: string;
  try {
    scope = grantedScope(value('scope'));
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    return back(error.error, error.description);
  }
  // No single sign-on session is kept (tokens are renewed with the refresh token), so a silent
  // request always needs a login, as Keycloak answers without a session.
  if (value('prompt')?.split(' ').includes('none')) return back('login_required', 'Login required');
  return {
    kind: 'login',
    request: {
      client,
      redirectUri,
      state,
      nonce: value('nonce'),
      scope,
      codeChallenge: challenge,
      locale: pickLocale(value('ui_locales'), acceptLanguage),
    },
  };
}

/** Keycloak's redirect URI rule: equal, or a prefix of it when the registered URI ends in `*`. */
export function matchesUri(uri: string, registered: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(uri);
  } catch {
    return false;
  }
  // A fragment can not carry a code back (RFC 6749 §3.1.2); user info in the authority misleads.
  if (parsed.hash || parsed.username || parsed.password) return false;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return registered.some((pattern) =>
    pattern.endsWith('*') ? uri.startsWith(pattern.slice(0, -1)) : uri === pattern,
  );
}

/** The login page's language: the client's `ui_locales` first, then the browser's languages. */
export function pickLocale(uiLocales: string | undefined, acceptLanguage: string | undefined): LoginLocale {
  const wanted = [
    ...(uiLocales ?? '').split(' '),
    ...(acceptLanguage ?? '').split(',').map((part) => part.split(';')[0].trim()),
  ];
  for (const tag of wanted) {
    const language = tag.toLowerCase().split('-')[0];
    if (language === 'en' || language === 'es') return language;
  }
  return 'en';
}

interface PendingLogin {
  request: AuthorizationRequest;
  /** The browser that opened the form (a cookie): a login form posted from elsewhere is refused. */
  browser: string;
  expiresAt: number;
}

interface IssuedCode {
  request: AuthorizationRequest;
  userSub: string;
  session: LoginSession;
  expiresAt: number;
  redeemed: boolean;
}

export interface RedeemedCode {
  userSub: string;
  session: LoginSession;
}

/**
 * The browser flow's state, in memory: login forms waiting for a password, codes waiting to be
 * exchanged, and sessions ended by logout (their refresh tokens are refused until they expire).
 */
export class BrowserFlow {
  private readonly logins = new Map<string, PendingLogin>();
  private readonly codes = new Map<string, IssuedCode>();
  private readonly endedSessions = new Map<string, number>();

  constructor(
    private readonly now: () => number,
    /** How long a refresh token lives: an ended session is remembered that long. */
    private readonly refreshLifetimeMs: number,
  ) {}

  /** A login form for this request in this browser; its id goes in the form. */
  startLogin(request: AuthorizationRequest, browser: string): string {
    this.prune();
    if (this.logins.size >= MAX_PENDING)
      throw new OAuthError(503, 'temporarily_unavailable', 'Too many logins');
    const id = randomToken();
    this.logins.set(id, { request, browser, expiresAt: this.now() + LOGIN_LIFETIME_MS });
    return id;
  }

  /** The pending login of a posted form, only in the browser that opened it and while it lasts. */
  pendingLogin(id: string, browser: string | undefined): AuthorizationRequest | undefined {
    const login = this.logins.get(id);
    if (!login || login.expiresAt <= this.now() || browser === undefined) return undefined;
    return sameSecret(login.browser, browser) ? login.request : undefined;
  }

  /** The person signed in: the login form is spent, and a one-time code is issued for it. */
  issueCode(
    loginId: string,
    userSub: string,
    session: LoginSession,
  ): { code: string; request: AuthorizationRequest } {
    const login = this.logins.get(loginId);
    if (!login) throw new Error('issueCode needs a pending login');
    this.logins.delete(loginId);
    const code = randomToken();
    this.codes.set(code, {
      request: login.request,
      userSub,
      session,
      expiresAt: this.now() + CODE_LIFETIME_MS,
      redeemed: false,
    });
    return { code, request: login.request };
  }

  /**
   * The token endpoint's authorization_code grant. A code is spent by its first redemption,
   * successful or not (a wrong verifier gets one guess); a second redemption of a spent code also
   * ends the session it started (RFC 6749 §4.1.2: the code may have been stolen).
   */
  redeem(
    code: string,
    client: DevIdpClient,
    redirectUri: string | undefined,
    verifier: string | undefined,
  ): RedeemedCode {
    this.prune();
    const issued = this.codes.get(code);
    if (!issued || issued.expiresAt <= this.now()) throw invalidCode();
    if (issued.redeemed) {
      this.endSession(issued.session.sid);
      throw invalidCode();
    }
    issued.redeemed = true;
    if (issued.request.client.clientId !== client.clientId) throw invalidCode();
    if (redirectUri !== issued.request.redirectUri) {
      throw new OAuthError(400, 'invalid_grant', 'Incorrect redirect_uri');
    }
    if (!verifier) throw new OAuthError(400, 'invalid_grant', 'PKCE code verifier not specified');
    if (!VERIFIER.test(verifier))
      throw new OAuthError(400, 'invalid_grant', 'PKCE verification failed: Invalid code verifier');
    const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
    if (!sameSecret(challenge, issued.request.codeChallenge)) {
      throw new OAuthError(400, 'invalid_grant', 'PKCE verification failed: Code mismatch');
    }
    return { userSub: issued.userSub, session: issued.session };
  }

  /** Logout: the session's refresh tokens are refused from now on (kept as long as one could live). */
  endSession(sid: string): void {
    this.endedSessions.set(sid, this.now() + this.refreshLifetimeMs);
  }

  isEnded(sid: string): boolean {
    return this.endedSessions.has(sid);
  }

  private prune(): void {
    const now = this.now();
    for (const [id, login] of this.logins) if (login.expiresAt <= now) this.logins.delete(id);
    for (const [code, issued] of this.codes) if (issued.expiresAt <= now) this.codes.delete(code);
    for (const [sid, until] of this.endedSessions) if (until <= now) this.endedSessions.delete(sid);
  }
}

const invalidCode = () => new OAuthError(400, 'invalid_grant', 'Code not valid');

export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}
