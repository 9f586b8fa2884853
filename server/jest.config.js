/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
    // json-schema-faker (the contract fuzzer's generator) ships ES modules only: compiled to
    // CommonJS for jest, as the test files are.
    '/json-schema-faker/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022' }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!json-schema-faker/)'],
  moduleNameMapper: {
    '^json-schema-faker$': '<rootDir>/../node_modules/json-schema-faker/dist/index.js',
  },
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  testTimeout: 60_000,
  // Three files at a time on two cores: a file spends much of its time waiting on PostgreSQL,
  // so a third keeps the cores busy (the suite: 335 s with two, 203 s with three, on a quiet
  // machine, 2026-12-07).
  maxWorkers: 3,
  testSequencer: '<rootDir>/src/test/sequencer.cjs',
};
