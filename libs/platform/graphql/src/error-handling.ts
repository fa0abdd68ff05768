import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '@hub/database';

/**
 * Codes a client caused and can act on (docs/errors.md): logged once per request, without a
 * stack, and answered with their own message. Anything else is our failure.
 */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'PAYLOAD_TOO_LARGE',
  'REQUEST_TIMEOUT',
  'UNSUPPORTED_MEDIA_TYPE',
  'METHOD_NOT_ALLOWED',
]);

/** The database could not serve the request (outage, restart, connection limit): retry later. */
export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';
/** Seconds a client should wait before retrying a SERVICE_UNAVAILABLE answer. */
export const RETRY_AFTER_SECONDS = 5;

/** Nest's HTTP exceptions (the validation pipe's 400 among them) map onto the contract by status. */
const NEST_STATUSES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

/** The error a resolver, guard or the driver actually threw, under graphql-js's wrapper. */
export function originalErrorOf(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? originalErrorOf(error.originalError) : error;
}

function httpStatusOf(error: unknown): number | undefined {
  const candidate = error as { getStatus?: unknown; status?: unknown };
  if (typeof candidate?.getStatus === 'function') return (candidate.getStatus as () => number).call(error);
  return undefined;
}

/** The contract code of an error as Apollo saw it, before formatting. */
export function errorCodeOf(error: unknown): string {
  const original = originalErrorOf(error);
  if (isDatabaseUnavailable(original)) return SERVICE_UNAVAILABLE;
  const given = error instanceof GraphQLError ? error.extensions?.['code'] : undefined;
  const status = httpStatusOf(original);
  if (status !== undefined && NEST_STATUSES[status]) return NEST_STATUSES[status];
  if (typeof given === 'string') return given;
  const own = original instanceof GraphQLError ? original.extensions?.['code'] : undefined;
  return typeof own === 'string' ? own : 'INTERNAL_SERVER_ERROR';
}

/**
 * graphql-js appends "Did you mean …?" to unknown-field, enum and input-field messages, variable
 * coercion included; in production that leaks the schema to anyone, so it is cut.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [\s\S]*$/, '');
}

/**
 * pino-style logging, as nestjs-pino's PinoLogger offers it (request id bound from the request).
 * Errors are passed whole under `err`: the logger's `err` serializer (`serializeError` from
 * @hub/observability, which LoggingModule installs) is the one place they are reduced.
 */
export interface ErrorLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

/** Access refusals are worth an operator's eye; other client mistakes are routine. */
const WARN_CODES = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

interface RequestIdCarrier {
  req?: { id?: unknown };
}

/**
 * Logs a request's errors once: every client error of the request in ONE line (codes, paths,
 * request id; no messages, which can repeat input, no stack) at info — warn for access refusals —
 * and each unexpected error at error with its stack, through `serializeError` (never SQL
 * parameters, bound values or variables). An outage is logged once per request.
 */
export function errorReportingPlugin(log: ErrorLog): ApolloServerPlugin<RequestIdCarrier> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ errors, contextValue, operationName }) {
          const requestId = typeof contextValue?.req?.id === 'string' ? contextValue.req.id : undefined;
          reportErrors(log, errors ?? [], { requestId, operationName });
        },
      };
    },
  };
}

/**
 * Logs one operation's errors once: client mistakes as one line (warn for refusals, else info),
 * an outage once, anything else as a failure with its cause. Shared by HTTP and subscriptions.
 */
export function reportErrors(
  log: ErrorLog,
  errors: readonly GraphQLError[],
  about: { requestId?: string; operationName?: string | null },
): void {
  if (!errors.length) return;
  const { requestId, operationName } = about;
  const client: { code: string; path?: string }[] = [];
  let outageLogged = false;
  for (const error of errors) {
    const code = errorCodeOf(error);
    const path = error.path?.join('.');
    if (CLIENT_ERROR_CODES.has(code)) {
      client.push(path ? { code, path } : { code });
    } else if (code === SERVICE_UNAVAILABLE) {
      if (outageLogged) continue;
      outageLogged = true;
      log.error(
        { requestId, operationName, code, path, err: originalErrorOf(error) },
        'database unavailable',
      );
    } else {
      log.error(
        { requestId, operationName, code, path, err: originalErrorOf(error) },
        'graphql operation failed',
      );
    }
  }
  if (!client.length) return;
  const level = client.some((error) => WARN_CODES.has(error.code)) ? 'warn' : 'info';
  const codes = [...new Set(client.map((error) => error.code))];
  log[level]({ requestId, operationName, codes, errors: client }, 'graphql client errors');
}

/** Index of a media type in an Accept header ranked by q then order; -1 when not acceptable. */
function preference(accept: string, mediaType: string): number {
  const ranges = accept.split(',').map((part, index) => {
    const [type, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, index };
  });
  const match = ranges.find((range) => range.type === mediaType && range.q > 0);
  return match ? match.q * 1000 - match.index : -1;
}

/** True when the answer goes out as application/json rather than application/graphql-response+json. */
export function answersLegacyJson(accept: string | undefined | null): boolean {
  if (!accept) return true;
  const modern = preference(accept, 'application/graphql-response+json');
  return modern < 0 || preference(accept, 'application/json') > modern;
}

/**
 * HTTP statuses the GraphQL-over-HTTP spec and our clients rely on:
 * - an outage answers 503 with Retry-After, so a client can tell a retryable failure;
 * - a request error (parse, validation, variable coercion: no `data`) answered as
 *   application/json is 200 (spec §"application/json"); application/graphql-response+json keeps
 *   Apollo's 400. UNAUTHENTICATED keeps its 401 (unauthenticatedStatusPlugin).
 */
export const errorStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ errors, response, request }) {
        if (!errors?.length) return;
        const codes = errors.map(errorCodeOf);
        if (codes.includes(SERVICE_UNAVAILABLE)) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
          return;
        }
        if (codes.includes('UNAUTHENTICATED')) return;
        const requestError = response.body.kind === 'single' && !('data' in response.body.singleResult);
        const status = response.http.status ?? 200;
        if (requestError && status === 400 && answersLegacyJson(request.http?.headers.get('accept'))) {
          response.http.status = 200;
        }
      },
    };
  },
};
