import { createHash, randomUUID } from 'node:crypto';
import { compactVerify, createLocalJWKSet, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { DevIdpClient, DevIdpUser } from './dev-idp.types';
import type { KeyStore } from './key-store';

export interface TokenIssuerConfig {
  issuer: string;
  realm: string;
  audience: string;
  accessTokenLifetimeSeconds: number;
  refreshTokenLifetimeSeconds: number;
}

/** One login: Keycloak's user session, carried by every token of it. */
export interface LoginSession {
  sid: string;
  /** Space-separated granted scope, as in the token's `scope` claim. */
  scope: string;
  /** The browser flow's nonce: every ID token of the session repeats it (OIDC Core §3.1.3.7, §12.2). */
  nonce?: string;
}

export type TokenType = 'Bearer' | 'ID' | 'Refresh';

/** Builds and signs tokens with the claims Keycloak puts in them for this realm. */
export class TokenIssuer {
  constructor(
    readonly config: TokenIssuerConfig,
    private readonly keys: KeyStore,
  ) {}

  newSession(scope: string, nonce?: string): LoginSession {
    return { sid: randomUUID(), scope, ...(nonce === undefined ? {} : { nonce }) };
  }

  userAccessClaims(user: DevIdpUser, clientId: string, session: LoginSession, now = epochSeconds()) {
    return {
      exp: now + this.config.accessTokenLifetimeSeconds,
      iat: now,
      jti: randomUUID(),
      iss: this.config.issuer,
      aud: [this.config.audience, 'account'],
      sub: user.sub,
      typ: 'Bearer',
      azp: clientId,
      sid: session.sid,
      session_state: session.sid,
      acr: '1',
      realm_access: {
        roles: [...user.roles, `default-roles-${this.config.realm}`, 'offline_access', 'uma_authorization'],
      },
      resource_access: { account: { roles: ['manage-account', 'view-profile'] } },
      scope: session.scope,
      ...identityClaims(user),
    };
  }

  userIdClaims(
    user: DevIdpUser,
    clientId: string,
    session: LoginSession,
    accessToken: string,
    now = epochSeconds(),
  ) {
    return {
      exp: now + this.config.accessTokenLifetimeSeconds,
      iat: now,
      jti: randomUUID(),
      iss: this.config.issuer,
      aud: clientId,
      sub: user.sub,
      typ: 'ID',
      azp: clientId,
      sid: session.sid,
      session_state: session.sid,
      at_hash: atHash(accessToken),
      ...(session.nonce === undefined ? {} : { nonce: session.nonce }),
      acr: '1',
      ...identityClaims(user),
    };
  }

  refreshClaims(subject: string, clientId: string, session: LoginSession, now = epochSeconds()) {
    return {
      exp: now + this.config.refreshTokenLifetimeSeconds,
      iat: now,
      jti: randomUUID(),
      iss: this.config.issuer,
      aud: this.config.issuer,
      sub: subject,
      typ: 'Refresh',
      azp: clientId,
      sid: session.sid,
      session_state: session.sid,
      scope: session.scope,
      ...(session.nonce === undefined ? {} : { nonce: session.nonce }),
    };
  }

  serviceAccountClaims(client: DevIdpClient, now = epochSeconds()) {
    return {
      exp: now + this.config.accessTokenLifetimeSeconds,
      iat: now,
      jti: randomUUID(),
      iss: this.config.issuer,
      aud: [this.config.audience],
      sub: serviceAccountId(this.config.realm, client.clientId),
      typ: 'Bearer',
      azp: client.clientId,
      acr: '1',
      realm_access: { roles: [...(client.serviceAccountRoles ?? [])] },
      scope: 'profile email',
      email_verified: false,
      preferred_username: `service-account-${client.clientId}`,
      client_id: client.clientId,
    };
  }

  /** Signs with a realm key (default: the current signing key); header {alg:'RS256', typ:'JWT', kid}. */
  async sign(
    claims: Record<string, unknown>,
    options: { kid?: string; header?: Record<string, unknown> } = {},
  ): Promise<string> {
    const { kid, key } = await this.keys.privateKey(options.kid);
    return new SignJWT(claims as JWTPayload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid, ...options.header })
      .sign(key);
  }

  /** Verifies one of this realm's tokens against the published keys; throws when it is not valid. */
  async verify(token: string, type: TokenType): Promise<JWTPayload> {
    const jwks = createLocalJWKSet({ keys: await this.keys.publicJwks() });
    const { payload } = await jwtVerify(token, jwks, { issuer: this.config.issuer, algorithms: ['RS256'] });
    if (payload['typ'] !== type) throw new Error(`Expected a ${type} token, got ${String(payload['typ'])}`);
    return payload;
  }

  /**
   * One of this realm's tokens, signature and issuer checked but not its expiry: a logout's
   * `id_token_hint` names the session even after the ID token expired (Keycloak accepts it too).
   */
  async verifyIgnoringExpiry(token: string, type: TokenType): Promise<JWTPayload> {
    const jwks = createLocalJWKSet({ keys: await this.keys.publicJwks() });
    const { payload, protectedHeader } = await compactVerify(token, jwks, { algorithms: ['RS256'] });
    if (protectedHeader.typ !== 'JWT') throw new Error('Not a JWT');
    const claims = JSON.parse(new TextDecoder().decode(payload)) as JWTPayload;
    if (claims.iss !== this.config.issuer) throw new Error('Another issuer');
    if (claims['typ'] !== type) throw new Error(`Expected a ${type} token, got ${String(claims['typ'])}`);
    return claims;
  }
}

function identityClaims(user: DevIdpUser) {
  const { givenName, familyName } = splitName(user.name);
  return {
    email_verified: true,
    name: user.name,
    preferred_username: user.username,
    given_name: givenName,
    family_name: familyName,
    email: user.email,
    agency_id: user.agencyId,
  };
}

/** Keycloak stores first and last name; the demo data has a display name, so split at the last space. */
function splitName(name: string): { givenName: string; familyName: string } {
  const trimmed = name.trim();
  const cut = trimmed.lastIndexOf(' ');
  return cut < 0
    ? { givenName: trimmed, familyName: '' }
    : { givenName: trimmed.slice(0, cut), familyName: trimmed.slice(cut + 1) };
}

/** OpenID Connect Core §3.1.3.6: left half of the SHA-256 of the access token, base64url. */
export function atHash(accessToken: string): string {
  const digest = createHash('sha256').update(accessToken, 'ascii').digest();
  return digest.subarray(0, digest.length / 2).toString('base64url');
}

/** Keycloak gives each service account a user id; derive it so it is the same on every start. */
export function serviceAccountId(realm: string, clientId: string): string {
  const hex = createHash('sha256').update(`service-account:${realm}:${clientId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function epochSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
