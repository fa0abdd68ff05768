import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloDriverConfig } from '@nestjs/apollo';
import { GraphQLError, GraphQLFormattedError, ValidationContext } from 'graphql';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import type { Logger } from '@nestjs/common';
import { GraphqlConfig } from './graphql.config';
import { redactionsPlugin } from './redaction';
import { DateTimeScalar } from './scalars';
import { coercionProblems } from './input-problems';
import { queryCostPlugin } from './query-cost.plugin';
import { safeTextPlugin } from './safe-text.plugin';

const CONTRACT_CODES = new Set([
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
]);

/** Nest's HTTP exceptions surface with their own codes; map them onto the contract's. */
const NEST_CODES: Record<string, string> = {
  BAD_REQUEST: 'BAD_USER_INPUT',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHORIZED: 'UNAUTHENTICATED',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
};

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
  logger: Pick<Logger, 'error'>;
}

/**
 * Apollo options: in-memory code-first schema (the committed `schema.gql` is written and checked
 * by a test, not at start), limits enforced as validation rules so an operation over a limit
 * never reaches a resolver, and errors reduced to the contract's codes with no internals.
 */
export function graphqlOptions({ config, production, logger }: GraphqlOptionsInput): ApolloDriverConfig {
  const introspection = config.GRAPHQL_INTROSPECTION ?? !production;
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
    plugins: [
      unauthenticatedStatusPlugin,
      redactionsPlugin as ApolloServerPlugin,
      safeTextPlugin,
      // List-aware cost needs the variables (`first: $n`), so it is a plugin, not a validation rule.
      queryCostPlugin(config.GRAPHQL_MAX_COST),
    ],
    // Nest would reset the status to 200 after execution; an unauthenticated caller must get 401.
    preserveHttpStatusForExecutionErrors: false,
    context: ({ req }: { req: unknown }) => ({ req }),
    validationRules: [
      maxDepthRule({
        n: config.GRAPHQL_MAX_DEPTH,
        exposeLimits: true,
        flattenFragments: true,
        ...reportAsValidation,
      }),
      maxAliasesRule({ n: config.GRAPHQL_MAX_ALIASES, exposeLimits: true, ...reportAsValidation }),
    ],
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const raw = (formatted.extensions?.code as string | undefined) ?? 'INTERNAL_SERVER_ERROR';
      const code = refusedByScalar(error) ? 'BAD_USER_INPUT' : (NEST_CODES[raw] ?? raw);
      if (CONTRACT_CODES.has(code)) {
        const {
          stacktrace: _stacktrace,
          originalError: _originalError,
          ...extensions
        } = formatted.extensions ?? {};
        const problems =
          code === 'BAD_USER_INPUT' && !extensions.problems ? coercionProblems(formatted) : undefined;
        const rest = problems ? { ...extensions, problems } : extensions;
        return {
          ...formatted,
          extensions: production
            ? { ...stripInternals(rest), code }
            : { ...formatted.extensions, ...rest, code },
        };
      }
      // Anything unexpected: log it whole, tell the client nothing about internals.
      const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
      logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
      return {
        message: 'Internal server error',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    },
  };
}

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
