import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

/** The job queue's own connection and housekeeping (pg-boss, in PostgreSQL's `pgboss` schema). */
export const jobsConfig = defineConfig(
  'jobs',
  z.object({
    JOBS_POOL_SIZE: env.int(1, 50).default(4).describe("Connections of the job queue's own pool"),
    JOBS_POLLING_INTERVAL_MS: env
      .int(500, 60_000)
      .default(1_000)
      .describe('How often an idle worker asks for new jobs (pg-boss allows no less than 500 ms)'),
    JOBS_MAINTENANCE_INTERVAL_SECONDS: env
      .int(1, 3_600)
      .default(60)
      .describe(
        'How often expired jobs (of a worker that died) are put back for retry, and old ones archived',
      ),
    JOBS_SHUTDOWN_TIMEOUT_MS: env
      .int(1_000, 120_000)
      .default(8_000)
      .describe('On SIGTERM, how long running jobs may finish before they are handed back for retry'),
  }),
);
export type JobsConfig = ConfigOf<typeof jobsConfig>;
