import { z } from 'zod';
import { sightingConfig } from '@hub/agencies';
import { auditConfig } from '@hub/audit';
import { authConfig } from '@hub/auth';
import { ConfigOf, defineConfig } from '@hub/config';
import { consentsConfig } from '@hub/consents';
import { databaseConfig } from '@hub/database';
import { graphqlConfig } from '@hub/graphql';
import { loggingConfig } from '@hub/observability';
import { breakGlassConfig } from '@hub/referrals';
import { httpConfig } from './http.config';

export const serverConfig = defineConfig(
  'server',
  z.object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development').describe('Runtime mode'),
    HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('HTTP port (0 = any free port)'),
    SHUTDOWN_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(0)
      .max(120_000)
      .default(10_000)
      .describe('Grace period on SIGTERM'),
  }),
);
export type ServerConfig = ConfigOf<typeof serverConfig>;

/** Every configuration slice the API reads; all are validated before anything starts. */
export const apiConfigDefinitions = [
  serverConfig,
  httpConfig,
  loggingConfig,
  databaseConfig,
  authConfig,
  graphqlConfig,
  consentsConfig,
  auditConfig,
  breakGlassConfig,
  sightingConfig,
];
