import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

export const sightingConfig = defineConfig(
  'sightings',
  z.object({
    USER_SIGHTING_INTERVAL_SECONDS: env
      .int(10, 3600)
      .default(300)
      .describe(
        'How stale a user\'s "last seen" may get before a request writes it again (one upsert per user per interval)',
      ),
  }),
);
export type SightingConfig = ConfigOf<typeof sightingConfig>;
