import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';
import { databaseConfig } from '@hub/database';
import { jobsConfig } from '@hub/jobs';
import { mailConfig } from '@hub/mail';
import { deliveryConfig } from '@hub/notifications';
import { loggingConfig } from '@hub/observability';

/** The worker's own process settings: it serves only /health/live and /health/ready. */
export const workerConfig = defineConfig(
  'worker',
  z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Runtime mode'),
    HOST: z.string().min(1).default('127.0.0.1').describe('Interface the health endpoints listen on'),
    PORT: env.int(0, 65_535).default(3100).describe('Port of the health endpoints (0 = any free port)'),
    SHUTDOWN_TIMEOUT_MS: env
      .int(0, 120_000)
      .default(15_000)
      .describe('Grace period on SIGTERM (longer than JOBS_SHUTDOWN_TIMEOUT_MS)'),
  }),
);
export type WorkerConfig = ConfigOf<typeof workerConfig>;

/** Every configuration slice the worker reads; all are validated before anything starts. */
export const workerConfigDefinitions = [
  workerConfig,
  loggingConfig,
  databaseConfig,
  jobsConfig,
  mailConfig,
  deliveryConfig,
];
