import { connect } from 'node:net';
import request from 'supertest';
import type { TestHub } from '@hub/testing';
import { startHub } from './hub';
import { LogCapture, newRequestId, postGraphql } from './log-capture';

/**
 * The HTTP edge (docs/errors.md): every error answer is GraphQL-shaped with a code, 413 and
 * malformed JSON included; a slowly sent body is cut off; suggestions never leave production.
 */
const BODY_TIMEOUT_MS = 300;
const SECRET = 'Vexmorandaquill';

type Shaped = { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
const codesOf = (body: unknown) => ((body as Shaped).errors ?? []).map((error) => error.extensions?.code);
const isShaped = (body: unknown) =>
  ((body as Shaped).errors ?? []).every((error) => typeof error.message === 'string') &&
  Object.keys(body as object).every((key) => key === 'errors');

/** Sends the headers and the start of a body, then nothing: what the server answers and whether it hangs up. */
function slowBody(url: string): Promise<{ status: number; body: unknown; closed: boolean }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, body] = received.split('\r\n\r\n');
      resolve({
        status: Number(head.split(' ')[1]),
        body: body ? (JSON.parse(body) as unknown) : undefined,
        closed: true,
      });
    });
    socket.write(
      [
        'POST /graphql HTTP/1.1',
        `Host: ${hostname}:${port}`,
        'Content-Type: application/json',
        'Content-Length: 200',
        '',
        `{"query":"{ __typename }","variables":{"name":"${SECRET}`,
      ].join('\r\n'),
    );
  });
}

describe('HTTP edge (e2e)', () => {
  const capture = new LogCapture();
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startHub({
      env: { LOG_LEVEL: 'info', HTTP_BODY_TIMEOUT_MS: String(BODY_TIMEOUT_MS) },
      logDestination: capture.stream,
    });
  });
  afterAll(async () => {
    await hub.close();
  });

  it('answers a body over the limit 413 PAYLOAD_TOO_LARGE, GraphQL-shaped', async () => {
    const response = await request(hub.url)
      .post('/graphql')
      .set('content-type', 'application/json')
      .send({ query: '{ __typename }', variables: { padding: SECRET.repeat(20_000) } });
    expect(response.status).toBe(413);
    expect(codesOf(response.body)).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(isShaped(response.body)).toBe(true);
  });

  it('answers malformed JSON 400 BAD_REQUEST, GraphQL-shaped, without echoing or logging the body', async () => {
    const requestId = newRequestId();
    const response = await request(hub.url)
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('x-request-id', requestId)
      .send(`{"query":"{ __typename }","variables":{"name":"${SECRET}`);
    expect(response.status).toBe(400);
    expect(codesOf(response.body)).toEqual(['BAD_REQUEST']);
    expect(isShaped(response.body)).toBe(true);
    expect(JSON.stringify(response.body)).not.toContain(SECRET);
    expect(capture.linesOf(requestId).filter((line) => line.level >= 50)).toEqual([]);
    expect(capture.raw()).not.toContain(SECRET);
  });

  it('answers an unknown path 404 NOT_FOUND, GraphQL-shaped', async () => {
    const response = await request(hub.url).get('/no-such-path');
    expect(response.status).toBe(404);
    expect(codesOf(response.body)).toEqual(['NOT_FOUND']);
    expect(isShaped(response.body)).toBe(true);
  });

  it('cuts off a body that does not arrive in time: 408 REQUEST_TIMEOUT, connection closed', async () => {
    const answer = await slowBody(hub.url);
    expect(answer).toEqual({ status: 408, body: expect.anything(), closed: true });
    expect(codesOf(answer.body)).toEqual(['REQUEST_TIMEOUT']);
    expect(isShaped(answer.body)).toBe(true);
    expect(capture.raw()).not.toContain(SECRET);
  });

  it('still serves a complete request on a fresh connection', async () => {
    const response = await postGraphql(hub, { query: '{ __typename }' }, { requestId: newRequestId() });
    expect(response.status).toBe(200);
    expect(response.body.data).toEqual({ __typename: 'Query' });
  });
});

/** Operations that make graphql-js suggest names: a field, an enum value, an input field. */
const MISSPELT_FIELD = '{ directry { edges { node { name } } } }';
const CREATE_REFERRAL = `mutation Create($input: CreateReferralInput!) { createReferral(input: $input) { referral { id } } }`;
const MISSPELT_VARIABLES = { input: { needs: ['LEGALL'], urgenc: 'HIGH' } };

async function suggestions(hub: TestHub): Promise<{ codes: unknown[]; messages: string[] }> {
  const answers = [
    await postGraphql(hub, { query: MISSPELT_FIELD }, { requestId: newRequestId() }),
    await postGraphql(
      hub,
      { query: CREATE_REFERRAL, variables: MISSPELT_VARIABLES },
      { requestId: newRequestId() },
    ),
  ];
  const errors = answers.flatMap((answer) => answer.body.errors ?? []);
  return {
    codes: errors.map((error) => error.extensions?.code),
    messages: errors.map((error) => error.message).filter((message) => /did you mean/i.test(message)),
  };
}

describe('suggestions (e2e)', () => {
  it('are made outside production (so the probe below can fail)', async () => {
    const hub = await startHub();
    try {
      const { messages } = await suggestions(hub);
      expect(messages.length).toBeGreaterThanOrEqual(3);
    } finally {
      await hub.close();
    }
  });

  it('never leave a production hub, variable coercion included', async () => {
    const hub = await startHub({ env: { NODE_ENV: 'production' } });
    try {
      const { codes, messages } = await suggestions(hub);
      const [fieldCode, ...coercionCodes] = codes;
      expect(fieldCode).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(coercionCodes.length).toBeGreaterThanOrEqual(2);
      expect(new Set(coercionCodes)).toEqual(new Set(['BAD_USER_INPUT']));
      expect(messages).toEqual([]);
    } finally {
      await hub.close();
    }
  });
});
