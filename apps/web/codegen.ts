import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations from the API's committed schema: every `graphql(...)` document in the web app
 * becomes a TypedDocumentNode with its result and variables types. `npx nx codegen web` rewrites
 * src/gql; src/gql.spec.ts fails when it is stale.
 */
const config: CodegenConfig = {
  schema: 'apps/api/schema.gql',
  documents: ['apps/web/src/**/*.tsx', 'apps/web/src/**/*.ts', '!apps/web/src/gql/**'],
  generates: {
    'apps/web/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string' },
        skipTypename: true,
      },
    },
  },
  ignoreNoDocuments: false,
};

export default config;
