import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import { serializeError } from './error-serializer';
import { redactPaths } from './redaction';

/**
 * The one log format of every process (API, dev-idp): pino's JSON lines — numeric `level`,
 * epoch-millisecond `time`, `msg` — personal fields censored, errors through `serializeError`.
 * `personalFields`: the names this process knows to be personal (see `redactPaths`).
 */
export function loggerOptions(level: string, personalFields: readonly string[] = []): LoggerOptions {
  return {
    level,
    redact: { paths: redactPaths(personalFields), censor: '[REDACTED]' },
    serializers: { err: serializeError, error: serializeError },
  };
}

/** A process logger outside Nest (dev-idp), in the API's format; stdout unless told otherwise. */
export function createLogger(
  name: string,
  options: { level?: string; destination?: DestinationStream; personalFields?: readonly string[] } = {},
): Logger {
  return pino(
    { ...loggerOptions(options.level ?? 'info', options.personalFields), name },
    options.destination ?? pino.destination(1),
  );
}
