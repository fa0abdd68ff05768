import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_USERS } from '@hub/demo-data';
import { createDevIdp, DevIdp, devIdpClients, usersWithPassword } from '@hub/dev-idp';

export interface TestIdp extends DevIdp {
  /** A real access token from the password grant, as a client would get it. */
  tokenFor(username: string): Promise<string>;
}

/**
 * dev-idp on a free port with fresh keys in a temporary folder. Tokens live an hour (a suite signs
 * each user in once, see test-hub's warm-up), or as long as asked (a benchmark run).
 */
export async function startTestIdp(
  options: {
    accessTokenLifetimeSeconds?: number;
    /** Where a browser test serves the web app: hub-web may come back there (default: dev's 4200). */
    webOrigins?: string[];
  } = {},
): Promise<TestIdp> {
  const dir = await mkdtemp(join(tmpdir(), 'hub-idp-'));
  const lifetimeSeconds = options.accessTokenLifetimeSeconds ?? 3600;
  const idp = await createDevIdp({
    port: 0,
    keyFile: join(dir, 'keys.json'),
    users: usersWithPassword(DEMO_USERS, DEMO_PASSWORD),
    accessTokenLifetimeSeconds: lifetimeSeconds,
    clients: devIdpClients(options.webOrigins),
    logger: () => undefined,
  });
  const close = idp.close.bind(idp);
  const tokens = new Map<string, { token: string; until: number }>();
  return Object.assign(idp, {
    async tokenFor(username: string): Promise<string> {
      const cached = tokens.get(username);
      if (cached && cached.until > Date.now()) return cached.token;
      const response = await fetch(`${idp.issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: 'hub-cli',
          username,
          password: DEMO_PASSWORD,
        }),
      });
      const body = (await response.json()) as { access_token?: string; error?: string };
      if (!response.ok || !body.access_token)
        throw new Error(`no token for ${username}: ${body.error ?? response.status}`);
      // Reused until ten minutes before it expires.
      tokens.set(username, { token: body.access_token, until: Date.now() + (lifetimeSeconds - 600) * 1000 });
      return body.access_token;
    },
    async close(): Promise<void> {
      await close();
      await rm(dir, { recursive: true, force: true });
    },
  });
}
