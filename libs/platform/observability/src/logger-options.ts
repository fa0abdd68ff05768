import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import { serializeError } from './error-serializer';
import { REDACT_PATHS } from './redaction';

/**
 * The one log format of every process (API, dev-idp): pino's JSON lines — numeric `level`,
 * epoch-millisecond `time`, `msg` — personal fields censored, errors through `serializeError`.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
    serializers: { err: serializeError, error: serializeError },
  };
}

/** A process logger outside Nest (dev-idp), in the API's format; stdout unless told otherwise. */
export function createLogger(
  name: string,
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    { ...loggerOptions(options.level ?? 'info'), name },
    options.destination ?? pino.destination(1),
  );
}
