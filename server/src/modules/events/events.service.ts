import type { Pool, PoolClient } from 'pg';
import type { Emit } from '../../core/events';
import { takeCommitHook } from '../../db/commit-hook';
import { withTransaction } from '../../db/pool';
import type { StoreCache } from '../../platform/store-cache';
import { insertEvent } from './events.repo';

/** The store a change is for; the request's store context carries its commit hook. */
export type StoreScope = { readonly storeId: string };

export interface StoreWriter {
  /**
   * One transaction for a change in a store: `emit` writes outbox events in it (so only
   * committed changes are ever announced), the caller's commit hook (a stored idempotent
   * answer) commits with it, and the store's cache generation is bumped after the commit
   * (so the next read on any replica sees the change).
   */
  <T>(scope: StoreScope, fn: (tx: PoolClient, emit: Emit) => Promise<T>): Promise<T>;
}

export function createStoreWriter(pool: Pool, cache: StoreCache): StoreWriter {
  return async (scope, fn) => {
    const { storeId } = scope;
    const result = await withTransaction(pool, async (tx) => {
      const value = await fn(tx, (type, payload) => insertEvent(tx, storeId, type, payload));
      await takeCommitHook(scope)?.(tx, value);
      return value;
    });
    await cache.invalidate(storeId);
    return result;
  };
}
