import type { IncomingMessage } from 'node:http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface Tracing {
  /** Where spans go (the OTLP/HTTP traces URL). */
  readonly endpoint: string;
  /** Sends what is buffered and stops (call on shutdown, after the app closed). */
  shutdown(): Promise<void>;
}

/** Paths whose requests are not traced: probes and scrapes, every few seconds, say nothing. */
const UNTRACED = /^\/(health\/|metrics$)/;

/** The OTLP/HTTP traces URL from the standard variables, or null when tracing is not configured. */
export function tracesEndpoint(env: NodeJS.ProcessEnv): string | null {
  if (env.OTEL_SDK_DISABLED === 'true') return null;
  if (env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT;
  if (env.OTEL_EXPORTER_OTLP_ENDPOINT)
    return `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`;
  return null;
}

/**
 * OpenTelemetry traces of incoming HTTP, GraphQL and PostgreSQL, exported over OTLP/HTTP — off
 * (nothing registered, nothing sent) unless OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set. The instrumentations patch modules as they are
 * required, so this runs before the app's modules load: first thing in main.ts.
 *
 * Spans carry no personal data: GraphQL documents with their literal values masked and no
 * variables; SQL text (named parameters, never their values); request paths without the query
 * string (a GET's query string is the document and its variables).
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): Tracing | null {
  const endpoint = tracesEndpoint(env);
  if (!endpoint) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME || serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: endpoint }))],
  });
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED.test((req.url ?? '').split('?')[0]),
        requestHook: (span, request) => {
          if (!('headers' in request) || typeof (request as IncomingMessage).url !== 'string') return;
          const path = ((request as IncomingMessage).url as string).split('?')[0];
          span.setAttribute('http.target', path);
          span.setAttribute('url.path', path);
          span.setAttribute('url.query', '');
          span.setAttribute('http.url', path);
        },
      }),
      new PgInstrumentation({ enhancedDatabaseReporting: false }),
      new GraphQLInstrumentation({ allowValues: false, mergeItems: true, ignoreTrivialResolveSpans: true }),
    ],
  });
  return { endpoint, shutdown: () => provider.shutdown() };
}
