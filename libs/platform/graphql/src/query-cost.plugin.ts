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

/** Variable sets whose cost is kept per document, and the longest kept (as JSON). */
const COSTS_PER_DOCUMENT = 16;
const MAX_VARIABLES_LENGTH = 512;
const counted = new WeakMap<DocumentNode, Map<string, number | null>>();

/**
 * The cost of an operation counted once per parsed document and variables: Apollo's document
 * store hands the same document object for the same text, and a client repeats its operations
 * (the inbox, page after page), so walking the document again each time buys nothing. Kept with
 * the document (it leaves with it), a few small variable sets each.
 */
function countedCost(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  count: (variables: Record<string, unknown>) => number | null,
): number | null {
  const json = JSON.stringify(variables);
  if (json.length > MAX_VARIABLES_LENGTH) return count(variables);
  const key = `${operation.name?.value ?? ''} ${json}`;
  let costs = counted.get(document);
  if (!costs) {
    costs = new Map();
    counted.set(document, costs);
  }
  if (costs.has(key)) return costs.get(key) as number | null;
  const cost = count(variables);
  if (costs.size >= COSTS_PER_DOCUMENT) costs.delete(costs.keys().next().value as string);
  costs.set(key, cost);
  return cost;
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
          const cost = countedCost(document, operation, request.variables ?? {}, (variables) => {
            try {
              return queryCost(schema, document, operation, variables);
            } catch {
              return Infinity;
            }
          });
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
