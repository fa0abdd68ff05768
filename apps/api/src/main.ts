// First: tracing patches modules as they load (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
import { tracing } from './tracing';
import 'reflect-metadata';
import { loadConfig } from '@hub/config';
import { serverConfig } from './app/api-config';
import { createApp } from './app/create-app';
import { exitAfter, logLine, startupFailureLine } from './app/process-log';
import { shutDown } from './app/shutdown';

async function main(): Promise<void> {
  const app = await createApp();
  const { HOST, PORT, SHUTDOWN_TIMEOUT_MS } = loadConfig(serverConfig);
  // The first SIGTERM or SIGINT closes the app; later ones (Ctrl-C in a terminal sends both to
  // `npm start`'s children) wait for it, bounded by the grace period.
  let stopping = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      void shutDown(app, {
        signal,
        graceMs: SHUTDOWN_TIMEOUT_MS,
        write: (line) => process.stdout.write(line),
      })
        // Spans still buffered are sent before the process ends (a failure to is not the app's).
        .then(async (code) => {
          await tracing?.shutdown().catch(() => undefined);
          return code;
        })
        .then((code) => exitAfter('', code));
    });
  }
  await app.listen(PORT, HOST);
  const url = await app.getUrl();
  process.stdout.write(logLine('info', 'api ready', { graphql: `${url}/graphql` }));
}

main().catch((error: unknown) => exitAfter(startupFailureLine('api failed to start', error), 1));
