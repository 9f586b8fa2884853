/**
 * Browser tests: plain CommonJS, no transform, two files at a time (a browser each; on this
 * 2-core machine the suite took 262 s one at a time, 189 s two at a time, the cores 89% busy).
 * One server is shared by the journeys that need no environment of their own
 * (support/global-setup.cjs); journeys keep apart as stores do.
 */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.test.cjs'],
  testEnvironment: 'node',
  transform: {},
  testTimeout: 180_000,
  maxWorkers: 2,
  verbose: true,
  globalSetup: '<rootDir>/support/global-setup.cjs',
  globalTeardown: '<rootDir>/support/global-teardown.cjs',
};
