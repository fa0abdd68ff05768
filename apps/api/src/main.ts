import 'reflect-metadata';
import { ConfigError, loadConfig } from '@hub/config';
import { serverConfig } from './app/api-config';
import { createApp } from './app/create-app';

async function main(): Promise<void> {
  const app = await createApp();
  const { HOST, PORT, SHUTDOWN_TIMEOUT_MS } = loadConfig(serverConfig);
  // Nest's shutdown hooks close the server and the pool on these signals; if that hangs, give up.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref());
  }
  await app.listen(PORT, HOST);
  const url = await app.getUrl();
  process.stdout.write(
    `${JSON.stringify({ level: 30, time: Date.now(), msg: 'api ready', graphql: `${url}/graphql` })}\n`,
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `api failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
