import { z } from 'zod';
import { ConfigOf, defineConfig } from '@hub/config';

export const loggingConfig = defineConfig(
  'logging',
  z.object({
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('Log level'),
  }),
);
export type LoggingConfig = ConfigOf<typeof loggingConfig>;
