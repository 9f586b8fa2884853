import type { Pool, PoolClient } from 'pg';
import { actorOf } from '../../core/context';
import type { Emit } from '../../core/events';
import { takeCommitHook } from '../../db/commit-hook';
import { withTransaction } from '../../db/pool';
import type { StoreCache } from '../../platform/store-cache';
import { insertEvents, type PendingEvent } from './events.repo';

/** The store a change is for; the request's store context carries its commit hook. */
export type StoreScope = {
  readonly storeId: string;
  /** Who acts (a store context carries them): recorded on each event as its actor. */
  readonly userId?: string;
  readonly apiKey?: { id: string; name: string };
};

export interface StoreWriter {
  /**
   * One transaction for a change in a store: `emit` writes outbox events in it (so only
   * committed changes are ever announced; the publisher sends them on after the commit), the
   * caller's commit hook (a stored idempotent answer) commits with it, and the store's cache
   * generation is bumped after the commit (so the next read on any replica sees the change).
   */
  <T>(
    scope: StoreScope,
    fn: (tx: PoolClient, emit: Emit, emitIn: (storeId: string) => Emit) => Promise<T>,
  ): Promise<T>;
}

export function createStoreWriter(pool: Pool, cache: StoreCache): StoreWriter {
  return async (scope, fn) => {
    const { storeId } = scope;
    let touched = [storeId];
    const result = await withTransaction(pool, async (tx, later) => {
      // Events wait in the change and are written together, in order, as its last statement:
      // a 200-line delivery writes one outbox statement, not 200, and the store's event
      // counter (which holds the store's next writer until this one commits) is locked only
      // for the commit. Nothing reads the outbox inside the change; a change that fails
      // writes none.
      // `emitIn(other)`: a change that concerns a second store too (a stock transfer) tells
      // its members in the same transaction. Stores' counters are taken in id order, so two
      // changes between the same stores in opposite directions cannot deadlock.
      const pending = new Map<string, PendingEvent[]>([[storeId, []]]);
      const emitIn =
        (id: string): Emit =>
        async (type, payload) => {
          if (!pending.has(id)) pending.set(id, []);
          pending.get(id)!.push({ type, payload });
        };
      const value = await fn(tx, emitIn(storeId), emitIn);
      // The stored answer and the events go out with the COMMIT, in one round trip: the
      // counters the change has locked by then (the store's events', a sale's number) are
      // held for the commit only.
      const hook = takeCommitHook(scope);
      if (hook) later(hook(tx, value));
      for (const id of [...pending.keys()].sort())
        later(insertEvents(tx, id, pending.get(id)!, actorOf(scope)));
      touched = [...pending.keys()];
      return value;
    });
    for (const id of touched) await cache.invalidate(id);
    return result;
  };
}
