import '@as-integrations/express5';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { validateAll } from '@hub/config';
import { createValidationPipe } from '@hub/graphql';
import { apiConfigDefinitions } from './api-config';
import { AppModule } from './app.module';

/**
 * Builds the API from the environment (validated first: a bad variable throws a ConfigError
 * naming it). Used by main.ts and by the end-to-end tests, so both run the same app.
 */
export async function createApp(options: { logs?: boolean } = {}): Promise<INestApplication> {
  validateAll(apiConfigDefinitions);
  const app = await NestFactory.create(AppModule.register(), {
    bufferLogs: true,
    // A failed start rejects (no process.abort) and its buffered Nest logs stay unprinted, so the
    // caller (main.ts) logs it as one JSON line.
    abortOnError: false,
    autoFlushLogs: false,
    logger: options.logs === false ? false : undefined,
  });
  if (options.logs !== false) {
    app.useLogger(app.get(Logger));
    app.flushLogs();
  }
  app.useGlobalPipes(createValidationPipe());
  // No enableShutdownHooks(): main.ts handles the signals (close within the grace period, log, exit).
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  return app;
}
