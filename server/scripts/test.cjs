#!/usr/bin/env node
/**
 * The API suite in two passes. Files named `*.timing.test.ts` hold a bound on time (event-loop
 * delay under hostile load, how long a refusal takes): they run one at a time after the rest,
 * so the other worker's load is not what they measure. Arguments (test files, jest flags) go to
 * one plain jest run, as `jest` alone would take them.
 */
const { spawnSync } = require('node:child_process');

const jest = require.resolve('jest/bin/jest');
const TIMING = '\\.timing\\.test\\.ts$';
const args = process.argv.slice(2);

function run(argv) {
  const { status, signal } = spawnSync(process.execPath, [jest, ...argv], { stdio: 'inherit' });
  if (signal) process.kill(process.pid, signal);
  return status ?? 1;
}

if (args.length > 0) process.exit(run(args));
// Both passes run, so one report holds every failure.
const rest = run(['--testPathIgnorePatterns', TIMING]);
const timing = run(['--runInBand', '--testPathPatterns', TIMING]);
process.exit(rest || timing);
