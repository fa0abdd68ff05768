// First: tracing patches modules as they load (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
import { tracing } from './tracing';
import 'reflect-metadata';
import { loadConfig } from '@hub/config';
import { serverConfig } from './app/api-config';
import { createApp } from './app/create-app';
import { exitAfter, logLine, startupFailureLine, stopOnSignals } from '@hub/observability';

async function main(): Promise<void> {
  const app = await createApp();
  const { HOST, PORT, SHUTDOWN_TIMEOUT_MS } = loadConfig(serverConfig);
  // Spans still buffered are sent before the process ends (a failure to is not the app's).
  stopOnSignals('api', app, SHUTDOWN_TIMEOUT_MS, () => tracing?.shutdown());
  await app.listen(PORT, HOST);
  const url = await app.getUrl();
  process.stdout.write(logLine('info', 'api ready', { graphql: `${url}/graphql` }));
}

main().catch((error: unknown) => exitAfter(startupFailureLine('api failed to start', error), 1));
