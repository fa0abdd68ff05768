import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

export const consentsConfig = defineConfig(
  'consents',
  z.object({
    CONSENT_MAX_DAYS: env
      .int(1, 365)
      .default(90)
      .describe('Longest a consent may run (days); "reasonably time-limited"'),
  }),
);
export type ConsentsConfig = ConfigOf<typeof consentsConfig>;
