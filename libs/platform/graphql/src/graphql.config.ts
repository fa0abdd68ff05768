import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

/** Limits on what one operation may ask for; an operation over any of them is refused before it runs. */
export const graphqlConfig = defineConfig(
  'graphql',
  z.object({
    GRAPHQL_MAX_DEPTH: env.int(2, 50).default(12).describe('Deepest selection nesting allowed'),
    GRAPHQL_MAX_ALIASES: env.int(0, 200).default(15).describe('Most aliases in one operation'),
    GRAPHQL_MAX_COST: env
      .int(10, 100_000_000)
      .default(25_000)
      .describe(
        'Most objects one operation may fetch: each list counted at its page size (`first`), before it runs',
      ),
    GRAPHQL_RATE_LIMIT_POINTS: env
      .int(1, 1_000_000_000)
      .default(300)
      .describe('Requests one caller (user, or client address when anonymous) may make per window'),
    GRAPHQL_RATE_LIMIT_WINDOW_SECONDS: env
      .int(1, 86_400)
      .default(60)
      .describe('Length of the rate-limit window in seconds'),
    GRAPHIQL_ENABLED: env
      .boolean()
      .optional()
      .describe('Serve GraphiQL at /graphiql (default: on except in production)'),
    GRAPHQL_INTROSPECTION: env
      .boolean()
      .optional()
      .describe('Allow introspection (default: on except in production)'),
  }),
);
export type GraphqlConfig = ConfigOf<typeof graphqlConfig>;
