/**
 * What the web app needs to know about its surroundings, fixed at build time (VITE_* variables,
 * public by nature). The same bundle signs in against dev-idp or Keycloak: both serve the realm
 * at `<server>/realms/<realm>` with the same endpoints.
 */
export interface WebConfig {
  /** The OpenID Connect issuer: the realm URL. */
  authority: string;
  clientId: string;
  /** The GraphQL endpoint; same origin by default (the dev server and the static server proxy it). */
  graphqlUrl: string;
}

export function webConfig(env: Record<string, string | undefined> = import.meta.env): WebConfig {
  return {
    authority: env['VITE_HUB_AUTHORITY'] || 'http://127.0.0.1:8080/realms/taskforce',
    clientId: env['VITE_HUB_CLIENT_ID'] || 'hub-web',
    graphqlUrl: env['VITE_HUB_GRAPHQL_URL'] || '/graphql',
  };
}
