import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors as joseErrors } from 'jose';
import { createHash, type KeyObject } from 'node:crypto';
import KeycloakConnect from 'keycloak-connect';
import { LRUCache } from 'lru-cache';
import { authConfig, AuthConfig } from './auth.config';
import { Caller } from './caller';

/** Why a token was refused; logged, never sent to the client (the client only learns UNAUTHENTICATED). */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(`invalid token: ${reason}`);
    this.name = 'InvalidTokenError';
  }
}

/** A verified token: who it speaks for, and until when. */
export interface VerifiedToken {
  caller: Caller;
  expiresAt: Date;
}

const BEARER = /^Bearer ([A-Za-z0-9\-_.~+/]+=*)$/i;

/** The token of an `Authorization: Bearer …` value (HTTP header or connection parameter). */
export function bearerToken(value: string): string {
  const match = BEARER.exec(value.trim());
  if (!match) throw new InvalidTokenError('authorization header is not a bearer token');
  return match[1];
}

/** Verified tokens remembered at once (one per active session; the oldest unused go first). */
const VERIFIED_TOKENS = 10_000;

/** At most one key-set refetch per second, however many unknown `kid`s arrive. */
const JWKS_COOLDOWN_MS = 1000;

type GrantManager = {
  createGrant(raw: string): Promise<{ access_token?: { content: Record<string, unknown> } }>;
};

