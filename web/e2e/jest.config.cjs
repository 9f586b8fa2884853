/** Browser tests: plain CommonJS, no transform, one file at a time (each starts a server). */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.e2e.test.cjs'],
  testEnvironment: 'node',
  transform: {},
  testTimeout: 180_000,
  maxWorkers: 1,
  verbose: true,
};
