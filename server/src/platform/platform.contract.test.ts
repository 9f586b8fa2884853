import { randomBytes } from 'node:crypto';
import { createLogger } from '../logger';
import { createPlatform, type Platform } from './platform';

const log = createLogger('silent');
const kinds: Array<[string, string | undefined]> = [['in-process', undefined]];
if (process.env.REDIS_URL) kinds.push(['redis', process.env.REDIS_URL]);
else
  process.stdout.write(
    'REDIS_URL not set: platform contract runs on the in-process implementation only\n',
  );

describe.each(kinds)('platform contract: %s', (kind, redisUrl) => {
  let prefix: string;
  let a: Platform;
  let b: Platform; // a second "replica" sharing the same backing store
  beforeAll(async () => {
    prefix = `nimbus-test:${randomBytes(4).toString('hex')}:`;
    a = await createPlatform({ redisUrl, keyPrefix: prefix, log });
    b = redisUrl ? await createPlatform({ redisUrl, keyPrefix: prefix, log }) : a;
  });
  afterAll(async () => {
    await a.close();
    if (b !== a) await b.close();
  });

  test('cache: set, get, expire and delete round-trip values', async () => {
    expect(a.kind).toBe(kind === 'redis' ? 'redis' : 'memory');
    await a.cache.set('k1', { n: 1, s: 'x' }, 60);
    expect(await b.cache.get('k1')).toEqual({ n: 1, s: 'x' });
    await a.cache.set('short', 'v', 1);
    expect(await b.cache.get('short')).toBe('v');
    // Gone once its second has passed: polled, not slept, so a busy machine only waits longer.
    await waitFor(async () => (await a.cache.get('short')) === undefined, 5000);
    expect(await b.cache.get('short')).toBeUndefined();
    await b.cache.del('k1');
    expect(await a.cache.get('k1')).toBeUndefined();
    expect(await a.cache.get('never-set')).toBeUndefined();
  });

  test('cache: add sets only where nothing is stored, and a later set overwrites it', async () => {
    await a.cache.add('nx', 'first', 60);
    await b.cache.add('nx', 'second', 60);
    expect(await a.cache.get('nx')).toBe('first');
    await b.cache.set('nx', 'third', 60);
    await a.cache.add('nx', 'fourth', 60);
    expect(await b.cache.get('nx')).toBe('third');
  });

  test('cache: incr is atomic across concurrent callers and replicas', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).cache.incr('gen')),
    );
    expect(results.sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  test('event bus: every subscriber on every replica gets each message once; unsubscribe stops it', async () => {
    const gotA: unknown[] = [];
    const gotB: unknown[] = [];
    const offA = await a.bus.subscribe('store:1', (m) => gotA.push(m));
    const offB = await b.bus.subscribe('store:1', (m) => gotB.push(m));
    await a.bus.publish('store:1', { type: 'x', n: 1 });
    await a.bus.publish('store:2', { type: 'other' });
    await waitFor(() => gotA.length === 1 && gotB.length === (a === b ? 1 : 1));
    expect(gotA).toEqual([{ type: 'x', n: 1 }]);
    expect(gotB).toEqual([{ type: 'x', n: 1 }]);
    await offA();
    await b.bus.publish('store:1', { type: 'y' });
    await waitFor(() => gotB.length === 2);
    expect(gotA).toHaveLength(1);
    await offB();
  });

  test('rate-limit store: hits count per key, shared between replicas, and reset', async () => {
    const s1 = a.rateLimitStore('contract');
    const s2 = b === a ? s1 : b.rateLimitStore('contract');
    for (const s of [s1, s2]) s.init?.({ windowMs: 60_000 } as never);
    await s1.increment('ip-1');
    await s2.increment('ip-1');
    const third = await s1.increment('ip-1');
    expect(third.totalHits).toBe(3);
    expect(third.resetTime!.getTime()).toBeGreaterThan(Date.now());
    await s2.decrement('ip-1');
    expect((await s1.increment('ip-1')).totalHits).toBe(3);
    expect((await s1.increment('ip-2')).totalHits).toBe(1);
    await s2.resetKey('ip-1');
    expect((await s1.increment('ip-1')).totalHits).toBe(1);
  });
});

test('when Redis is unreachable, then the cache misses fast instead of failing or hanging', async () => {
  const dead = await createPlatform({ redisUrl: 'redis://127.0.0.1:1', keyPrefix: 'x:', log });
  try {
    const started = Date.now();
    await dead.cache.set('k', 1, 10);
    expect(await dead.cache.get('k')).toBeUndefined();
    await dead.cache.del('k');
    expect(Date.now() - started).toBeLessThan(500);
    expect(await dead.ping()).toBe(false);
  } finally {
    await dead.close();
  }
});

async function waitFor(cond: () => boolean | Promise<boolean>, ms = 2000) {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
