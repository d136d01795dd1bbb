/**
 * One Jest run over every project; `*.int.spec.ts` suites talk to real services.
 * The suites below assert wall-clock bounds (answers within 200 ms, budgets, grants per second). `npm test`
 * runs them in a second, quiet pass on one worker (`JEST_PASS=main jest && JEST_PASS=quiet jest`), so the
 * browser suites and gateways of the main pass cannot starve them; without JEST_PASS one run takes all.
 */
const quietSuites = [
  'apps/gateway/src/calls/calls-under-database-faults.e2e.spec.ts',
  'apps/gateway/src/notifications/owed-notifications.e2e.spec.ts',
  'apps/gateway/src/vonage/webhook-token-ids.spec.ts',
  'apps/gateway/src/carrier/carrier.spec.ts',
  'libs/queue/src/redis-rate-limiter.int.spec.ts',
  'apps/worker/src/worker-crash.int.spec.ts',
];
const pass = process.env.JEST_PASS;
const asPattern = (file) => `<rootDir>/${file.replace(/\./g, '\\.')}$`;
const esmPackages = [
  'node-fetch',
  'fetch-blob',
  'data-uri-to-buffer',
  'formdata-polyfill',
  '@nestjs',
  '@inversifyjs',
  'inversify',
  'uuid',
  'file-type',
  'strtok3',
  'token-types',
  'peek-readable',
  '@tokenizer',
  'uint8array-extras',
  '@borewit',
];

module.exports = {
  testEnvironment: 'node',
  // Most suites wait on MariaDB, Redis or sockets rather than the CPU.
  maxWorkers: pass === 'quiet' ? 1 : 3,
  // Integration suites boot gateways and talk to MariaDB/Redis: give them room on a loaded 2-core machine.
  testTimeout: 30000,
  globalSetup: '<rootDir>/tools/jest/global-setup.cjs',
  testSequencer: '<rootDir>/tools/jest/slow-first-sequencer.cjs',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/tools'],
  testMatch: pass === 'quiet' ? quietSuites.map((file) => `<rootDir>/${file}`) : ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', ...(pass === 'main' ? quietSuites.map(asPattern) : [])],
  transform: {
    '^.+\\.(t|j|mj)s$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleNameMapper: {
    '^@dutyline/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^@dutyline/test-support$': '<rootDir>/libs/test-support/src/index.ts',
    '^@dutyline/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
};
