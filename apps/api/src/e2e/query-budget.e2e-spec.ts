import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { TaskForceService } from '@hub/agencies';
import { TestHub } from '@hub/testing';
import { createApp } from '../app/create-app';
import { startHub } from './hub';

/**
 * List-aware query cost (GRAPHQL_MAX_COST, default 25,000) and the per-caller request budget
 * (GRAPHQL_RATE_LIMIT_POINTS per GRAPHQL_RATE_LIMIT_WINDOW_SECONDS, in PostgreSQL).
 */
const POINTS = 5;

/** A task force's members, each member's agency and task force with its members again, `levels` deep. */
function members(levels: number): string {
  const inner = levels === 1 ? '' : ` taskForce { id ${members(levels - 1)} }`;
  return `members { role agency { id name }${inner} }`;
}
/** The tester's query: four aliases of taskForces, members four levels deep (work grows as members⁴). */
const HOSTILE = `{ ${['a', 'b', 'c', 'd']
  .map((alias) => `${alias}: taskForces { edges { node { id ${members(4)} } } }`)
  .join(' ')} }`;
/**
 * Its cost: per level, members = 1 + 100 × (agency 1 + taskForce (1 + next level)); the innermost
 * level is 1 + 100 × 1 = 101, then 1 + 100 × (1 + 1 + 101) = 10,301, 1,030,301, 103,030,301;
 * each alias is 1 + 20 × (node 1 + 103,030,301), and four aliases make 8,242,424,164.
 */
