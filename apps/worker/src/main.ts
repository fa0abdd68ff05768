import 'reflect-metadata';
import { loadConfig } from '@hub/config';
import { exitAfter, logLine, startupFailureLine, stopOnSignals } from '@hub/observability';
import { createWorker } from './app/create-worker';
import { workerConfig } from './app/worker-config';

async function main(): Promise<void> {
  const app = await createWorker();
  const { HOST, PORT, SHUTDOWN_TIMEOUT_MS } = loadConfig(workerConfig);
  stopOnSignals('worker', app, SHUTDOWN_TIMEOUT_MS);
  await app.listen(PORT, HOST);
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  process.stdout.write(logLine('info', 'worker ready', { health: `${url}/health/ready` }));
}

main().catch((error: unknown) => exitAfter(startupFailureLine('worker failed to start', error), 1));
