import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

/** How long one client may hold a connection before its request is complete. */
export const httpConfig = defineConfig(
  'http',
  z.object({
    HTTP_HEADERS_TIMEOUT_MS: env
      .int(1_000, 120_000)
      .default(10_000)
      .describe('Time allowed to receive the request headers (Node headersTimeout)'),
    HTTP_BODY_TIMEOUT_MS: env
      .int(100, 600_000)
      .default(10_000)
      .describe('Time allowed to receive the request body after its headers; then 408 REQUEST_TIMEOUT'),
  }),
);
export type HttpConfig = ConfigOf<typeof httpConfig>;
