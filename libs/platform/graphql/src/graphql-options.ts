import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { GraphQLError, GraphQLFormattedError, ValidationContext } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import {
  CLIENT_ERROR_CODES,
  ErrorLog,
  errorCodeOf,
  errorReportingPlugin,
  errorStatusPlugin,
  SERVICE_UNAVAILABLE,
  withoutSuggestions,
} from './error-handling';
import { apolloCache, documentStore } from './bounded-cache';
import { GraphqlConfig } from './graphql.config';
import { redactionsPlugin } from './redaction';
import { DateTimeScalar } from './scalars';
import { coercionProblems } from './input-problems';
import { queryCostPlugin } from './query-cost.plugin';
import { safeTextPlugin } from './safe-text.plugin';
import { graphqlWsOptions, SubscriptionOptionsInput } from './subscriptions';
import { metricsPlugin, subscriptionGauge } from './metrics.plugin';
import { Metrics } from '@hub/observability';

/**
 * GraphQL Armor throws from inside validation by default, which Apollo reports as a 500; report
 * the rejection as an ordinary validation error instead (HTTP 400, GRAPHQL_VALIDATION_FAILED).
 */
const reportAsValidation = {
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(error)],
};

export interface GraphqlOptionsInput {
  config: GraphqlConfig;
  production: boolean;
  /** Where request errors are logged (nestjs-pino's PinoLogger in the API). */
  logger: ErrorLog;
  /** Subscriptions over graphql-ws on the same path; without it, none are served. */
  subscriptions?: Pick<SubscriptionOptionsInput, 'authenticator'>;
  /** Where requests and open subscriptions are counted (the app's Prometheus metrics). */
  metrics?: Metrics;
}

/**
 * Apollo options: in-memory code-first schema (the committed `schema.gql` is written and checked
 * by a test, not at start), limits enforced as validation rules so an operation over a limit
 * never reaches a resolver, and errors reduced to the contract's codes with no internals.
 */
export function graphqlOptions({
  config,
  production,
  logger,
  subscriptions,
  metrics,
}: GraphqlOptionsInput): ApolloDriverConfig {
  const introspection = config.GRAPHQL_INTROSPECTION ?? !production;
  const validationRules = [
    maxDepthRule({
      n: config.GRAPHQL_MAX_DEPTH,
      exposeLimits: true,
      flattenFragments: true,
      ...reportAsValidation,
    }),
    maxAliasesRule({ n: config.GRAPHQL_MAX_ALIASES, exposeLimits: true, ...reportAsValidation }),
  ];
  const formatError = formatErrorFor(production);
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    // Every `Date`-typed field is our strict DateTime (Nest's own turns 2027-02-30 into 2 March).
    buildSchemaOptions: { scalarsMap: [{ type: Date, scalar: DateTimeScalar }] },
    playground: false,
    graphiql: false,
    introspection,
    includeStacktraceInErrorResponses: !production,
    // Hides "Did you mean …?" field suggestions from clients in production.
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    // Bounded by what the entries cost, so documents a client writes anew on every request (values
    // in the text instead of variables) cannot grow the process (bounded-cache.ts).
    documentStore: documentStore(),
    cache: apolloCache(),
    plugins: [
      // Apollo's cache-control plugin times every field of every answer (a hook per field, which a
      // page of rows pays rows x fields times) to compute hints the hub never gives: every answer
      // is `no-store` (noStorePlugin).
      ApolloServerPluginCacheControlDisabled(),
      noStorePlugin,
      unauthenticatedStatusPlugin,
      redactionsPlugin as ApolloServerPlugin,
      safeTextPlugin,
      // List-aware cost needs the variables (`first: $n`), so it is a plugin, not a validation rule.
      queryCostPlugin(config.GRAPHQL_MAX_COST),
      errorStatusPlugin,
      errorReportingPlugin(logger) as ApolloServerPlugin,
      ...(metrics ? [metricsPlugin(metrics)] : []),
    ],
    // Nest would reset the status to 200 after execution; an unauthenticated caller must get 401.
    preserveHttpStatusForExecutionErrors: false,
    context: ({ req }: { req: unknown }) => ({ req }),
    validationRules,
    ...(subscriptions && {
      subscriptions: {
        // Nest's type names a few of graphql-ws's options; it hands all of them to graphql-ws's useServer.
        'graphql-ws': graphqlWsOptions({
          ...subscriptions,
          gauge: metrics && subscriptionGauge(metrics),
          validationRules,
          formatError,
          logger,
        }) as GraphQLWsSubscriptionsConfig,
      },
    }),
    // Logging is errorReportingPlugin's job (once per request); this only shapes the answer.
    formatError,
  };
}

/** Errors reduced to the contract's codes, with no internals (and no suggestions in production). */
function formatErrorFor(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formattedCodeOf(formatted, error);
    if (code === SERVICE_UNAVAILABLE) {
      return {
        message: 'The service is temporarily unavailable; retry later',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code },
      };
    }
    if (CLIENT_ERROR_CODES.has(code)) {
      const {
        stacktrace: _stacktrace,
        originalError: _originalError,
        ...extensions
      } = formatted.extensions ?? {};
      const found =
        code === 'BAD_USER_INPUT' && !extensions.problems ? coercionProblems(formatted) : undefined;
      // graphql-js's coercion messages carry "Did you mean …?"; in production, never.
      const problems = production
        ? found?.map((problem) => ({ ...problem, message: withoutSuggestions(problem.message) }))
        : found;
      const rest = problems ? { ...extensions, problems } : extensions;
      return production
        ? {
            ...formatted,
            message: withoutSuggestions(formatted.message),
            extensions: { ...stripInternals(rest), code },
          }
        : { ...formatted, extensions: { ...formatted.extensions, ...rest, code } };
    }
    // Anything unexpected: tell the client nothing about internals.
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * Request-level errors (parse, validation, HTTP) arrive already coded; execution errors are
 * classified from what was thrown, so a database outage is told apart from a bug.
 */
function formattedCodeOf(formatted: GraphQLFormattedError, error: unknown): string {
  if (refusedByScalar(error)) return 'BAD_USER_INPUT';
  const classified = errorCodeOf(error);
  if (classified !== 'INTERNAL_SERVER_ERROR') return classified;
  const raw = formatted.extensions?.['code'];
  return typeof raw === 'string' && CLIENT_ERROR_CODES.has(raw) ? raw : classified;
}

/**
 * Every GraphQL answer is `Cache-Control: no-store`: it is the caller's own view of personal data
 * (a GET query too), never for a shared or browser cache to keep.
 */
const noStorePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/** A request that needed a caller and had none answers HTTP 401, like a bad token does. */
const unauthenticatedStatusPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, errors }) {
        if (errors?.some((error) => error.extensions?.code === 'UNAUTHENTICATED')) response.http.status = 401;
      },
    };
  },
};

/**
 * A literal our scalars refuse (a `DateTime` of 30 February written into the query) surfaces as a
 * validation failure; it is bad input like the same value sent as a variable.
 */
function refusedByScalar(error: unknown): boolean {
  let cause: unknown = error;
  for (let depth = 0; depth < 4 && cause instanceof GraphQLError; depth++) {
    if (
      cause.originalError instanceof GraphQLError &&
      cause.originalError.extensions?.code === 'BAD_USER_INPUT'
    )
      return true;
    cause = cause.originalError;
  }
  return false;
}

function stripInternals(extensions: Record<string, unknown>): Record<string, unknown> {
  const { exception: _exception, ...rest } = extensions;
  return rest;
}
