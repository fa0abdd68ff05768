import 'reflect-metadata';
import { loadConfig } from '@hub/config';
import { serverConfig } from './app/api-config';
import { createApp } from './app/create-app';
import { exitAfter, logLine, startupFailureLine, stopOnSignals } from '@hub/observability';

async function main(): Promise<void> {
  const app = await createApp();
  const { HOST, PORT, SHUTDOWN_TIMEOUT_MS } = loadConfig(serverConfig);
  stopOnSignals('api', app, SHUTDOWN_TIMEOUT_MS);
  await app.listen(PORT, HOST);
  const url = await app.getUrl();
  process.stdout.write(logLine('info', 'api ready', { graphql: `${url}/graphql` }));
}

main().catch((error: unknown) => exitAfter(startupFailureLine('api failed to start', error), 1));
