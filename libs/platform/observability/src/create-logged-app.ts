import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';

/**
 * A Nest application (API, worker) whose own logs go through pino (the module imports
 * LoggingModule). A failed start rejects — no process.abort — and its buffered Nest logs stay
 * unprinted, so main.ts logs it as one JSON line. `logs: false`: no Nest logger at all (most tests).
 */
export async function createLoggedApp(
  module: DynamicModule,
  options: { logs?: boolean } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(module, {
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
