import { ConfigOf, serverConfigFor } from '@hub/config';
import { databaseConfig } from '@hub/database';
import { jobsConfig } from '@hub/jobs';
import { mailConfig } from '@hub/mail';
import { deliveryConfig } from '@hub/notifications';
import { loggingConfig } from '@hub/observability';
import { timeRulesConfig } from './time-rules/time-rules.config';

/**
 * The worker's process: it serves only /health/live, /health/ready and /metrics; its grace period on
 * SIGTERM is longer than JOBS_SHUTDOWN_TIMEOUT_MS, so running jobs finish or are handed back.
 */
export const workerConfig = serverConfigFor('worker', { port: 3100, shutdownTimeoutMs: 15_000 });
export type WorkerConfig = ConfigOf<typeof workerConfig>;

/** Every configuration slice the worker reads; all are validated before anything starts. */
export const workerConfigDefinitions = [
  workerConfig,
  loggingConfig,
  databaseConfig,
  jobsConfig,
  mailConfig,
  deliveryConfig,
  timeRulesConfig,
];
