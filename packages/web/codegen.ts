import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Generates the typed `graphql()` function and operation types into src/gql from the API's committed
 * schema. The output is committed; `pnpm codegen:check` fails when it is stale.
 */
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // Apollo Client does its own data masking; the preset's helpers would only duplicate it.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false },
        defaultScalarType: 'unknown',
        scalars: { DateTime: 'string' },
        // Apollo Client adds __typename to every selection except on the root types.
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
