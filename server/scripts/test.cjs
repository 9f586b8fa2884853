#!/usr/bin/env node
/**
 * The API suite in two passes. Files named `*.timing.test.ts` hold a bound on time (event-loop
 * delay under hostile load, how long a refusal takes): they run one at a time after the rest,
 * so the other workers' load is not what they measure. Arguments (test files, Vitest flags) go
 * to one plain `vitest run`, as `vitest run` alone would take them.
 */
const { spawnSync } = require('node:child_process');

const path = require('node:path');

const vitest = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
const TIMING = '**/*.timing.test.ts';
const args = process.argv.slice(2);

function run(argv) {
  const { status, signal } = spawnSync(process.execPath, [vitest, 'run', ...argv], {
    stdio: 'inherit',
  });
  if (signal) process.kill(process.pid, signal);
  return status ?? 1;
}

if (args.length > 0) process.exit(run(args));
// Both passes run, so one report holds every failure.
const rest = run(['--exclude', TIMING]);
const timing = run(['--maxWorkers=1', 'timing.test.ts']);
process.exit(rest || timing);
