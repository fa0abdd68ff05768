import { INestApplication } from '@nestjs/common';
import type { Writable } from 'node:stream';
import { validateAll } from '@hub/config';
import { createLoggedApp } from '@hub/observability';
import { workerConfigDefinitions } from './worker-config';
import { WorkerModule } from './worker.module';

/**
 * Builds the worker from the environment (validated first: a bad variable throws a ConfigError
 * naming it). Used by main.ts, so a test that starts main.ts runs the same process.
 */
export function createWorker(
  options: { logs?: boolean; logDestination?: Writable } = {},
): Promise<INestApplication> {
  validateAll(workerConfigDefinitions);
  return createLoggedApp(WorkerModule.register({ logDestination: options.logDestination }), options);
}
