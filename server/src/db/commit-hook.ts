import type { PoolClient } from 'pg';

/**
 * Work that must commit in the same transaction as a change, registered by the caller of a
 * service without the service knowing: an HTTP request with an `Idempotency-Key` stores its
 * answer this way, so a change and the record that it was made commit together or not at all
 * (a crash in between would otherwise let a retry sell twice).
 *
 * The hook hangs on the operation's scope object (the request's store context), which the
 * service hands to the store writer with its change; the first transaction that takes it
 * (the store writer does, before COMMIT) runs it with that transaction and its result, later
 * ones see none. An operation makes its change in one transaction. A hook that is never taken
 * (the service made its change without the scope) is reported by the route helper when the
 * answer comes back unstored (http/route.ts `run`): thrown in development and tests.
 *
 * A WeakMap keyed by the scope, not AsyncLocalStorage: on Node 20 the first
 * `AsyncLocalStorage.run()` turns on async hooks for every promise of the process from then
 * on, a cost every request would pay for the few that carry a key.
 */
/**
 * The store writer sends the hook's statements with the COMMIT (db/pool.ts `later`): a hook
 * issues them before its first `await`, or they would reach the connection after the COMMIT.
 */
export type CommitHook = (tx: PoolClient, result: unknown) => Promise<void>;

const hooks = new WeakMap<object, CommitHook>();

export function setCommitHook(scope: object, hook: CommitHook): void {
  hooks.set(scope, hook);
}

export function takeCommitHook(scope: object): CommitHook | undefined {
  const hook = hooks.get(scope);
  hooks.delete(scope);
  return hook;
}
