import { z } from 'zod';
import { ConfigOf, defineConfig, env } from '@hub/config';

/** Limits on what one operation may ask for; an operation over any of them is refused before it runs. */
export const graphqlConfig = defineConfig(
  'graphql',
  z.object({
    GRAPHQL_MAX_DEPTH: env.int(2, 50).default(12).describe('Deepest selection nesting allowed'),
    GRAPHQL_MAX_ALIASES: env.int(0, 200).default(15).describe('Most aliases in one operation'),
    GRAPHQL_MAX_COST: env.int(10, 1_000_000).default(5000).describe('Highest static cost of one operation'),
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
