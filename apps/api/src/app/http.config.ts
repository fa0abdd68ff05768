import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

/** How long one client may hold a connection before its request is complete, and whom to believe about its address. */
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
    TRUST_PROXY: z
      .string()
      .regex(/^(false|true|\d{1,2}|[0-9A-Za-z.:/,\s]+)$/)
      .default('false')
      .describe(
        'Which proxies may name the client address in X-Forwarded-For (Express "trust proxy": false, a hop count, or addresses/subnets such as "loopback, 10.0.0.0/8"); anonymous request budgets are per client address',
      ),
  }),
);
export type HttpConfig = ConfigOf<typeof httpConfig>;
