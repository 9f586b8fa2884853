// Vitest's global setup: once per run, in the main process, before any worker starts (the
// workers inherit the environment it sets: the template database and the contract's JSON).
export { default as setup } from './global-setup';
export { default as teardown } from './global-teardown';
