import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { TestHub } from '@hub/testing';
import { startHub } from './hub';
import { bearer, connectLive, waitFor } from './live-support';
import { referralAt } from './referrals-lifecycle-support';
import { createSurvivor, personalData, personalStrings, tag } from './survivor-support';

/** One sample of the text exposition: `name{a="x",b="y"} value`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function samples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a sample: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)].map((m) => [
          m[1],
          m[2],
        ]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

/** The value of the one sample with this name whose labels include `labels` (undefined if none). */
function valueOf(all: Sample[], name: string, labels: Record<string, string> = {}): number | undefined {
  const found = all.filter(
    (sample) =>
      sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  if (found.length > 1) throw new Error(`${name} ${JSON.stringify(labels)} matches ${found.length} samples`);
  return found[0]?.value;
}

describe('/metrics (Prometheus, e2e)', () => {
  let hub: TestHub;
  const scrape = async () => {
    const response = await request(hub.url).get('/metrics');
    expect(response.status).toBe(200);
    return { text: response.text, all: samples(response.text), type: response.headers['content-type'] };
  };

  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('is served without a token, in the text format Prometheus reads, with Node metrics', async () => {
    const { type, all } = await scrape();
    expect(type).toMatch(/^text\/plain;/);
    expect(type).toContain('version=0.0.4');
    expect(valueOf(all, 'hub_process_cpu_user_seconds_total')).toBeGreaterThan(0);
  });

  it('counts GraphQL operations by root field and outcome code, with their latency', async () => {
    const before = (await scrape()).all;
    const count = (all: Sample[], labels: Record<string, string>) =>
      valueOf(all, 'hub_graphql_requests_total', labels) ?? 0;

    await hub.gql('{ me { userId } }', {}, { user: 'ngo.caseworker' });
    await hub.gql('{ me { userId } }', {}, { user: 'legal.caseworker' });
    await hub.gql(`{ referral(id: "${randomUUID()}") { id } }`, {}, { user: 'ngo.caseworker' });
    await hub.gql('{ me { userId ', {}, { user: 'ngo.caseworker' });
    const refused = await request(hub.url)
      .post('/graphql')
      .set('authorization', 'Bearer not.a.token')
      .send({ query: '{ me { userId } }' });
    expect(refused.status).toBe(401);

    const after = (await scrape()).all;
    const delta = (labels: Record<string, string>) => count(after, labels) - count(before, labels);
    expect(delta({ operation: 'me', type: 'query', code: 'OK' })).toBe(2);
    expect(delta({ operation: 'referral', type: 'query', code: 'NOT_FOUND' })).toBe(1);
    expect(delta({ operation: '(invalid)', type: 'unknown', code: 'GRAPHQL_PARSE_FAILED' })).toBe(1);
    // A refused token never reaches GraphQL; the HTTP count has it.
    const http = (all: Sample[]) =>
      valueOf(all, 'hub_http_responses_total', { route: '/graphql', method: 'POST', status: '401' }) ?? 0;
    expect(http(after) - http(before)).toBe(1);

    const latency = (all: Sample[]) =>
      valueOf(all, 'hub_graphql_request_duration_seconds_count', { operation: 'me', type: 'query' }) ?? 0;
    expect(latency(after) - latency(before)).toBe(2);
    expect(
      valueOf(after, 'hub_graphql_request_duration_seconds_bucket', {
        operation: 'me',
        type: 'query',
        le: '+Inf',
      }),
    ).toBe(latency(after));
  });

  it('shows the database pool (test hubs run 4 connections)', async () => {
    const { all } = await scrape();
    expect(valueOf(all, 'hub_db_pool_connections', { state: 'max' })).toBe(4);
    const inUse = valueOf(all, 'hub_db_pool_connections', { state: 'in_use' }) ?? -1;
    const idle = valueOf(all, 'hub_db_pool_connections', { state: 'idle' }) ?? -1;
    expect(inUse).toBeGreaterThanOrEqual(0);
    expect(idle).toBeGreaterThanOrEqual(0);
    expect(inUse + idle).toBeLessThanOrEqual(4);
    expect(valueOf(all, 'hub_db_pool_waiting')).toBe(0);
  });

  it('shows outbox lag: rows not yet delivered and the age of the oldest', async () => {
    await referralAt(hub, 'SENT');
    await hub.asOwner((db) =>
      db.query(
        `INSERT INTO outbox (topic, payload, created_at) VALUES ('test.lag', '{}'::jsonb, now() - interval '10 minutes')`,
      ),
    );
    const pending = await hub.asOwner(
      async (db) =>
        (
          (await db.query(`SELECT count(*)::int AS n FROM outbox WHERE processed_at IS NULL`)) as {
            n: number;
          }[]
        )[0].n,
    );
    const { all } = await scrape();
    expect(valueOf(all, 'hub_outbox_pending')).toBe(pending);
    expect(valueOf(all, 'hub_outbox_oldest_pending_age_seconds')).toBeGreaterThanOrEqual(600);
  });

  it('counts subscriptions open, and closed ones no longer', async () => {
    const open = async () => valueOf((await scrape()).all, 'hub_graphql_subscriptions_open') ?? 0;
    const before = await open();
    const connection = connectLive(hub.url, bearer(await hub.idp.tokenFor('legal.caseworker')));
    await connection.acknowledged;
    connection.subscribe('counts', 'subscription { inboxCounts { received } }');
    connection.subscribe('feed', 'subscription { notificationReceived { id } }');
    await waitFor('the first counts', () => connection.messages('counts').length === 1);
    expect(await open()).toBe(before + 2);
    connection.close();
    await connection.closed;
    await waitFor('the subscriptions closed', async () => (await open()) === before);
  });

  it('carries no personal data and no record ids', async () => {
    const t = tag();
    const data = personalData(t);
    const survivor = await createSurvivor(hub, 'ngo.caseworker', data);
    await hub.gql(`{ survivor(id: "${survivor.id}") { id givenName } }`, {}, { user: 'ngo.caseworker' });
    await hub.gql(`query Named${t} { me { userId } }`, {}, { user: 'ngo.caseworker' });
    const { text } = await scrape();
    for (const value of [...personalStrings(data), t, survivor.id]) expect(text).not.toContain(value);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });
});
