import { WebStorageStateStore, type UserManagerSettings } from 'oidc-client-ts';
import type { WebConfig } from '../config';

/**
 * OpenID Connect code flow with PKCE (oidc-client-ts adds the S256 challenge), the same settings
 * for dev-idp and Keycloak.
 *
 * Tokens and the sign-in state live in sessionStorage, never localStorage: sessionStorage belongs
 * to one tab and is gone when the tab closes, so a token does not outlive the visit on a shared
 * computer (a caseworker's front desk) or leak into other tabs; localStorage would keep it on disk
 * until someone signs out. (Script injection could read either: the strict CSP and React's
 * escaping are the defence there.)
 */
export function oidcSettings(config: WebConfig, origin: string, storage: Storage): UserManagerSettings {
  return {
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: `${origin}/signed-in`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile email',
    userStore: new WebStorageStateStore({ store: storage }),
    stateStore: new WebStorageStateStore({ store: storage }),
    // Renewed with the refresh token before the access token expires; a failure ends the session
    // (app.tsx listens for it).
    automaticSilentRenew: true,
    loadUserInfo: false,
    monitorSession: false,
  };
}

/** Where to go after signing in: only a path of this app (never `//host`, an open redirect). */
export function returnPath(state: unknown): string {
  const path = (state as { returnTo?: unknown } | undefined)?.returnTo;
  return typeof path === 'string' && path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
