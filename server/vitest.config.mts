import { defineConfig } from 'vitest/config';
import SlowFirst from './src/test/sequencer.mts';

/**
 * The API suite. Each file gets its own database (cloned from a migrated template) and its own
 * app, so files are kept apart by their data, not by reloading every module: a worker loads
 * the app's modules once (`isolate: false`), which halved the suite's CPU time against Jest's
 * per-file module registry (2026-12-07). Files named `*.timing.test.ts` hold a bound on time:
 * `scripts/test.cjs` runs them alone, one at a time, after the rest.
 */
export default defineConfig({
  test: {
    globals: true,
    environment: 'node',
    include: ['src/**/*.test.ts'],
    globalSetup: ['src/test/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    pool: 'forks',
    isolate: false,
    // Three files at a time on two cores: a file spends much of its time waiting on PostgreSQL.
    maxWorkers: 3,
    sequence: { sequencer: SlowFirst },
  },
});
