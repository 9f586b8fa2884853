import type { Cache } from './cache';

/**
 * Per-store cache with O(1) invalidation: keys embed the store's generation, and every
 * write bumps it, so old entries are never read again and simply expire.
 */
export interface StoreCache {
  get<T>(storeId: string, key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T>;
  /** Call after a write commits: every replica's next read misses. */
  invalidate(storeId: string): Promise<void>;
}

export function createStoreCache(cache: Cache, onError: (err: unknown) => void): StoreCache {
  const genKey = (storeId: string) => `gen:${storeId}`;
  // Single flight: concurrent misses of one key in this process share one load.
  const loading = new Map<string, Promise<unknown>>();
  return {
    async get(storeId, key, ttlSeconds, load) {
      const gen = (await cache.get<number>(genKey(storeId))) ?? 0;
      const full = `c:${storeId}:${gen}:${key}`;
      const hit = await cache.get<{ v: unknown }>(full);
      if (hit) return hit.v as never;
      let pending = loading.get(full);
      if (!pending) {
        pending = load().then(async (value) => {
          await cache.set(full, { v: value }, ttlSeconds);
          return value;
        });
        loading.set(full, pending);
        void pending.then(
          () => loading.delete(full),
          () => loading.delete(full),
        );
      }
      return pending as never;
    },
    async invalidate(storeId) {
      try {
        await cache.incr(genKey(storeId));
      } catch (err) {
        onError(err);
      }
    },
  };
}
