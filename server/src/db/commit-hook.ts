import { AsyncLocalStorage } from 'node:async_hooks';
import type { PoolClient } from 'pg';

/**
 * Work that must commit in the same transaction as a change, registered by the caller of a
 * service without the service knowing: an HTTP request with an `Idempotency-Key` stores its
 * answer this way, so a change and the record that it was made commit together or not at all
 * (a crash in between would otherwise let a retry sell twice).
 *
 * The first transaction of the operation that calls `takeCommitHook()` (the store writer
 * does, before COMMIT) runs the hook with that transaction and its result; later ones see
 * none. An operation makes its change in one transaction.
 */
export type CommitHook = (tx: PoolClient, result: unknown) => Promise<void>;

const scope = new AsyncLocalStorage<{ hook?: CommitHook }>();

export function withCommitHook<T>(hook: CommitHook, fn: () => Promise<T>): Promise<T> {
  return scope.run({ hook }, fn);
}

export function takeCommitHook(): CommitHook | undefined {
  const store = scope.getStore();
  const hook = store?.hook;
  if (store) store.hook = undefined;
  return hook;
}
