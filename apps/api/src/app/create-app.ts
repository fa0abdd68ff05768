import '@as-integrations/express5';
import { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { Writable } from 'node:stream';
import { loadConfig, validateAll } from '@hub/config';
import { createValidationPipe } from '@hub/graphql';
import { createLoggedApp } from '@hub/observability';
import { apiConfigDefinitions } from './api-config';
import { AppModule } from './app.module';
import { bodyDeadline } from './body-deadline';
import { httpConfig } from './http.config';
import { serveWebApp } from './web-app';

/** How often Node checks its header/request deadlines (its default, 30 s, would blur them). */
const DEADLINE_CHECK_INTERVAL_MS = 1_000;

export interface CreateAppOptions {
  /** false: no Nest logger at all (most tests); pino still obeys LOG_LEVEL. */
  logs?: boolean;
  /** Where the JSON log goes instead of stdout (tests that read the real log). */
  logDestination?: Writable;
}

/**
 * Builds the API from the environment (validated first: a bad variable throws a ConfigError
 * naming it). Used by main.ts and by the end-to-end tests, so both run the same app.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<INestApplication> {
  validateAll(apiConfigDefinitions);
  const app = await createLoggedApp(AppModule.register({ logDestination: options.logDestination }), options);
  app.useGlobalPipes(createValidationPipe());
  // No enableShutdownHooks(): main.ts handles the signals (close within the grace period, log, exit).
  const express = app.getHttpAdapter().getInstance() as { set(setting: string, value: unknown): void };
  express.set('trust proxy', trustProxy(loadConfig(httpConfig).TRUST_PROXY));
  applyTimeouts(app);
  serveWebApp(app);
  return app;
}

/** Express's "trust proxy" from the setting's text: a boolean, a hop count, or addresses/subnets. */
function trustProxy(setting: string): boolean | number | string[] {
  if (setting === 'false' || setting === 'true') return setting === 'true';
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Bounded headers (Node), bounded body (our deadline, GraphQL-shaped), Node's request timeout behind both. */
function applyTimeouts(app: INestApplication): void {
  const { HTTP_HEADERS_TIMEOUT_MS, HTTP_BODY_TIMEOUT_MS } = loadConfig(httpConfig);
  // connectionsCheckingInterval is read when the server starts listening (not in @types/node).
  const server = app.getHttpServer() as Server & { connectionsCheckingInterval: number };
  server.headersTimeout = HTTP_HEADERS_TIMEOUT_MS;
  server.requestTimeout = HTTP_HEADERS_TIMEOUT_MS + HTTP_BODY_TIMEOUT_MS + DEADLINE_CHECK_INTERVAL_MS;
  server.connectionsCheckingInterval = DEADLINE_CHECK_INTERVAL_MS;
  app.use(bodyDeadline(HTTP_BODY_TIMEOUT_MS));
}
