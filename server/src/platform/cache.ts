import type Redis from 'ioredis';

/** A best-effort cache: a failure of the backing store reads as a miss, never as an error. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  /** Sets the value only where the key holds none (SET NX): a later `set` always wins. */
  add(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  del(key: string): Promise<void>;
  /** Atomically increments a counter and returns the new value (cache generations). */
  incr(key: string): Promise<number>;
}

export class MemoryCache implements Cache {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  // Counters (cache generations) live apart from the evictable entries: losing one would
  // restart a store's generation and bring old entries back to life.
  private readonly counters = new Map<string, number>();

  constructor(private readonly maxEntries = 10_000) {}

  async get<T>(key: string): Promise<T | undefined> {
    return this.read<T>(key);
  }

  private read<T>(key: string): T | undefined {
    const counter = this.counters.get(key);
    if (counter !== undefined) return counter as T;
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return JSON.parse(hit.value) as T;
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    if (this.entries.size >= this.maxEntries) {
      // Maps iterate in insertion order: drop the oldest entry.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.delete(key);
    this.entries.set(key, {
      value: JSON.stringify(value),
      expiresAt: Date.now() + ttlSeconds * 1000,
    });
  }

  async add(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    if (this.read(key) === undefined) await this.set(key, value, ttlSeconds);
  }

  async del(key: string): Promise<void> {
    this.entries.delete(key);
    this.counters.delete(key);
  }

  async incr(key: string): Promise<number> {
    // Read and write with no await between them: atomic on the event loop.
    const current = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, current);
    return current;
  }
}

export class RedisCache implements Cache {
  constructor(
    private readonly redis: Redis,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    try {
      const raw = await this.redis.get(key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    } catch (err) {
      this.onError(err);
      return undefined;
    }
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    try {
      await this.redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);
    } catch (err) {
      this.onError(err);
    }
  }

  async add(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    try {
      await this.redis.set(key, JSON.stringify(value), 'EX', ttlSeconds, 'NX');
    } catch (err) {
      this.onError(err);
    }
  }

  async del(key: string): Promise<void> {
    try {
      await this.redis.del(key);
    } catch (err) {
      this.onError(err);
    }
  }

  async incr(key: string): Promise<number> {
    return this.redis.incr(key);
  }
}
