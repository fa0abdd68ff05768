import type { BrowserFlow } from './browser-flow';
import type { DevIdpClient, DevIdpUser } from './dev-idp.types';
import { invalidClient, invalidUserCredentials, missingParameter, OAuthError } from './oauth-error';
import { sameSecret } from './secrets';
import { type LoginSession, type TokenIssuer } from './token-issuer';

export interface TokenEndpointContext {
  clients: readonly DevIdpClient[];
  users: readonly DevIdpUser[];
  issuer: TokenIssuer;
  flow: BrowserFlow;
}

export type TokenForm = Record<string, unknown>;
export type TokenResponse = Record<string, unknown>;

export const GRANT_TYPES = ['authorization_code', 'password', 'client_credentials', 'refresh_token'] as const;
type GrantType = (typeof GRANT_TYPES)[number];

// Keycloak's default client scopes; only profile and email are listed in a token's `scope`.
const KNOWN_SCOPES = new Set(['openid', 'profile', 'email', 'roles', 'web-origins', 'acr', 'basic']);

/** POST /protocol/openid-connect/token: the grants Keycloak serves to direct clients. Throws OAuthError. */
export async function handleTokenRequest(
  context: TokenEndpointContext,
  form: TokenForm,
  authorization: string | undefined,
): Promise<TokenResponse> {
  const grantType = param(form, 'grant_type');
  if (!grantType) throw new OAuthError(400, 'invalid_request', 'Missing form parameter: grant_type');
  if (!isGrantType(grantType)) throw new OAuthError(400, 'unsupported_grant_type', 'Unsupported grant_type');
  const client = authenticateClient(context.clients, form, authorization);
  switch (grantType) {
    case 'authorization_code':
      return authorizationCodeGrant(context, client, form);
    case 'password':
      return passwordGrant(context, client, form);
    case 'client_credentials':
      return clientCredentialsGrant(context, client, form);
    case 'refresh_token':
      return refreshTokenGrant(context, client, form);
  }
}

async function passwordGrant(
  context: TokenEndpointContext,
  client: DevIdpClient,
  form: TokenForm,
): Promise<TokenResponse> {
  if (!client.directAccessGrants) {
    throw new OAuthError(400, 'unauthorized_client', 'Client not allowed for direct access grants');
  }
  const username = param(form, 'username');
  const password = param(form, 'password');
  if (!username) throw missingParameter('username');
  if (password === undefined) throw missingParameter('password');
  const scope = grantedScope(param(form, 'scope'));
  const user = authenticateUser(context.users, username, password);
  if (!user) throw invalidUserCredentials();
  return userTokens(context, user, client, context.issuer.newSession(scope));
}

/** The browser flow's second half: a one-time code from the login page, with its PKCE verifier. */
async function authorizationCodeGrant(
  context: TokenEndpointContext,
  client: DevIdpClient,
  form: TokenForm,
): Promise<TokenResponse> {
  if (!client.browser) {
    throw new OAuthError(400, 'unauthorized_client', 'Client not allowed to exchange code');
  }
  const code = param(form, 'code');
  if (!code) throw missingParameter('code');
  const redeemed = context.flow.redeem(
    code,
    client,
    param(form, 'redirect_uri'),
    param(form, 'code_verifier'),
  );
  const user = context.users.find((candidate) => candidate.sub === redeemed.userSub);
  if (!user) throw new OAuthError(400, 'invalid_grant', 'User not found');
  return userTokens(context, user, client, redeemed.session);
}

/** A demo user by username (any case) or e-mail and password; undefined when either is wrong. */
export function authenticateUser(
  users: readonly DevIdpUser[],
  login: string,
  password: string,
): DevIdpUser | undefined {
  const user = findUser(users, login);
  // Compare even for an unknown user, so timing does not reveal which usernames exist.
  const passwordMatches = sameSecret(password, user?.password ?? '\u0000no-user');
  return user && passwordMatches ? user : undefined;
}

async function clientCredentialsGrant(
  context: TokenEndpointContext,
  client: DevIdpClient,
  form: TokenForm,
): Promise<TokenResponse> {
  if (client.public) {
    throw new OAuthError(400, 'unauthorized_client', 'Public client not allowed to retrieve service account');
  }
  if (!client.serviceAccountRoles) {
    throw new OAuthError(400, 'unauthorized_client', 'Client not enabled to retrieve service account');
  }
  grantedScope(param(form, 'scope'));
  const claims = context.issuer.serviceAccountClaims(client);
  return {
    access_token: await context.issuer.sign(claims),
    expires_in: context.issuer.config.accessTokenLifetimeSeconds,
    refresh_expires_in: 0,
    token_type: 'Bearer',
    'not-before-policy': 0,
    scope: claims.scope,
  };
}

