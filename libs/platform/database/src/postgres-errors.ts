import { types } from 'node:util';

/** SQLSTATE codes the services turn into domain errors. */
export const PG_UNIQUE_VIOLATION = '23505';
export const PG_FOREIGN_KEY_VIOLATION = '23503';

export function postgresErrorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * SQLSTATEs and socket errors that mean the database cannot serve us right now, not that the
 * statement was wrong: connection exceptions (class 08), admin/crash/cannot-connect-now shutdowns
 * (57P01–57P03), too many connections (53300). A client may retry these.
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);
/** pg and pg-pool raise these without a code. */
const UNAVAILABLE_MESSAGES = [
  /^timeout exceeded when trying to connect$/,
  /^Connection terminated( unexpectedly| due to connection timeout)?$/,
];

/** The attempts of an AggregateError (pg tries every address of a host). */
function aggregated(error: Error): unknown[] {
  const errors = (error as { errors?: unknown }).errors;
  return Array.isArray(errors) ? errors : [];
}

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error || types.isNativeError(error)) || depth > 4) return false;
  const code = postgresErrorCode(error);
  if (
    code &&
    (code.startsWith('08') || UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))
  ) {
    return true;
  }
  if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  const inner = [error.cause, (error as { driverError?: unknown }).driverError, ...aggregated(error)];
  return inner.some((candidate) => candidate !== error && isDatabaseUnavailable(candidate, depth + 1));
}
