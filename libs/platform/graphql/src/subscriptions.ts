import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import {
  GraphQLError,
  GraphQLFormattedError,
  parse,
  specifiedRules,
  validate,
  ValidationRule,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { WebSocket } from 'ws';
import { AuthenticatedRequest, CLOSE_UNAUTHORIZED, ConnectionAuthenticator, LiveConnection } from '@hub/auth';
import { ErrorLog, reportErrors } from './error-handling';

/** Counts live subscriptions (metrics); the platform knows no metrics library. */
export interface SubscriptionGauge {
  opened(): void;
  closed(): void;
}

/** What graphql-ws's `ws` adapter hands every hook, and what onConnect adds to it. */
interface Extra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  session?: {
    live: LiveConnection;
    caller: NonNullable<AuthenticatedRequest['caller']>;
    timer: NodeJS.Timeout;
  };
}
type WsContext = Context<Record<string, unknown> | undefined, Extra>;

export interface SubscriptionOptionsInput {
  authenticator: ConnectionAuthenticator;
  /** The HTTP endpoint's own rules (depth, aliases), so a subscription is held to the same limits. */
  validationRules: readonly ValidationRule[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  logger: ErrorLog;
  gauge?: SubscriptionGauge;
}

/** graphql-ws's code for a failure of the server's own. */
const CLOSE_INTERNAL_ERROR = 4500;

/** Longest delay setTimeout takes (about 24.8 days); a token living longer is re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * GraphQL over WebSocket (the graphql-ws protocol, on the GraphQL path). The connection
 * authenticates in `connection_init` with `{ authorization: 'Bearer …' }` through the same
 * verifier and admission as an HTTP request (4401 for a bad or missing token, 4403 for a refused
 * caller) and is closed with 4401 when its token expires. Each subscription runs as a request of
 * that caller, so the global guards judge it like any operation; each event re-checks the caller
 * (`LiveConnection.recheck`), which closes the connection once they are refused.
 */
export function graphqlWsOptions(
  input: SubscriptionOptionsInput,
): Partial<ServerOptions<Record<string, unknown> | undefined, Extra>> {
  const { authenticator, validationRules, formatError, logger, gauge } = input;
  const rules = [...specifiedRules, ...validationRules];
  // Reported and shaped as the HTTP endpoint does (errorReportingPlugin, formatError).
  const format = (errors: readonly GraphQLError[], operationName?: string | null) => {
    reportErrors(logger, errors, { operationName });
    return errors.map((error) => formatError(error.toJSON(), error));
  };
  const counted = new WeakMap<WsContext, Set<string>>();

  return {
    onConnect: async (ctx: WsContext) => {
      const { socket } = ctx.extra;
      const admission = await authenticator.admit(ctx.connectionParams).catch((error: unknown) => {
        // The facts behind admission could not be loaded (the database): nothing about it to the client.
        reportErrors(
          logger,
          [new GraphQLError('connection_init failed', { originalError: error as Error })],
          {},
        );
        return { admitted: false as const, code: CLOSE_INTERNAL_ERROR, reason: 'Internal server error' };
      });
      if (!admission.admitted) {
        // Our code first; graphql-ws's own 4403 for `false` then finds the socket closing.
        socket.close(admission.code, admission.reason);
        return false;
      }
      const close = (code: number, reason: string) => socket.close(code, reason);
      const { caller, expiresAt } = admission;
      const expired = () => Date.now() >= expiresAt.getTime();
      const live: LiveConnection = {
        expiresAt,
        recheck: async () => {
          if (expired()) {
            close(CLOSE_UNAUTHORIZED, 'Token expired');
            return null;
          }
          const req = requestOf(ctx.extra.request, caller, live);
          const refusal = await authenticator.refusal(req);
          if (refusal && !refusal.admitted) {
            close(refusal.code, refusal.reason);
            return null;
          }
          return req;
        },
      };
      const arm = (): NodeJS.Timeout =>
        setTimeout(
          () => {
            if (expired()) close(CLOSE_UNAUTHORIZED, 'Token expired');
            else if (ctx.extra.session) ctx.extra.session.timer = arm();
          },
          Math.min(Math.max(expiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS),
        );
      ctx.extra.session = { live, caller, timer: arm() };
      return true;
    },
    context: (ctx: WsContext) => {
      const session = ctx.extra.session;
      // graphql-ws runs no operation before onConnect admitted the connection.
      if (!session) throw new Error('subscription on a connection that was not admitted');
      return { req: requestOf(ctx.extra.request, session.caller, session.live) };
    },
    // Coded as Apollo codes them over HTTP, so a client handles both transports alike.
    validate: (schema: GraphQLSchema, document: DocumentNode) =>
      validate(schema, document, rules).map((error) => coded(error, 'GRAPHQL_VALIDATION_FAILED')),
    onNext: (_ctx: WsContext, _id, payload, _args, result) => {
      if (!result.errors?.length) return undefined;
      return { ...result, errors: format(result.errors, payload.operationName) };
    },
    onError: (_ctx: WsContext, _id, payload, errors) => format(errors, payload.operationName),
    onSubscribe: (ctx: WsContext, id, payload) => {
      // graphql-ws would throw on a syntax error and close the whole connection; answer it instead.
      try {
        parse(payload.query);
      } catch (error) {
        const syntax = error instanceof GraphQLError ? error : new GraphQLError('Invalid query');
        return [coded(syntax, 'GRAPHQL_PARSE_FAILED')];
      }
      if (!gauge) return undefined;
      const ids = counted.get(ctx) ?? new Set<string>();
      counted.set(ctx, ids);
      if (!ids.has(id)) {
        ids.add(id);
        gauge.opened();
      }
      return undefined;
    },
    onComplete: (ctx: WsContext, id) => {
      if (counted.get(ctx)?.delete(id)) gauge?.closed();
    },
    onClose: (ctx: WsContext) => {
      clearTimeout(ctx.extra.session?.timer);
      const ids = counted.get(ctx);
      ids?.forEach(() => gauge?.closed());
      ids?.clear();
    },
  };
}

function coded(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

/** One operation of a live connection, shaped as the request the guards and resolvers read. */
function requestOf(
  upgrade: IncomingMessage,
  caller: NonNullable<AuthenticatedRequest['caller']>,
  live: LiveConnection,
): AuthenticatedRequest {
  return { caller, live, headers: upgrade.headers, id: randomUUID() } as unknown as AuthenticatedRequest;
}
