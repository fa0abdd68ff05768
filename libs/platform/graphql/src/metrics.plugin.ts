import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationDefinitionNode } from 'graphql';
import { labelValue, Metrics } from '@hub/observability';
import { errorCodeOf } from './error-handling';
import { SubscriptionGauge } from './subscriptions';

/** More root fields than this in one operation are counted as `multiple` (bounded label values). */
const MAX_NAMED_FIELDS = 3;

/**
 * What an operation is called in metrics: its root fields from the schema (`referrals`,
 * `sendReferral`), never the client's operation name, which is free text the client chose.
 */
export function operationLabel(operation: OperationDefinitionNode): string {
  const fields = [
    ...new Set(
      operation.selectionSet.selections.map((selection) =>
        selection.kind === 'Field' ? selection.name.value : '(fragment)',
      ),
    ),
  ].sort();
  return fields.length > MAX_NAMED_FIELDS ? 'multiple' : labelValue(fields.join('+'));
}

/**
 * Requests by operation and outcome (`OK`, or the first error's contract code, e.g. NOT_FOUND),
 * and their latency. An operation that never parsed or validated is `(invalid)`.
 */
export function metricsPlugin(metrics: Metrics): ApolloServerPlugin {
  const requests = metrics.counter({
    name: 'hub_graphql_requests_total',
    help: 'GraphQL operations by root field(s), operation type and outcome code',
    labelNames: ['operation', 'type', 'code'] as const,
  });
  const latency = metrics.histogram({
    name: 'hub_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL operation to sending its answer',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  return {
    async requestDidStart() {
      const stop = latency.startTimer();
      let operation = '(invalid)';
      let type = 'unknown';
      return {
        async didResolveOperation({ operation: resolved }) {
          if (!resolved) return;
          operation = operationLabel(resolved);
          type = resolved.operation;
        },
        async willSendResponse({ errors }) {
          const code = errors?.length ? labelValue(errorCodeOf(errors[0])) : 'OK';
          requests.inc({ operation, type, code });
          stop({ operation, type });
        },
      };
    },
  };
}

/** Subscriptions open right now (all connections of this process). */
export function subscriptionGauge(metrics: Metrics): SubscriptionGauge {
  const open = metrics.gauge({
    name: 'hub_graphql_subscriptions_open',
    help: 'GraphQL subscriptions currently open on this process',
  });
  return { opened: () => open.inc(), closed: () => open.dec() };
}
