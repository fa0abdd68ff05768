import type { ApolloServerPlugin } from '@apollo/server';
import {
  DocumentNode,
  getVariableValues,
  isLeafType,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLSchema,
  isListType,
  OperationDefinitionNode,
} from 'graphql';
import { ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination';

/**
 * Objects an operation may fetch, counted like GitHub's node limit: each object field costs 1
 * plus its children, and a list multiplies its children by how many items it may return — a
 * connection by its `first` (default DEFAULT_PAGE_SIZE), its `edges` by nothing more, an unpaged
 * list (`members`, `messages`) by MAX_PAGE_SIZE. Scalars cost nothing: they come with their row.
 * GRAPHQL_MAX_COST plays the part of GitHub's node limit.
 */
function estimate({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  // Introspection reads the schema, not data; its size is fixed (and it is off in production).
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  const returned = getNullableType(field.type);
  if (field.args.some((arg) => arg.name === 'first')) {
    const first = typeof args.first === 'number' ? args.first : DEFAULT_PAGE_SIZE;
    return 1 + Math.min(Math.max(first, 0), MAX_PAGE_SIZE) * childComplexity;
  }
  if (isListType(returned)) {
    if (type.name.endsWith('Connection')) return childComplexity;
    return 1 + MAX_PAGE_SIZE * childComplexity;
  }
  return isLeafType(getNamedType(returned)) ? 0 : 1 + childComplexity;
}

/** The operation's cost, or null when its variables do not fit it (execution reports that). */
export function queryCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number | null {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return null;
  return getComplexity({
    schema,
    query: document,
    variables,
    operationName: operation.name?.value,
    estimators: [estimate],
  });
}

/**
 * Refuses an operation whose cost is over `maxCost` before it runs: HTTP 400,
 * GRAPHQL_VALIDATION_FAILED with `cost` and `maxCost` in extensions, like the depth and alias
 * limits. An operation too large to even count is refused the same way.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          let cost: number | null;
          try {
            cost = queryCost(schema, document, operation, request.variables ?? {});
          } catch {
            cost = Infinity;
          }
          if (cost === null || cost <= maxCost) return;
          throw new GraphQLError(`Query cost exceeds the limit of ${maxCost}`, {
            extensions: {
              code: 'GRAPHQL_VALIDATION_FAILED',
              reason: 'QUERY_COST',
              cost: Number.isFinite(cost) ? cost : null,
              maxCost,
              http: { status: 400 },
            },
          });
        },
      };
    },
  };
}
