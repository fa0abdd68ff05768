import { sightingConfig } from '@hub/agencies';
import { auditConfig } from '@hub/audit';
import { authConfig } from '@hub/auth';
import { ConfigOf, serverConfigFor } from '@hub/config';
import { consentsConfig } from '@hub/consents';
import { databaseConfig } from '@hub/database';
import { graphqlConfig } from '@hub/graphql';
import { loggingConfig } from '@hub/observability';
import { breakGlassConfig } from '@hub/referrals';
import { httpConfig } from './http.config';
import { webAppConfig } from './web-app';

export const serverConfig = serverConfigFor('server', { port: 3000, shutdownTimeoutMs: 10_000 });
export type ServerConfig = ConfigOf<typeof serverConfig>;

/** Every configuration slice the API reads; all are validated before anything starts. */
export const apiConfigDefinitions = [
  serverConfig,
  httpConfig,
  webAppConfig,
  loggingConfig,
  databaseConfig,
  authConfig,
  graphqlConfig,
  consentsConfig,
  auditConfig,
  breakGlassConfig,
  sightingConfig,
];
