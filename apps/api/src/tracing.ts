import { startTracing } from '@hub/tracing';

/**
 * OpenTelemetry, when OTEL_EXPORTER_OTLP_ENDPOINT is set (else null and nothing registered). Its
 * own module, imported first by main.ts: the instrumentations patch http, pg and graphql as they
 * are required, so they must be in place before anything else loads.
 */
export const tracing = startTracing('hub-api');