async function refreshTokenGrant(
  context: TokenEndpointContext,
  client: DevIdpClient,
  form: TokenForm,
): Promise<TokenResponse> {
  const refreshToken = param(form, 'refresh_token');
  if (!refreshToken) throw missingParameter('refresh_token');
  let claims;
  try {
    claims = await context.issuer.verify(refreshToken, 'Refresh');
  } catch {
    throw new OAuthError(400, 'invalid_grant', 'Invalid refresh token');
  }
  if (claims['azp'] !== client.clientId) {
    throw new OAuthError(
      400,
      'invalid_grant',
      "Invalid refresh token. Token client and authorized client don't match",
    );
  }
  const user = context.users.find((candidate) => candidate.sub === claims.sub);
  if (!user) throw new OAuthError(400, 'invalid_grant', 'User not found');
  const sid = String(claims['sid']);
  // Signed out (logout endpoint): the session's refresh tokens stop working at once, as in Keycloak.
  if (context.flow.isEnded(sid)) throw new OAuthError(400, 'invalid_grant', 'Session not active');
  const nonce = typeof claims['nonce'] === 'string' ? claims['nonce'] : undefined;
  const session: LoginSession = { sid, scope: String(claims['scope'] ?? ''), nonce };
  return userTokens(context, user, client, session);
}

async function userTokens(
  context: TokenEndpointContext,
  user: DevIdpUser,
  client: DevIdpClient,
  session: LoginSession,
): Promise<TokenResponse> {
  const { issuer } = context;
  const accessToken = await issuer.sign(issuer.userAccessClaims(user, client.clientId, session));
  const response: TokenResponse = {
    access_token: accessToken,
    expires_in: issuer.config.accessTokenLifetimeSeconds,
    refresh_expires_in: issuer.config.refreshTokenLifetimeSeconds,
    refresh_token: await issuer.sign(issuer.refreshClaims(user.sub, client.clientId, session)),
    token_type: 'Bearer',
  };
  if (session.scope.split(' ').includes('openid')) {
    response['id_token'] = await issuer.sign(
      issuer.userIdClaims(user, client.clientId, session, accessToken),
    );
  }
  response['not-before-policy'] = 0;
  response['session_state'] = session.sid;
  response['scope'] = session.scope;
  return response;
}

/** Client authentication: HTTP Basic first, else client_id/client_secret in the body (RFC 6749 §2.3.1). */
export function authenticateClient(
  clients: readonly DevIdpClient[],
  form: TokenForm,
  authorization: string | undefined,
): DevIdpClient {
  const basic = parseBasic(authorization);
  const clientId = basic?.clientId ?? param(form, 'client_id');
  const secret = basic?.secret ?? param(form, 'client_secret');
  if (!clientId) throw new OAuthError(400, 'invalid_request', 'Missing parameter: client_id');
  const client = clients.find((candidate) => candidate.clientId === clientId);
  if (!client) throw invalidClient();
  if (client.public) return client;
  if (client.secret === undefined) throw new OAuthError(400, 'invalid_client', 'Bearer-only not allowed');
  if (secret === undefined || !sameSecret(secret, client.secret)) throw invalidClient();
  return client;
}

function parseBasic(authorization: string | undefined): { clientId: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw invalidClient();
  try {
    // RFC 6749 §2.3.1: both parts are form-urlencoded before base64.
    const formDecode = (value: string) => decodeURIComponent(value.replace(/\+/g, ' '));
    return { clientId: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    throw invalidClient();
  }
}

/** Keycloak signs users in by username (case-insensitive) or e-mail. */
function findUser(users: readonly DevIdpUser[], login: string): DevIdpUser | undefined {
  const wanted = login.toLowerCase();
  return users.find((user) => user.username.toLowerCase() === wanted || user.email.toLowerCase() === wanted);
}

/** The `scope` a token records: openid when asked for, plus the default scopes profile and email. */
export function grantedScope(requested: string | undefined): string {
  const asked = (requested ?? '').split(/\s+/).filter(Boolean);
  const unknown = asked.filter((scope) => !KNOWN_SCOPES.has(scope));
  if (unknown.length > 0) throw new OAuthError(400, 'invalid_scope', `Invalid scopes: ${requested ?? ''}`);
  return [...(asked.includes('openid') ? ['openid'] : []), 'profile', 'email'].join(' ');
}

function param(form: TokenForm, name: string): string | undefined {
  const value = form[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string')
    throw new OAuthError(400, 'invalid_request', `duplicated parameter: ${name}`);
  return value;
}

function isGrantType(value: string): value is GrantType {
  return (GRANT_TYPES as readonly string[]).includes(value);
}
