import type { CodegenConfig } from '@graphql-codegen/cli';

/** Operations typed from the gateway's committed schema: a schema change that breaks the console fails `npm test`. */
const config: CodegenConfig = {
  schema: '../gateway/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { useTypeImports: true, enumsAsTypes: true, scalars: { Instant: 'string' }, avoidOptionals: false },
    },
  },
};

export default config;
