import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '../../db/pool';
import type { StoreCache } from '../../platform/store-cache';
import { insertEvent } from './events.repo';

export type EventType =
  | 'inventory.stock_updated'
  | 'alert.low_stock'
  | 'product.created'
  | 'product.updated'
  | 'product.deleted'
  | 'category.created'
  | 'category.updated'
  | 'category.deleted'
  | 'supplier.created'
  | 'supplier.updated'
  | 'supplier.deleted'
  | 'sale.recorded';

export interface StoreWriter {
  /**
   * One transaction for a change in a store: `emit` writes outbox events in it (so only
   * committed changes are ever announced), and the store's cache generation is bumped
   * after the commit (so the next read on any replica sees the change).
   */
  <T>(storeId: string, fn: (tx: PoolClient, emit: Emit) => Promise<T>): Promise<T>;
}

export type Emit = (type: EventType, payload: Record<string, unknown>) => Promise<void>;

export function createStoreWriter(pool: Pool, cache: StoreCache): StoreWriter {
  return async (storeId, fn) => {
    const result = await withTransaction(pool, (tx) =>
      fn(tx, (type, payload) => insertEvent(tx, storeId, type, payload)),
    );
    await cache.invalidate(storeId);
    return result;
  };
}
