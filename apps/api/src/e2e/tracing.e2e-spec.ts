import { ChildProcess, spawn } from 'node:child_process';
import { createServer, Server } from 'node:http';
import { resolve } from 'node:path';
import { seedDemoData } from '@hub/agencies';
import { createTestDatabase, startTestIdp, TestDatabase, TestIdp } from '@hub/testing';
import { apiMigrations } from '../app/migrations';
import { waitFor } from './live-support';

const ROOT = resolve(__dirname, '../../../..');

interface ExportedSpan {
  scope: string;
  name: string;
  attributes: Record<string, unknown>;
}

/**
 * Tracing patches modules as Node's own `require` loads them, which jest's module system does not
 * use: so the real main.ts runs in a child process (as `npm start` runs it), sending OTLP/HTTP to a
 * collector this test plays.
 */
describe('OpenTelemetry traces when OTEL_EXPORTER_OTLP_ENDPOINT is set (e2e, real main.ts)', () => {
  jest.setTimeout(120_000);
  let db: TestDatabase;
  let idp: TestIdp;
  let collector: Server;
  let api: ChildProcess;
  let url = '';
  const bodies: string[] = [];
  const spans: ExportedSpan[] = [];
  const services = new Set<string>();
  let exitCode: Promise<number | null>;

  beforeAll(async () => {
    [db, idp] = await Promise.all([createTestDatabase(apiMigrations, seedDemoData), startTestIdp()]);
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        bodies.push(body);
        collect(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((done) => collector.listen(0, '127.0.0.1', done));
    const { port } = collector.address() as { port: number };

    api = spawn(
      process.execPath,
      ['-r', resolve(ROOT, 'tools/register.js'), resolve(ROOT, 'apps/api/src/main.ts')],
      {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          HOST: '127.0.0.1',
          PORT: '0',
          LOG_LEVEL: 'silent',
          DATABASE_URL: db.apiUrl,
          AUTH_SERVER_URL: idp.url,
          OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
          OTEL_BSP_SCHEDULE_DELAY: '100',
        },
      },
    );
    exitCode = new Promise((done) => api.on('exit', (code) => done(code)));
    let output = '';
    api.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      url ||= /"graphql":"(http:[^"]+)\/graphql"/.exec(output)?.[1]?.replace('[::1]', '127.0.0.1') ?? '';
    });
    api.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(`the API to start (${output})`, () => url, 90_000);
  });

  afterAll(async () => {
    if (api && api.exitCode === null) api.kill('SIGKILL');
    await new Promise<void>((done) => (collector ? collector.close(() => done()) : done()));
    await Promise.all([idp?.close(), db?.drop()]);
  });

  function collect(body: string): void {
    const parsed = JSON.parse(body) as {
      resourceSpans: {
        resource: { attributes: { key: string; value: { stringValue?: string } }[] };
        scopeSpans: {
          scope: { name: string };
          spans: { name: string; attributes: { key: string; value: Record<string, unknown> }[] }[];
        }[];
      }[];
    };
    for (const resourceSpan of parsed.resourceSpans) {
      const service = resourceSpan.resource.attributes.find((a) => a.key === 'service.name');
      if (service?.value.stringValue) services.add(service.value.stringValue);
      for (const scopeSpan of resourceSpan.scopeSpans) {
        for (const span of scopeSpan.spans) {
          spans.push({
            scope: scopeSpan.scope.name,
            name: span.name,
            attributes: Object.fromEntries(span.attributes.map((a) => [a.key, Object.values(a.value)[0]])),
          });
        }
      }
    }
  }

  it('exports spans of HTTP, GraphQL and PostgreSQL for one request, named for the hub-api service', async () => {
    const token = await idp.tokenFor('ngo.caseworker');
    const secret = 'Amaru-secret-7f3a';
    const response = await fetch(
      `${url}/graphql?query=${encodeURIComponent('query Find($id: ID!) { referral(id: $id) { id } }')}&variables=${encodeURIComponent(JSON.stringify({ id: secret }))}`,
      { headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' } },
    );
    expect(response.status).toBe(200);
    await fetch(`${url}/health/live`);

    // The server span of the request may be exported after others (an outgoing key fetch's client
    // span): wait for a span with a target as well, not only one of each instrumentation.
    await waitFor(
      'spans of the three instrumentations and a server span',
      () =>
        ['http', 'graphql', 'pg'].every((kind) =>
          spans.some((span) => span.scope === `@opentelemetry/instrumentation-${kind}`),
        ) &&
        spans.some(
          (span) => span.scope === '@opentelemetry/instrumentation-http' && span.attributes['http.target'],
        ),
      30_000,
    );
    expect([...services]).toEqual(['hub-api']);
    const server = spans.find(
      (span) => span.scope === '@opentelemetry/instrumentation-http' && span.attributes['http.target'],
    );
    expect(server?.attributes['http.target']).toBe('/graphql');
    // Nothing the caller sent as data leaves in a span: not the variables, not the query string.
    expect(bodies.join('\n')).not.toContain(secret);
    expect(bodies.join('\n')).not.toContain('variables=');
    // Probes are not traced.
    expect(spans.filter((span) => JSON.stringify(span.attributes).includes('/health'))).toEqual([]);
  });

  it('stops cleanly on SIGTERM (buffered spans are flushed, exit code 0)', async () => {
    api.kill('SIGTERM');
    expect(await exitCode).toBe(0);
  });
});
