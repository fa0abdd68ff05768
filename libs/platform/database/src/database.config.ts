import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

/** The API's connection: the least-privileged `hub_api` role, never the schema owner. */
export const databaseConfig = defineConfig(
  'database',
  z.object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .describe('PostgreSQL URL the API connects with (the hub_api role)'),
    DATABASE_POOL_SIZE: env.int(1, 100).default(10).describe('Connections per API process'),
    DATABASE_SSL: env.boolean().default(false).describe('Require TLS to PostgreSQL'),
    DATABASE_STATEMENT_TIMEOUT_MS: env.int(100, 600_000).default(15_000).describe('Per-statement timeout'),
  }),
);
export type DatabaseConfig = ConfigOf<typeof databaseConfig>;

/** Migrations run as the schema owner (`npm run migrate`). */
export const migrationConfig = defineConfig(
  'migration',
  z.object({
    DATABASE_OWNER_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
      .describe('PostgreSQL URL of the schema owner (hub_owner), used only to run migrations'),
  }),
);
