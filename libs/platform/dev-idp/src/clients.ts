import type { DevIdpClient } from './dev-idp.types';

/** Where the web app runs in development (`npm start`, docs/web.md). */
export const DEV_WEB_ORIGINS = ['http://127.0.0.1:4200', 'http://localhost:4200'];

/**
 * The web app's public client for these origins: authorization code + PKCE (S256), back to any
 * path of the app, as the realm export's `${HUB_WEB_REDIRECT_URI}` (`<origin>/*`) allows.
 */
export function webClient(origins: readonly string[] = DEV_WEB_ORIGINS): DevIdpClient {
  const everyPath = origins.map((origin) => `${origin}/*`);
  return {
    clientId: 'hub-web',
    public: true,
    directAccessGrants: false,
    browser: { redirectUris: everyPath, postLogoutRedirectUris: everyPath, webOrigins: [...origins] },
  };
}

/** The realm's clients, as in the Keycloak realm export (DESIGN.md §5); `webOrigins` for hub-web. */
export function devIdpClients(webOrigins: readonly string[] = DEV_WEB_ORIGINS): DevIdpClient[] {
  return [
    { clientId: 'hub-cli', public: true, directAccessGrants: true },
    webClient(webOrigins),
    // Bearer-only: the API only verifies tokens, it never obtains any.
    { clientId: 'hub-api', public: false, directAccessGrants: false },
    {
      clientId: 'hub-worker',
      public: false,
      secret: process.env['DEV_IDP_WORKER_SECRET'] || 'dev-worker-secret',
      directAccessGrants: false,
      serviceAccountRoles: [],
    },
  ];
}

export const DEV_IDP_CLIENTS: DevIdpClient[] = devIdpClients();

/**
 * The protocol mappers dev-idp imitates, in Keycloak's realm-export shape, so a static check can
 * compare them with `docker/keycloak/` (mapper type, claim name, which tokens carry it). In the
 * realm they live on one client scope, HUB_CLIENT_SCOPE, that every client obtaining tokens has.
 */
export const KEYCLOAK_TOKEN_MAPPERS = [
  {
    name: 'agency_id',
    protocol: 'openid-connect',
    protocolMapper: 'oidc-usermodel-attribute-mapper',
    config: {
      'user.attribute': 'agency_id',
      'claim.name': 'agency_id',
      'jsonType.label': 'String',
      'access.token.claim': 'true',
      'id.token.claim': 'true',
      'userinfo.token.claim': 'true',
    },
  },
  {
    name: 'hub-api audience',
    protocol: 'openid-connect',
    protocolMapper: 'oidc-audience-mapper',
    config: {
      'included.client.audience': 'hub-api',
      'access.token.claim': 'true',
      'id.token.claim': 'false',
    },
  },
] as const;

/** The realm's shared client scope carrying KEYCLOAK_TOKEN_MAPPERS. */
export const HUB_CLIENT_SCOPE = 'hub';