/**
 * Verifies Keycloak access tokens.
 *
 * keycloak-connect does the Keycloak-specific validation (signature, `typ`, `iss`, expiry), but
 * it caches keys forever, stalls on a new `kid` and skips several checks (STACK.md). So we keep
 * the key set ourselves (jose's remote JWKS: an unknown `kid` triggers a refetch at once, and
 * keys are trusted for at most AUTH_JWKS_CACHE_SECONDS), hand keycloak-connect the one key to
 * verify with, and add the checks it misses: `alg` pinned to RS256, audience, `exp` required,
 * `nbf`, `iat` not in the future.
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private readonly issuer: string;
  private readonly jwksUrl: URL;
  private readonly keySet: ReturnType<typeof createRemoteJWKSet>;
  /** One keycloak-connect grant manager per public key (few keys live at once). */
  private readonly grantManagers = new Map<string, GrantManager>();
  /**
   * Tokens already verified, by the SHA-256 of the token (the token itself is not kept), each
   * until its `exp`: a client sends the same token with every request, and the RSA check and the
   * claims do not change while it is valid (bounded in number, and in time by `exp` and the key
   * set's cache age). Only this verification is remembered: whether the
   * user or the agency may still come in (suspension, deactivation) is asked on every request
   * (CallerAdmission, AuthzGuard).
   */
  private readonly verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKENS });

  constructor(@Inject(authConfig.token) private readonly config: AuthConfig) {
    const realmUrl = `${config.AUTH_SERVER_URL.replace(/\/+$/, '')}/realms/${config.AUTH_REALM}`;
    this.issuer = config.AUTH_ISSUER ?? realmUrl;
    this.jwksUrl = new URL(config.AUTH_JWKS_URL ?? `${realmUrl}/protocol/openid-connect/certs`);
    this.keySet = createRemoteJWKSet(this.jwksUrl, {
      cacheMaxAge: config.AUTH_JWKS_CACHE_SECONDS * 1000,
      // A rotated key must work at once; refetches on unknown kids are still rate-limited.
      cooldownDuration: JWKS_COOLDOWN_MS,
      timeoutDuration: 5000,
    });
  }

  /** Fetches the realm's key set; used by the readiness check. */
  async keysReachable(): Promise<boolean> {
    try {
      const response = await fetch(this.jwksUrl, { signal: AbortSignal.timeout(3000) });
      if (!response.ok) return false;
      const body = (await response.json()) as { keys?: unknown[] };
      return Array.isArray(body.keys) && body.keys.length > 0;
    } catch {
      return false;
    }
  }

  async verify(token: string): Promise<Caller> {
    return (await this.verifySession(token)).caller;
  }

  /**
   * The same checks as `verify`, also answering when the token stops being valid: a connection
   * that outlives one request (a subscription) is closed then.
   */
  async verifySession(token: string): Promise<VerifiedToken> {
    const digest = createHash('sha256').update(token).digest('base64url');
    const known = this.verified.get(digest);
    // A copy: the caller object travels with the request and must not be shared between requests.
    if (known && known.expiresAt.getTime() > Date.now()) return { ...known, caller: { ...known.caller } };
    const verified = await this.verifyFully(token);
    // Until `exp`, and never longer than the key that verified it is trusted (a key taken out of
    // the realm's set stops a token it signed as soon as it would have without this cache).
    const ttl = Math.min(
      verified.expiresAt.getTime() - Date.now(),
      this.config.AUTH_JWKS_CACHE_SECONDS * 1000,
    );
    if (ttl > 0) this.verified.set(digest, verified, { ttl });
    return { ...verified, caller: { ...verified.caller } };
  }

  private async verifyFully(token: string): Promise<VerifiedToken> {
    const { header, claims } = this.decode(token);
    if (header.alg !== 'RS256') throw new InvalidTokenError(`algorithm ${String(header.alg)} not allowed`);
    if (typeof header.kid !== 'string' || header.kid.length === 0) throw new InvalidTokenError('no key id');

    const key = await this.keyFor(header.kid);
    await this.verifyWithKeycloak(token, key);
    this.checkClaims(claims);
    // checkClaims refused a token without a numeric `exp`.
    return { caller: toCaller(claims), expiresAt: new Date((claims.exp as number) * 1000) };
  }

  private decode(token: string) {
    try {
      return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
    } catch {
      throw new InvalidTokenError('malformed');
    }
  }

  private async keyFor(kid: string, retried = false): Promise<KeyObject> {
    try {
      return (await this.keySet({ alg: 'RS256', kid }, undefined)) as unknown as KeyObject;
    } catch (error) {
      if (error instanceof joseErrors.JWKSNoMatchingKey) {
        // The key set may have been fetched just before a rotation, inside the refetch cooldown:
        // wait the cooldown out and look once more, so a new key is never refused.
        if (!retried) {
          await new Promise((resolve) => setTimeout(resolve, JWKS_COOLDOWN_MS + 50));
          return this.keyFor(kid, true);
        }
        throw new InvalidTokenError(`unknown key ${kid}`);
      }
      this.logger.warn(`realm keys unavailable: ${(error as Error).message}`);
      throw new InvalidTokenError('realm keys unavailable');
    }
  }

  private async verifyWithKeycloak(token: string, key: KeyObject): Promise<void> {
    const der = key.export({ type: 'spki', format: 'der' }).toString('base64');
    let manager = this.grantManagers.get(der);
    if (!manager) {
      const keycloak = new KeycloakConnect({}, {
        realm: this.config.AUTH_REALM,
        'auth-server-url': this.config.AUTH_SERVER_URL,
        resource: this.config.AUTH_CLIENT_ID,
        'bearer-only': true,
        'verify-token-audience': true,
        'confidential-port': 0,
        'ssl-required': 'external',
        // Not in keycloak-connect's .d.ts, but read by its config (STACK.md).
        'realm-public-key': der,
      } as unknown as KeycloakConnect.KeycloakConfig) as unknown as { grantManager: GrantManager };
      manager = keycloak.grantManager;
      // keycloak-connect compares `iss` with its realm URL; a configured issuer override wins.
      (manager as unknown as { realmUrl: string }).realmUrl = this.issuer;
      if (this.grantManagers.size > 16) this.grantManagers.clear();
      this.grantManagers.set(der, manager);
    }
    try {
      const grant = await manager.createGrant(JSON.stringify({ access_token: token }));
      if (!grant.access_token) throw new Error('no access token in grant');
    } catch (error) {
      throw new InvalidTokenError(
        (error as Error).message.replace(/^Grant validation failed\. Reason: /, ''),
      );
    }
  }

  private checkClaims(claims: Record<string, unknown>): void {
    const now = Math.floor(Date.now() / 1000);
    const leeway = this.config.AUTH_CLOCK_LEEWAY_SECONDS;
    if (claims.iss !== this.issuer) throw new InvalidTokenError('wrong issuer');
    if (claims.typ !== 'Bearer') throw new InvalidTokenError('not an access token');
    if (typeof claims.exp !== 'number') throw new InvalidTokenError('no expiry');
    if (claims.exp <= now) throw new InvalidTokenError('expired');
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now + leeway)) {
      throw new InvalidTokenError('not yet valid');
    }
    if (typeof claims.iat === 'number' && claims.iat > now + leeway)
      throw new InvalidTokenError('issued in the future');
    const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audience.includes(this.config.AUTH_CLIENT_ID)) throw new InvalidTokenError('wrong audience');
    if (typeof claims.sub !== 'string' || claims.sub.length === 0) throw new InvalidTokenError('no subject');
  }
}

function toCaller(claims: Record<string, unknown>): Caller {
  const realmAccess = claims.realm_access as { roles?: unknown } | undefined;
  const roles = Array.isArray(realmAccess?.roles)
    ? realmAccess.roles.filter((r): r is string => typeof r === 'string')
    : [];
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : null);
  return {
    userId: claims.sub as string,
    username: text(claims.preferred_username) ?? (claims.sub as string),
    name: text(claims.name),
    email: text(claims.email),
    // Any value present is kept as given, so a malformed claim is refused by the agency check.
    agencyId: claims.agency_id === undefined || claims.agency_id === null ? null : String(claims.agency_id),
    roles,
    tokenId: text(claims.jti),
  };
}
