/**
 * Browser tests: plain CommonJS, no transform, one file at a time. One server is shared by the
 * journeys that need no environment of their own (support/global-setup.cjs).
 */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.test.cjs'],
  testEnvironment: 'node',
  transform: {},
  testTimeout: 180_000,
  maxWorkers: 1,
  verbose: true,
  globalSetup: '<rootDir>/support/global-setup.cjs',
  globalTeardown: '<rootDir>/support/global-teardown.cjs',
};
