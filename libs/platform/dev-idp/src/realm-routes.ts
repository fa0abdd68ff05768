import express, {
  type ErrorRequestHandler,
  type Express,
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import {
  type BrowserFlow,
  checkAuthorizationRequest,
  matchesUri,
  pickLocale,
  randomToken,
} from './browser-flow';
import type { DevIdpClient, DevIdpUser } from './dev-idp.types';
import type { KeyStore } from './key-store';
import { errorPage, expiredPage, loginPage, type Page, signedOutPage } from './login-page';
import { OAuthError } from './oauth-error';
import { authenticateUser, GRANT_TYPES, grantedScope, handleTokenRequest } from './token-endpoint';
import type { TokenIssuer } from './token-issuer';

export interface RealmContext {
  realm: string;
  issuer: TokenIssuer;
  keys: KeyStore;
  clients: readonly DevIdpClient[];
  users: readonly DevIdpUser[];
  flow: BrowserFlow;
  log: (message: string, fields?: Record<string, unknown>) => void;
}

/** The HTTP surface, laid out like Keycloak's: everything under /realms/{realm}. */
export function createRealmApp(context: RealmContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(`/realms/${context.realm}`, realmRouter(context));
  app.use('/realms/:realm', (_req, res) => {
    res.status(404).json({ error: 'Realm does not exist', error_description: 'Realm does not exist' });
  });
  app.use(notFound);
  app.use(errorHandler(context));
  return app;
}

function realmRouter(context: RealmContext): express.Router {
  const { issuer: tokens, keys, realm } = context;
  const issuer = tokens.config.issuer;
  const oidc = `${issuer}/protocol/openid-connect`;
  const router = express.Router();
  const cors = corsFor(context.clients);

  router.get('/', async (_req, res) => {
    res.json({
      realm,
      public_key: await keys.signingPublicKeyBase64(),
      'token-service': oidc,
      'account-service': `${issuer}/account`,
      'tokens-not-before': 0,
    });
  });

  router.get('/.well-known/openid-configuration', cors, (_req, res) => {
    res.json({
      issuer,
      authorization_endpoint: `${oidc}/auth`,
      token_endpoint: `${oidc}/token`,
      userinfo_endpoint: `${oidc}/userinfo`,
      end_session_endpoint: `${oidc}/logout`,
      jwks_uri: `${oidc}/certs`,
      grant_types_supported: [...GRANT_TYPES],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      userinfo_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: ['openid', 'profile', 'email', 'roles', 'web-origins', 'acr', 'basic'],
      claims_supported: [
        'iss',
        'sub',
        'aud',
        'exp',
        'iat',
        'acr',
        'azp',
        'name',
        'given_name',
        'family_name',
        'preferred_username',
        'email',
        'email_verified',
        'agency_id',
      ],
    });
  });

  router.get('/protocol/openid-connect/certs', cors, async (_req, res) => {
    res.json({ keys: await keys.publicJwks() });
  });

  browserRoutes(router, context);

  router.options('/protocol/openid-connect/token', cors);
  router.post(
    '/protocol/openid-connect/token',
    cors,
    express.urlencoded({ extended: false, limit: '64kb' }),
    async (req, res) => {
      res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
      const form = (req.body ?? {}) as Record<string, unknown>;
      res.json(await handleTokenRequest(context, form, req.get('authorization')));
    },
  );

  const userinfo = async (req: Request, res: Response) => {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!token) {
      res.set('WWW-Authenticate', `Bearer realm="${realm}"`);
      throw new OAuthError(401, 'invalid_request', 'Token not provided');
    }
    let claims;
    try {
      claims = await tokens.verify(token, 'Bearer');
    } catch {
      res.set('WWW-Authenticate', `Bearer realm="${realm}", error="invalid_token"`);
      throw new OAuthError(401, 'invalid_token', 'Token verification failed');
    }
    const user = context.users.find((candidate) => candidate.sub === claims.sub);
    const { email_verified, name, preferred_username, given_name, family_name, email, agency_id } = claims;
    res.json(
      user
        ? {
            sub: claims.sub,
            email_verified,
            name,
            preferred_username,
            given_name,
            family_name,
            email,
            agency_id,
          }
        : { sub: claims.sub, email_verified, preferred_username },
    );
  };
  router.options('/protocol/openid-connect/userinfo', cors);
  router.get('/protocol/openid-connect/userinfo', cors, userinfo);
  router.post('/protocol/openid-connect/userinfo', cors, userinfo);
  router.use(notFound);

  return router;
}

const BROWSER_COOKIE = 'DEV_IDP_BROWSER';

/**
 * The browser flow, as Keycloak lays it out: the authorization endpoint shows the login page, the
 * page posts to login-actions, which redirects back with a one-time code (exchanged at the token
 * endpoint with the PKCE verifier); logout ends the session and may send the person back.
 */
