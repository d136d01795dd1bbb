import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import dutyline from './tools/eslint/dutyline-rules.mjs';

const drivers = [
  '@nestjs/*',
  'typeorm',
  'mysql2',
  'better-sqlite3',
  'bullmq',
  'ioredis',
  'inversify',
  '@vonage/*',
  'nodemailer',
  'smtp-server',
  'sip',
  'express',
  'fastify',
  'graphql',
  '@apollo/*',
  'dataloader',
];
const nodeIo = [
  'fs',
  'fs/*',
  'node:*',
  'http',
  'https',
  'net',
  'dgram',
  'child_process',
  'crypto',
  'os',
  'worker_threads',
];

export default [
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'apps/console/src/gql/**',
      'coverage/**',
      '.nx/**',
      'data/**',
      'outbox/**',
      // Git-ignored scratch (screenshots, throwaway scripts).
      'tmp/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: drivers },
            {
              sourceTag: 'type:adapter',
              onlyDependOnLibsWithTags: ['type:domain', 'type:application', 'type:testkit', 'type:test-support'],
            },
            { sourceTag: 'type:test-support', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:application',
              onlyDependOnLibsWithTags: ['type:domain', 'type:test-support'],
              bannedExternalImports: drivers,
            },
            {
              sourceTag: 'type:testkit',
              onlyDependOnLibsWithTags: ['type:domain', 'type:application', 'type:test-support'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:application',
                'type:adapter',
                'type:testkit',
                'type:test-support',
                'type:util',
              ],
            },
            // The console talks to the gateway over GraphQL only: nothing of the server's code.
            { sourceTag: 'type:console', onlyDependOnLibsWithTags: [] },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: [
                'type:domain',
                'type:application',
                'type:adapter',
                'type:testkit',
                'type:app',
                'type:util',
              ],
            },
          ],
        },
      ],
    },
  },
  {
    // One entry per feature, options objects (docs/adr/0007-one-entry-per-feature.md).
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { 'import-x': importX, dutyline },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.json'],
          conditionNames: ['@dutyline/source', 'types', 'import', 'require', 'default'],
        }),
      ],
    },
    rules: {
      'dutyline/feature-entry': ['error', { roots: ['libs/application/src'] }],
      'dutyline/options-object': 'error',
    },
  },
  {
    // The server's cycles (type imports included) are checked by `npm run measure -- --check`, at a fraction of
    // import-x/no-cycle's cost (36 of lint's 39 s); the console, which the measure does not graph, keeps the rule.
    files: ['apps/console/src/**/*.ts', 'apps/console/src/**/*.tsx'],
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // The domain is pure: no I/O, no wall clock, no randomness.
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['libs/domain/src/**/*.spec.ts', 'libs/domain/src/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...drivers, ...nodeIo, 'luxon'] }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Take the instant as an argument (Clock port).' },
        { object: 'Math', property: 'random', message: 'Take ids from the IdGenerator port.' },
        { object: 'crypto', property: 'randomUUID', message: 'Take ids from the IdGenerator port.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Take the instant as an argument (Clock port).',
        },
        { selector: "CallExpression[callee.name='Date']", message: 'Take the instant as an argument (Clock port).' },
        { selector: "MemberExpression[object.name='process']", message: 'The domain reads no environment.' },
      ],
    },
  },
];
