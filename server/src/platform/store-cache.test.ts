import { MemoryCache } from './cache';
import { createStoreCache } from './store-cache';

test('a generation survives eviction of ordinary entries, so invalidated entries never come back', async () => {
  const cache = new MemoryCache(3);
  const store = createStoreCache(cache, () => undefined);
  await store.get('s1', 'k', 60, async () => 'old');
  await store.invalidate('s1');
  for (let i = 0; i < 10; i++) await cache.set(`filler-${i}`, i, 60);
  expect(await cache.get('gen:s1')).toBe(1);
  expect(await store.get('s1', 'k', 60, async () => 'new')).toBe('new');
});

test('concurrent misses of one key share one load (no stampede), and a write starts a new one', async () => {
  const store = createStoreCache(new MemoryCache(), () => undefined);
  let loads = 0;
  const load = async () => {
    loads++;
    await new Promise((r) => setTimeout(r, 20));
    return loads;
  };
  const values = await Promise.all(
    Array.from({ length: 10 }, () => store.get('s1', 'dash', 60, load)),
  );
  expect(values).toEqual(Array(10).fill(1));
  expect(loads).toBe(1);
  await store.invalidate('s1');
  expect(await store.get('s1', 'dash', 60, load)).toBe(2);
});

test('a failed load is not cached and does not block the next try', async () => {
  const store = createStoreCache(new MemoryCache(), () => undefined);
  await expect(
    store.get('s1', 'x', 60, async () => Promise.reject(new Error('boom'))),
  ).rejects.toThrow('boom');
  expect(await store.get('s1', 'x', 60, async () => 'ok')).toBe('ok');
});
