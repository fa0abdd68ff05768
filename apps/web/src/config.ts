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
  /** Minutes without activity after which the app signs the person out (a warning comes a minute before). */
  idleMinutes: number;
}

export const DEFAULT_IDLE_MINUTES = 15;
/** At least 2: the warning comes a minute before. At most a day. */
const IDLE_MINUTES = { min: 2, max: 1440 };

export function webConfig(env: Record<string, string | undefined> = import.meta.env): WebConfig {
  return {
    authority: env['VITE_HUB_AUTHORITY'] || 'http://127.0.0.1:8080/realms/taskforce',
    clientId: env['VITE_HUB_CLIENT_ID'] || 'hub-web',
    graphqlUrl: env['VITE_HUB_GRAPHQL_URL'] || '/graphql',
    idleMinutes: idleMinutes(env['VITE_HUB_IDLE_MINUTES']),
  };
}

/** A mistyped timeout fails the app at start, saying so, rather than silently signing no one out. */
function idleMinutes(value: string | undefined): number {
  if (!value) return DEFAULT_IDLE_MINUTES;
  const minutes = Number(value);
  if (!/^\d+$/.test(value.trim()) || minutes < IDLE_MINUTES.min || minutes > IDLE_MINUTES.max) {
    throw new Error(
      `VITE_HUB_IDLE_MINUTES must be a whole number of minutes from ${IDLE_MINUTES.min} to ${IDLE_MINUTES.max}, not "${value}"`,
    );
  }
  return minutes;
}
