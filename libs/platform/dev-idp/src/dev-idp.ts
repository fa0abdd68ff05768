import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@hub/observability';
import { BrowserFlow } from './browser-flow';
import { DEV_IDP_CLIENTS } from './clients';
import type { DevIdp, DevIdpOptions } from './dev-idp.types';
import { KeyStore } from './key-store';
import { createRealmApp } from './realm-routes';
import { TokenIssuer } from './token-issuer';

// Keycloak's default SSO session idle timeout, which bounds its refresh tokens.
const REFRESH_TOKEN_LIFETIME_SECONDS = 1800;

/** Starts the local Keycloak-compatible issuer and resolves once it is listening. */
export async function createDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  if (options.production && options.users.length > 0) {
    throw new Error(
      'dev-idp refuses to serve demo users in production (NODE_ENV=production); use Keycloak instead',
    );
  }
  const host = options.host ?? '127.0.0.1';
  const realm = options.realm ?? 'taskforce';
  const clients = options.clients ?? DEV_IDP_CLIENTS;
  const accessTokenLifetimeSeconds = options.accessTokenLifetimeSeconds ?? 300;
  validateOptions(realm, accessTokenLifetimeSeconds, options);

  const emit = options.logger ?? (() => undefined);
  // The API's log format (pino JSON lines), handed to the caller line by line; a line with an
  // `err` is an error and its error goes through the shared serializer.
  const logger = createLogger('dev-idp', { destination: { write: (line: string) => emit(line.trimEnd()) } });
  const log = (msg: string, fields: Record<string, unknown> = {}) =>
    fields['err'] === undefined ? logger.info(fields, msg) : logger.error(fields, msg);

  const keys = await KeyStore.open(options.keyFile, log);

  // The issuer URL needs the bound port, so requests that race the bind get a 503.
  let handle: RequestListener = (_req, res) => {
    res.writeHead(503).end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8080, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(host)}:${port}`;
  const issuerUrl = `${url}/realms/${realm}`;

  const issuer = new TokenIssuer(
    {
      issuer: issuerUrl,
      realm,
      audience: options.audience ?? 'hub-api',
      accessTokenLifetimeSeconds,
      refreshTokenLifetimeSeconds: REFRESH_TOKEN_LIFETIME_SECONDS,
    },
    keys,
  );
  const flow = new BrowserFlow(options.now ?? Date.now, REFRESH_TOKEN_LIFETIME_SECONDS * 1000);
  handle = createRealmApp({ realm, issuer, keys, clients, users: options.users, flow, log });

  let closing: Promise<void> | undefined;
  return {
    url,
    issuer: issuerUrl,
    port,
    rotateKey: () => keys.rotate(),
    withdrawKey: (kid) => keys.withdraw(kid),
    publishedKids: () => keys.publishedKids(),
    signingKid: async () => (await keys.signingKey()).kid,
    signWithRealmKey: (claims, signOptions) => issuer.sign(claims, signOptions),
    accessTokenClaims: (username) => {
      const user = options.users.find((candidate) => candidate.username === username);
      if (!user) throw new Error(`Unknown dev-idp user: ${username}`);
      return issuer.userAccessClaims(user, 'hub-cli', issuer.newSession('openid profile email'));
    },
    close: () => {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (fetch, JWKS clients) would otherwise hold close() open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function validateOptions(realm: string, lifetime: number, options: DevIdpOptions): void {
  if (!/^[A-Za-z0-9_-]+$/.test(realm)) throw new Error(`Invalid realm name: ${realm}`);
  if (!Number.isInteger(lifetime) || lifetime <= 0) {
    throw new Error(`accessTokenLifetimeSeconds must be a positive integer, got ${lifetime}`);
  }
  const seen = new Set<string>();
  for (const user of options.users) {
    const name = user.username.toLowerCase();
    if (seen.has(name)) throw new Error(`Duplicate dev-idp user: ${user.username}`);
    seen.add(name);
  }
}

/** A wildcard bind is reached through loopback; IPv6 literals need brackets in a URL. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
