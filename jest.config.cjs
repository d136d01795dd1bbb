/** One Jest run over every project; `*.int.spec.ts` suites talk to real services. */
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
  maxWorkers: 3,
  // Integration suites boot gateways and talk to MariaDB/Redis: give them room on a loaded 2-core machine.
  testTimeout: 30000,
  globalSetup: '<rootDir>/tools/jest/global-setup.cjs',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/tools'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
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
