import { types } from 'node:util';

/** True for any Error, also one made in another realm (jest's VM, a worker), where instanceof fails. */
export function isError(value: unknown): value is Error {
  return value instanceof Error || types.isNativeError(value);
}

/** What a logged error becomes: its kind, a masked message, codes and where it was thrown; no values. */
export interface SerializedError {
  type: string;
  message: string;
  code?: string;
  table?: string;
  column?: string;
  constraint?: string;
  stack?: string;
  cause?: SerializedError;
  errors?: SerializedError[];
}

/** Identifiers PostgreSQL attaches to an error: schema facts, never a row's values. */
const DATABASE_FACTS = ['table', 'column', 'constraint'] as const;
const MAX_DEPTH = 3;
const MAX_AGGREGATED = 5;

type ErrorLike = { message: string; stack?: unknown; type?: unknown; name?: unknown; cause?: unknown };

/**
 * An Error, or what a serializer made of one: pino-http runs pino's standard `err` serializer
 * (which copies every property, `parameters` included) before ours, and loggers may run ours on
 * what we already reduced. Both are reduced again the same way.
 */
function isErrorLike(value: unknown): value is ErrorLike {
  return (
    isError(value) ||
    (typeof value === 'object' && value !== null && typeof (value as ErrorLike).message === 'string')
  );
}

function typeOf(error: ErrorLike): string {
  if (isError(error)) {
    const name = error.constructor?.name;
    return name && name !== 'Object' ? name : error.name;
  }
  if (typeof error.type === 'string' && error.type !== 'Object') return error.type;
  return typeof error.name === 'string' ? error.name : 'Error';
}

/**
 * Values reach error messages in quotes (`invalid input syntax for type uuid: "…"`,
 * `Variable "$input" got invalid value "…"`) or as `Key (email)=(…)`; both are masked.
 */
export function maskValues(text: string, identifiers: ReadonlySet<string> = new Set()): string {
  return text
    .replace(/=\([^)]*\)/g, '=(?)')
    .replace(/"((?:[^"\\]|\\.)*)"/g, (quoted, inner: string) => (identifiers.has(inner) ? quoted : '"?"'))
    .replace(/'(?:[^'\\]|\\.)*'/g, "'?'");
}

/**
 * The one way an error is written to the log (pino's `err` serializer). It is a whitelist:
 * TypeORM's QueryFailedError carries the SQL `query`, the bound `parameters` and the pg
 * `driverError`, and pg errors carry `detail` (`Key (x)=(value)`), `where` and `hint` — none of
 * which is copied. The stack keeps only its frames, under the masked message.
 */
export function serializeError(
  error: unknown,
  options: { stack?: boolean } = {},
  depth = 0,
): SerializedError {
  if (!isErrorLike(error)) {
    return {
      type: typeof error,
      message: error === undefined || error === null ? String(error) : '[non-error]',
    };
  }
  const withStack = options.stack ?? true;
  const source = error as unknown as Record<string, unknown>;
  const facts: Pick<SerializedError, (typeof DATABASE_FACTS)[number]> = {};
  for (const fact of DATABASE_FACTS) {
    const value = source[fact];
    if (typeof value === 'string') facts[fact] = value;
  }
  // The table, column and constraint PostgreSQL names stay readable in the message.
  const message = maskValues(error.message, new Set(Object.values(facts)));
  const type = typeOf(error);
  const serialized: SerializedError = { type, message };
  const code = source['code'];
  if (typeof code === 'string' || typeof code === 'number') serialized.code = String(code);
  Object.assign(serialized, facts);
  if (withStack && typeof error.stack === 'string') {
    const frames = error.stack.split('\n').filter((line) => /^\s+at /.test(line));
    serialized.stack = [`${type}: ${message}`, ...frames].join('\n');
  }
  if (depth < MAX_DEPTH) {
    if (error.cause !== undefined) serialized.cause = serializeError(error.cause, options, depth + 1);
    const aggregated = (error as { errors?: unknown }).errors;
    if (Array.isArray(aggregated)) {
      serialized.errors = aggregated
        .slice(0, MAX_AGGREGATED)
        .map((inner) => serializeError(inner, options, depth + 1));
    }
  }
  return serialized;
}