const HOSTILE_COST = 4 * (1 + 20 * (1 + 103_030_301));
/** What the web app's task-force screen asks: cost 1 + 20 × (1 + 1 + 100 × 1) = 2041. */
const NORMAL = '{ taskForces { edges { node { id name members { role agency { id name } } } } } }';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POST /graphql (or GET a path) from a chosen loopback address, so each test is its own anonymous client. */
function send(
  url: string,
  options: { from?: string; token?: string; path?: string; query?: string; forwardedFor?: string } = {},
): Promise<Reply> {
  const target = new URL(options.path ?? '/graphql', url);
  const payload = options.query === undefined ? undefined : JSON.stringify({ query: options.query });
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      {
        method: payload === undefined ? 'GET' : 'POST',
        localAddress: options.from,
        agent: false,
        headers: {
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.forwardedFor ? { 'x-forwarded-for': options.forwardedFor } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : {} });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const ME = '{ me { userId } }';

function expectRateLimited(reply: Reply): void {
  expect(reply.status).toBe(429);
  const retryAfter = Number(reply.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(reply.body.data).toBeUndefined();
  expect(reply.body.errors).toEqual([
    {
      message: expect.any(String),
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter, limit: POINTS, windowSeconds: 60 },
    },
  ]);
}

describe('query cost and per-caller budget (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub({
      env: { GRAPHQL_RATE_LIMIT_POINTS: String(POINTS), GRAPHQL_RATE_LIMIT_WINDOW_SECONDS: '60' },
    });
  });
  afterAll(async () => {
    await hub.close();
  });

  /** A realm-signed token for a user nobody else in the suite is, so their budget is untouched. */
  const freshUser = () =>
    hub.idp.signWithRealmKey({ ...hub.idp.accessTokenClaims('tf.coordinator'), sub: randomUUID() });

  describe('cost', () => {
    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('refuses the nested taskForces query before it runs: a request error (200 as application/json), GRAPHQL_VALIDATION_FAILED, its cost', async () => {
      const list = jest.spyOn(hub.app.get(TaskForceService), 'list');
      const reply = await send(hub.url, { token: await freshUser(), query: HOSTILE });
      expect(reply.status).toBe(200);
      expect(reply.body.data).toBeUndefined();
      expect(reply.body.errors).toHaveLength(1);
      expect(reply.body.errors?.[0]?.extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'QUERY_COST',
        cost: HOSTILE_COST,
        maxCost: 25_000,
      });
      expect(list).not.toHaveBeenCalled();
    });

    it('refuses a page size that takes a list over the limit, and runs the same query at a smaller page', async () => {
      const token = await freshUser();
      // Each member costs 3 (its agency, its task force, that task force's member list), so a
      // task force costs 1 + 1 + 100 × 3 and the page 1 + first × 302.
      const page = (first: number) =>
        `{ taskForces(first: ${first}) { edges { node { members { agency { id } taskForce { id members { role } } } } } } }`;
      const over = await send(hub.url, { token, query: page(100) });
      expect(over.status).toBe(200);
      expect(over.body.errors).toHaveLength(1);
      expect(over.body.errors?.[0]?.extensions).toMatchObject({
        code: 'GRAPHQL_VALIDATION_FAILED',
        reason: 'QUERY_COST',
        cost: 1 + 100 * (1 + 1 + 100 * 3),
        maxCost: 25_000,
      });
      const under = await send(hub.url, { token, query: page(50) });
      expect(under.status).toBe(200);
      expect(under.body.errors).toBeUndefined();
    });

    it('runs the task-force screen query (cost 2041) normally', async () => {
      const reply = await send(hub.url, { token: await freshUser(), query: NORMAL });
      expect(reply.status).toBe(200);
      expect(reply.body.errors).toBeUndefined();
      const data = reply.body.data as { taskForces: { edges: { node: { members: unknown[] } }[] } };
      expect(data.taskForces.edges[0].node.members).toHaveLength(6);
    });
  });

  describe('budget', () => {
    it(`answers the ${POINTS + 1}th request of a user in the window with 429, Retry-After and a GraphQL-shaped body`, async () => {
      const token = await freshUser();
      for (let i = 0; i < POINTS; i += 1) {
        const reply = await send(hub.url, { token, query: ME });
        expect(reply.status).toBe(200);
      }
      expectRateLimited(await send(hub.url, { token, query: ME }));
      // Another user from the same address is unaffected: the budget is per user, not per address.
      const other = await send(hub.url, { token: await freshUser(), query: ME });
      expect(other.status).toBe(200);
      expect(other.body.errors).toBeUndefined();
    });

    it('keeps anonymous callers apart by client address', async () => {
      const query = '{ resources(first: 1) { edges { cursor } } }';
      for (let i = 0; i < POINTS; i += 1) {
        expect((await send(hub.url, { from: '127.0.0.2', query })).status).toBe(200);
      }
      expectRateLimited(await send(hub.url, { from: '127.0.0.2', query }));
      const elsewhere = await send(hub.url, { from: '127.0.0.3', query });
      expect(elsewhere.status).toBe(200);
      // A signed-in user at the spent address has their own budget.
      const signedIn = await send(hub.url, { from: '127.0.0.2', token: await freshUser(), query: ME });
      expect(signedIn.status).toBe(200);
    });

    it('believes no X-Forwarded-For unless told to (TRUST_PROXY): a spent address cannot name another', async () => {
      const query = '{ resources(first: 1) { edges { cursor } } }';
      const from = '127.0.0.6';
      for (let i = 0; i < POINTS; i += 1) expect((await send(hub.url, { from, query })).status).toBe(200);
      expectRateLimited(await send(hub.url, { from, query, forwardedFor: '203.0.113.77' }));
    });

    describe('behind a trusted proxy (TRUST_PROXY=loopback)', () => {
      let proxied: INestApplication;
      let proxiedUrl: string;
      beforeAll(async () => {
        process.env.TRUST_PROXY = 'loopback';
        try {
          proxied = await createApp({ logs: false });
        } finally {
          delete process.env.TRUST_PROXY;
        }
        await proxied.listen(0, '127.0.0.1');
        proxiedUrl = (await proxied.getUrl()).replace('[::1]', '127.0.0.1');
      });
      afterAll(async () => {
        await proxied.close();
      });

      it('keeps anonymous clients apart by the address the proxy names', async () => {
        const query = '{ resources(first: 1) { edges { cursor } } }';
        const from = '127.0.0.7';
        for (let i = 0; i < POINTS; i += 1) {
          expect((await send(proxiedUrl, { from, query, forwardedFor: '203.0.113.1' })).status).toBe(200);
        }
        expectRateLimited(await send(proxiedUrl, { from, query, forwardedFor: '203.0.113.1' }));
        expect((await send(proxiedUrl, { from, query, forwardedFor: '203.0.113.2' })).status).toBe(200);
      });
    });

    it('never limits the health endpoints', async () => {
      const from = '127.0.0.4';
      for (let i = 0; i < POINTS; i += 1) await send(hub.url, { from, query: ME });
      expectRateLimited(await send(hub.url, { from, query: ME }));
      for (let i = 0; i < POINTS * 2; i += 1) {
        expect((await send(hub.url, { from, path: '/health/live' })).status).toBe(200);
      }
      expect((await send(hub.url, { from, path: '/health/ready' })).status).toBe(200);
    });

    describe('two API instances on one database', () => {
      let second: INestApplication;
      let secondUrl: string;
      beforeAll(async () => {
        // The environment startHub set (same database, same budget) builds a second replica.
        second = await createApp({ logs: false });
        await second.listen(0, '127.0.0.1');
        secondUrl = (await second.getUrl()).replace('[::1]', '127.0.0.1');
      });
      afterAll(async () => {
        await second.close();
      });

      it('share one budget per user', async () => {
        const token = await freshUser();
        for (let i = 0; i < POINTS; i += 1) {
          const reply = await send(i % 2 === 0 ? hub.url : secondUrl, { token, query: ME });
          expect(reply.status).toBe(200);
        }
        expectRateLimited(await send(secondUrl, { token, query: ME }));
        expectRateLimited(await send(hub.url, { token, query: ME }));
      });
    });
  });
});
