import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { testAdminUrl, TestHub } from '@hub/testing';
import { startHub } from './hub';
import { LogCapture, LogLine, newRequestId, postGraphql } from './log-capture';
import { CREATE_SURVIVOR, personalData, personalStrings } from './survivor-support';

/**
 * What the running API really writes to its log (pino's JSON, LOG_LEVEL=info) when requests
 * fail in every way we know, each carrying distinctive personal data: none of it is written,
 * client errors are one line per request without a stack, unexpected ones one error line with
 * a sanitised stack and the request id, and a database outage answers 503 SERVICE_UNAVAILABLE.
 */
const STATEMENT_TIMEOUT_MS = 1500;
const USER = 'ngo.caseworker';

describe('the log of the running API (e2e)', () => {
  const capture = new LogCapture();
  const written: string[] = [];
  let hub: TestHub;

  /** A survivor input whose every string is distinctive, remembered for the final check. */
  function survivorInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    const input = { ...personalData(randomUUID().replace(/-/g, '').slice(0, 12)), ...overrides };
    written.push(...personalStrings(input).filter((value) => value.length >= 6));
    return input;
  }

  function expectNoneOf(values: string[], text: string): void {
    const found = values.filter((value) => text.includes(value));
    expect(found).toEqual([]);
  }

  const createSurvivor = (input: Record<string, unknown>, requestId: string, token?: string) =>
    postGraphql(hub, { query: CREATE_SURVIVOR, variables: { input } }, { requestId, token });

  const errorLines = (lines: LogLine[]) => lines.filter((line) => line.level >= 50);
  const clientLines = (lines: LogLine[]) => lines.filter((line) => line.msg === 'graphql client errors');

  beforeAll(async () => {
    hub = await startHub({
      env: { LOG_LEVEL: 'info', DATABASE_STATEMENT_TIMEOUT_MS: String(STATEMENT_TIMEOUT_MS) },
      logDestination: capture.stream,
    });
  });
  afterAll(async () => {
    await hub.close();
  });

  it('writes pino JSON lines, one request id per request', async () => {
    const requestId = newRequestId();
    const response = await postGraphql(hub, { query: '{ __typename }' }, { requestId });
    expect(response.headers['x-request-id']).toBe(requestId);
    expect(capture.linesOf(requestId)).toEqual([
      expect.objectContaining({ level: 30, msg: 'request completed', time: expect.any(Number) }),
    ]);
  });

  it('a validation error: BAD_USER_INPUT, one info line with the code and path, no stack, no input', async () => {
    const input = survivorInput({ email: `not-an-email-${randomUUID()}` });
    written.push(String(input['email']));
    const requestId = newRequestId();
    const response = await createSurvivor(input, requestId, await hub.idp.tokenFor(USER));
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);

    const lines = capture.linesOf(requestId);
    expect(errorLines(lines)).toEqual([]);
    expect(clientLines(lines)).toEqual([
      expect.objectContaining({
        level: 30,
        requestId,
        codes: ['BAD_USER_INPUT'],
        errors: [{ code: 'BAD_USER_INPUT', path: 'createSurvivor' }],
      }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/"stack"/);
    expectNoneOf(written, capture.raw());
  });

  it('twelve refused fields in one anonymous request: one warn line, nothing at error', async () => {
    // Every guard throws, though graphql-js answers only the first error of a non-null root field.
    const fields = Array.from({ length: 12 }, (_, i) => `f${i}: me { userId }`).join(' ');
    const requestId = newRequestId();
    const response = await postGraphql(hub, { query: `{ ${fields} }` }, { requestId });
    expect(response.status).toBe(401);
    const codes = response.body.errors?.map((error) => error.extensions?.code) ?? [];
    expect(new Set(codes)).toEqual(new Set(['UNAUTHENTICATED']));

    const lines = capture.linesOf(requestId);
    expect(errorLines(lines)).toEqual([]);
    expect(clientLines(lines)).toEqual([
      expect.objectContaining({
        level: 40,
        requestId,
        codes: ['UNAUTHENTICATED'],
        errors: codes.map(() => expect.objectContaining({ code: 'UNAUTHENTICATED' })),
      }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/"stack"/);
  });

  it('a NUL byte in a name: refused, and the name is not written', async () => {
    const input = survivorInput();
    input['givenName'] = `${String(input['givenName'])}\u0000`;
    const requestId = newRequestId();
    const response = await createSurvivor(input, requestId, await hub.idp.tokenFor(USER));
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expectNoneOf(written, capture.raw());
  });

  it('a token naming an unknown agency: refused, and the input is not written', async () => {
    const claims = { ...hub.idp.accessTokenClaims(USER), agency_id: randomUUID() };
    const token = await hub.idp.signWithRealmKey(claims);
    const requestId = newRequestId();
    const response = await createSurvivor(survivorInput(), requestId, token);
    expect(response.status).toBe(403);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
    expectNoneOf(written, capture.raw());
  });

  it('a statement that fails with personal data bound: one error line, sanitised stack, no values', async () => {
    const input = survivorInput();
    const requestId = newRequestId();
    const token = await hub.idp.tokenFor(USER);
    // The INSERT waits for the lock until statement_timeout cancels it: a genuine SQL failure
    // whose QueryFailedError carries the INSERT and every personal value as parameters.
    const response = await hub.asOwner(async (dataSource) => {
      const runner = dataSource.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      try {
        await runner.query('LOCK TABLE survivor IN ACCESS EXCLUSIVE MODE');
        return await createSurvivor(input, requestId, token);
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    });
    expect(response.status).toBe(200);
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['INTERNAL_SERVER_ERROR']);

    const failures = errorLines(capture.linesOf(requestId));
    expect(failures).toEqual([
      expect.objectContaining({
        level: 50,
        requestId,
        msg: 'graphql operation failed',
        path: 'createSurvivor',
        err: expect.objectContaining({
          type: 'QueryFailedError',
          code: '57014',
          stack: expect.stringMatching(/^QueryFailedError: .*\n\s+at /),
        }),
      }),
    ]);
    expect(Object.keys(failures[0]['err'] as object).sort()).toEqual(['code', 'message', 'stack', 'type']);
    expect(capture.raw()).not.toContain('INSERT INTO');
    expectNoneOf(written, capture.raw());
  });

  it('a database outage: 503 SERVICE_UNAVAILABLE with Retry-After, logged once; service resumes after', async () => {
    const admin = new Client({ connectionString: testAdminUrl() });
    await admin.connect();
    const token = await hub.idp.tokenFor(USER);
    const requestId = newRequestId();
    try {
      await admin.query(`ALTER DATABASE "${hub.db.name}" CONNECTION LIMIT 0`);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [hub.db.name],
      );
      const response = await createSurvivor(survivorInput(), requestId, token);
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    } finally {
      await admin.query(`ALTER DATABASE "${hub.db.name}" CONNECTION LIMIT -1`);
      await admin.end();
    }
    expect(errorLines(capture.linesOf(requestId))).toEqual([
      expect.objectContaining({ level: 50, msg: 'database unavailable', code: 'SERVICE_UNAVAILABLE' }),
    ]);

    const after = await postGraphql(
      hub,
      { query: '{ me { userId } }' },
      { requestId: newRequestId(), token },
    );
    expect(after.status).toBe(200);
    expect(after.body.errors).toBeUndefined();
  });

  it('wrote none of the personal values of any request, in any line', () => {
    expect(written.length).toBeGreaterThan(40);
    expectNoneOf(written, capture.raw());
  });
});