function browserRoutes(router: express.Router, context: RealmContext): void {
  const { flow, issuer: tokens } = context;
  const issuer = tokens.config.issuer;
  const realmPath = new URL(issuer).pathname;
  const loginAction = `${issuer}/login-actions/authenticate`;
  const demoUsers = context.users.map(({ username, name }) => ({ username, name }));

  router.get('/protocol/openid-connect/auth', (req, res) => {
    const query = req.query as Record<string, unknown>;
    const check = checkAuthorizationRequest(context.clients, query, grantedScope, req.get('accept-language'));
    const locale = pickLocale(undefined, req.get('accept-language'));
    if (check.kind === 'show-error') return send(res.status(400), errorPage(locale, check.description));
    if (check.kind === 'redirect-error') {
      return res.redirect(
        302,
        withParams(check.redirectUri, {
          error: check.error,
          error_description: check.description,
          state: check.state,
          iss: issuer,
        }),
      );
    }
    // One random value per browser, in an HttpOnly SameSite cookie: the form posts only from it.
    const browser = browserOf(req) ?? randomToken();
    res.cookie(BROWSER_COOKIE, browser, { httpOnly: true, sameSite: 'lax', path: realmPath });
    const loginId = flow.startLogin(check.request, browser);
    send(
      res,
      loginPage({
        locale: check.request.locale,
        action: loginAction,
        loginId,
        redirectOrigin: new URL(check.request.redirectUri).origin,
        demoUsers,
      }),
    );
  });

  router.post(
    '/login-actions/authenticate',
    express.urlencoded({ extended: false, limit: '16kb' }),
    (req, res) => {
      const form = (req.body ?? {}) as Record<string, unknown>;
      const field = (name: string) => (typeof form[name] === 'string' ? form[name] : '');
      const locale = pickLocale(undefined, req.get('accept-language'));
      // A form posted from another site (login CSRF) is refused even before its cookie is read.
      const origin = req.get('origin');
      if ((origin && origin !== new URL(issuer).origin) || req.get('sec-fetch-site') === 'cross-site') {
        return send(res.status(403), expiredPage(locale));
      }
      const loginId = field('login');
      const request = flow.pendingLogin(loginId, browserOf(req));
      if (!request) return send(res.status(400), expiredPage(locale));
      const user = authenticateUser(context.users, field('username'), field('password'));
      if (!user) {
        return send(
          res,
          loginPage({
            locale: request.locale,
            action: loginAction,
            loginId,
            redirectOrigin: new URL(request.redirectUri).origin,
            username: field('username'),
            failed: true,
            demoUsers,
          }),
        );
      }
      const session = tokens.newSession(request.scope, request.nonce);
      const { code } = flow.issueCode(loginId, user.sub, session);
      context.log('browser sign-in', { client: request.client.clientId, sub: user.sub });
      res.redirect(
        302,
        withParams(request.redirectUri, {
          code,
          state: request.state,
          session_state: session.sid,
          iss: issuer,
        }),
      );
    },
  );

  const logout = async (req: Request, res: Response) => {
    const params = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown>;
    const value = (name: string) => (typeof params[name] === 'string' ? params[name] : undefined);
    const locale = pickLocale(value('ui_locales'), req.get('accept-language'));
    const hint = value('id_token_hint');
    let hinted: { sid?: string; clientId?: string } = {};
    if (hint) {
      try {
        const claims = await tokens.verifyIgnoringExpiry(hint, 'ID');
        hinted = { sid: String(claims['sid']), clientId: String(claims['azp']) };
      } catch {
        return send(res.status(400), errorPage(locale, 'Invalid parameter: id_token_hint'));
      }
    }
    const clientId = value('client_id');
    if (clientId && hinted.clientId && clientId !== hinted.clientId) {
      return send(
        res.status(400),
        errorPage(locale, 'Parameter client_id different than the one in id_token_hint'),
      );
    }
    const redirectUri = value('post_logout_redirect_uri');
    const client = context.clients.find((candidate) => candidate.clientId === (hinted.clientId ?? clientId));
    if (redirectUri) {
      if (!client) return send(res.status(400), errorPage(locale, 'Missing parameters: id_token_hint'));
      if (!client.browser || !matchesUri(redirectUri, client.browser.postLogoutRedirectUris)) {
        return send(res.status(400), errorPage(locale, 'Invalid redirect uri'));
      }
    }
    if (hinted.sid) {
      flow.endSession(hinted.sid);
      context.log('sign-out', { client: hinted.clientId, sid: hinted.sid });
    }
    if (redirectUri) return res.redirect(302, withParams(redirectUri, { state: value('state') }));
    send(res, signedOutPage(locale));
  };
  router.get('/protocol/openid-connect/logout', logout);
  router.post(
    '/protocol/openid-connect/logout',
    express.urlencoded({ extended: false, limit: '16kb' }),
    logout,
  );
}

function browserOf(req: Request): string | undefined {
  for (const part of (req.get('cookie') ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === BROWSER_COOKIE) return rest.join('=') || undefined;
  }
  return undefined;
}

function withParams(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

/** An HTML page of dev-idp's own: never cached, never framed, its own CSP. */
function send(res: Response, page: Page): void {
  res.set({
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': page.csp,
    'Cache-Control': 'no-store',
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on the login
    // form's post, and the CSRF check needs the real origin. Nothing leaks to other sites.
    'Referrer-Policy': 'same-origin',
  });
  res.send(page.html);
}

/**
 * CORS for the endpoints a browser client calls from its own origin (discovery, certs, token,
 * userinfo): only the origins a client lists as web origins (Keycloak's `webOrigins`).
 */
function corsFor(clients: readonly DevIdpClient[]) {
  const allowed = new Set(clients.flatMap((client) => client.browser?.webOrigins ?? []));
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin && allowed.has(origin)) {
      res.set('Access-Control-Allow-Origin', origin);
      if (req.method === 'OPTIONS') {
        res.set({
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type',
          'Access-Control-Max-Age': '3600',
        });
      }
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}

function notFound(_req: Request, res: Response): void {
  res.status(404).json({ error: 'Unable to find matching target resource method' });
}

function errorHandler(context: RealmContext): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof OAuthError) {
      res.status(error.status).json(error.toJSON());
      return;
    }
    // body-parser marks malformed or oversized bodies with an HTTP status of 4xx.
    const status = (error as { status?: unknown } | undefined)?.status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      res.status(400).json({ error: 'invalid_request', error_description: 'Malformed request body' });
      return;
    }
    context.log('request failed', { err: error });
    res.status(500).json({ error: 'server_error', error_description: 'Internal error' });
  };
}
