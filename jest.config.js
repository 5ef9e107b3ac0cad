/** One jest run for every package: API integration tests and browser end-to-end tests. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json', diagnostics: false }],
  },
  moduleNameMapper: { '^@hub/shared$': '<rootDir>/packages/shared/src/index.ts' },
  // Decorators need the metadata polyfill before any module loads (main.ts imports it first in production).
  setupFiles: ['<rootDir>/packages/api/node_modules/reflect-metadata'],
  globalSetup: '<rootDir>/tests/support/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/support/global-teardown.mjs',
  maxWorkers: 2,
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/tests/support/summary-reporter.js'],
};
