import request from 'supertest';
import { TestHub } from '@hub/testing';
import { startHub } from './hub';

describe('app shell: health, GraphiQL, request ids (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(async () => {
    await hub.close();
  });

  it('is live', async () => {
    const response = await request(hub.url).get('/health/live');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
  });

  it('is ready when PostgreSQL and the realm keys answer', async () => {
    const response = await request(hub.url).get('/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', checks: { database: true, signingKeys: true } });
  });

  it('serves GraphiQL from its own packages, no CDN', async () => {
    const page = await request(hub.url).get('/graphiql');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/graphiql/assets/graphiql.js');
    expect(page.text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    for (const [asset, type] of [
      ['react.js', 'javascript'],
      ['react-dom.js', 'javascript'],
      ['graphiql.js', 'javascript'],
      ['graphiql.css', 'css'],
    ]) {
      const response = await request(hub.url).get(`/graphiql/assets/${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toContain(type);
      expect(Number(response.headers['content-length'] ?? response.text?.length ?? 0)).toBeGreaterThan(1000);
    }
    expect((await request(hub.url).get('/graphiql/assets/secret.txt')).status).toBe(404);
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await request(hub.url).get('/health/live').set('x-request-id', 'req-12345678');
    expect(given.headers['x-request-id']).toBe('req-12345678');
    const made = await request(hub.url).get('/health/live').set('x-request-id', 'bad id with spaces');
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows introspection outside production', async () => {
    const { status, body } = await hub.gql('{ __schema { queryType { name } } }');
    expect(status).toBe(200);
    expect(body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('production mode (e2e)', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startHub({ env: { NODE_ENV: 'production' } });
  });
  afterAll(async () => {
    await hub.close();
  });

  it('serves no GraphiQL', async () => {
    expect((await request(hub.url).get('/graphiql')).status).toBe(404);
  });

  it('refuses introspection', async () => {
    const { body } = await hub.gql('{ __schema { queryType { name } } }');
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('suggests no field names and shows no stack traces', async () => {
    const { body } = await hub.gql('{ directoryy { edges { cursor } } }');
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|\.ts:\d+/);
  });
});
