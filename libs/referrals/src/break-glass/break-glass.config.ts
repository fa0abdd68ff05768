import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

export const breakGlassConfig = defineConfig(
  'breakGlass',
  z.object({
    BREAK_GLASS_MINUTES: env
      .int(5, 24 * 60)
      .default(60)
      .describe('How long a break-glass grant lasts'),
  }),
);
export type BreakGlassConfig = ConfigOf<typeof breakGlassConfig>;
