import { Writable } from 'node:stream';
import pino from 'pino';
import { QueryFailedError } from 'typeorm';
import { createLogger } from './logger-options';
import { maskValues, serializeError } from './error-serializer';

const NAME = 'Zyxwandra';
const FAMILY = 'Qorvalesh';
const PHONE = '+1-555-0199-424';
const EMAIL = 'zyx.qorvalesh@example.org';
const DISTINCTIVE = [NAME, FAMILY, PHONE, EMAIL];

/** A pg error as the driver raises it, with the row's values in detail and where. */
function pgError(): Error {
  return Object.assign(new Error(`duplicate key value violates unique constraint "uq_survivor_email"`), {
    name: 'error',
    code: '23505',
    severity: 'ERROR',
    detail: `Key (email)=(${EMAIL}) already exists.`,
    where: `SQL function "check" statement 1 with ${NAME}`,
    hint: `try ${PHONE}`,
    table: 'survivors',
    constraint: 'uq_survivor_email',
  });
}

function queryFailed(): QueryFailedError {
  return new QueryFailedError(
    'INSERT INTO survivors (given_name, family_name, phone, email) VALUES ($1, $2, $3, $4)',
    [NAME, FAMILY, PHONE, EMAIL],
    pgError(),
  );
}

function captured(write: (logger: ReturnType<typeof createLogger>) => void): string {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, next) {
      chunks.push(chunk.toString());
      next();
    },
  });
  const logger = createLogger('test', { destination });
  write(logger);
  return chunks.join('');
}

describe('serializeError', () => {
  it('keeps the kind, code and schema facts of a failed statement, none of its values', () => {
    const serialized = serializeError(queryFailed());
    expect(serialized).toMatchObject({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "uq_survivor_email"',
      code: '23505',
      table: 'survivors',
      constraint: 'uq_survivor_email',
    });
    expect(serialized.stack?.split('\n')[0]).toBe(`QueryFailedError: ${serialized.message}`);
    expect(Object.keys(serialized)).not.toEqual(
      expect.arrayContaining(['query', 'parameters', 'driverError', 'detail', 'where', 'hint']),
    );
    const text = JSON.stringify(serialized);
    for (const value of DISTINCTIVE) expect(text).not.toContain(value);
  });

  it('masks values quoted in a message, in its stack line and in causes', () => {
    const invalid = new Error(`invalid input syntax for type uuid: "${NAME}"`, {
      cause: new Error(`Key (phone)=(${PHONE}) is not present in table "agencies".`),
    });
    const serialized = serializeError(invalid);
    expect(serialized.message).toBe('invalid input syntax for type uuid: "?"');
    expect(serialized.cause?.message).toBe('Key (phone)=(?) is not present in table "?".');
    expect(JSON.stringify(serialized)).not.toMatch(new RegExp(`${NAME}|${PHONE.replace(/\+/g, '\\+')}`));
  });

  it('serialises the attempts of an AggregateError (a refused connection)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const serialized = serializeError(new AggregateError([refused], 'all attempts failed'));
    expect(serialized.errors).toEqual([expect.objectContaining({ type: 'Error', code: 'ECONNREFUSED' })]);
  });

  it('is idempotent: a logger serialising an already serialised error keeps it', () => {
    const once = serializeError(queryFailed());
    expect(once.type).toBe('QueryFailedError');
    expect(serializeError(once)).toEqual(once);
  });

  it("reduces what pino's standard serializer made of the error (pino-http runs it first)", () => {
    const error = queryFailed();
    const standard = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
    expect(standard['parameters']).toEqual([NAME, FAMILY, PHONE, EMAIL]);
    expect(serializeError(standard)).toEqual(serializeError(error));
  });

  it('leaves out the stack when asked and copes with non-errors', () => {
    expect(serializeError(new Error('x'), { stack: false }).stack).toBeUndefined();
    expect(serializeError({ password: 'p' })).toEqual({ type: 'object', message: '[non-error]' });
  });

  it('masks double- and single-quoted values and Key (…)=(…) pairs', () => {
    expect(maskValues(`a "b" 'c' Key (x)=(y)`)).toBe(`a "?" '?' Key (x)=(?)`);
  });

  it('is what the process logger writes for err and error, whatever the call', () => {
    const text = captured((logger) => {
      logger.error({ err: queryFailed() }, 'statement failed');
      logger.error({ error: queryFailed() }, 'statement failed');
      logger.error(queryFailed());
    });
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const value of DISTINCTIVE) expect(text).not.toContain(value);
    expect(text).not.toContain('INSERT INTO');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 50, name: 'test', err: { code: '23505' } });
  });
});
