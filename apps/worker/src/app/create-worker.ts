import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Writable } from 'node:stream';
import { Logger } from 'nestjs-pino';
import { validateAll } from '@hub/config';
import { workerConfigDefinitions } from './worker-config';
import { WorkerModule } from './worker.module';

/**
 * Builds the worker from the environment (validated first: a bad variable throws a ConfigError
 * naming it). Used by main.ts and by tests, so both run the same process.
 */
export async function createWorker(
  options: { logs?: boolean; logDestination?: Writable } = {},
): Promise<INestApplication> {
  validateAll(workerConfigDefinitions);
  const app = await NestFactory.create(WorkerModule.register({ logDestination: options.logDestination }), {
    bufferLogs: true,
    abortOnError: false,
    autoFlushLogs: false,
    logger: options.logs === false ? false : undefined,
  });
  if (options.logs !== false) {
    app.useLogger(app.get(Logger));
    app.flushLogs();
  }
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  return app;
}
