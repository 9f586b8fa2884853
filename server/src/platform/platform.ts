import Redis from 'ioredis';
import { MemoryStore, type Store } from 'express-rate-limit';
import { RedisStore } from 'rate-limit-redis';
import type { Logger } from '../logger';
import { MemoryCache, RedisCache, type Cache } from './cache';
import { MemoryEventBus, RedisEventBus, type EventBus } from './event-bus';

/** The swappable shared state of one API process: Redis when configured, in-process otherwise. */
export interface Platform {
  kind: 'redis' | 'memory';
  cache: Cache;
  bus: EventBus;
  rateLimitStore(name: string): Store;
  /** true when the shared store answers (always true in-process). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/**
 * rate-limit-redis loads its Lua scripts in its constructor; with Redis down those promises
 * reject before anyone awaits them (an unhandled rejection). Mark them handled: the store
 * reloads the scripts on the next use, and express-rate-limit lets requests through meanwhile.
 */
class ResilientRedisStore extends RedisStore {
  constructor(options: ConstructorParameters<typeof RedisStore>[0]) {
    super(options);
    this.incrementScriptSha.catch(() => undefined);
    this.getScriptSha.catch(() => undefined);
  }
}

function connect(url: string, keyPrefix: string, log: Logger): Redis {
  const redis = new Redis(url, {
    keyPrefix,
    // A dead Redis must fail fast, not queue: requests then skip the cache.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 500,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  let warned = false;
  redis.on('error', (err) => {
    if (!warned) log.warn('redis unavailable', { error: err.message });
    warned = true;
  });
  redis.on('ready', () => {
    warned = false;
  });
  return redis;
}

export async function createPlatform(opts: {
  redisUrl?: string;
  keyPrefix?: string;
  log: Logger;
}): Promise<Platform> {
  const prefix = opts.keyPrefix ?? 'nimbus:';
  if (!opts.redisUrl) {
    return {
      kind: 'memory',
      cache: new MemoryCache(),
      bus: new MemoryEventBus(),
      rateLimitStore: () => new MemoryStore(),
      ping: async () => true,
      close: async () => undefined,
    };
  }
  const redis = connect(opts.redisUrl, prefix, opts.log);
  // Subscriptions need a connection of their own; channel names carry the prefix by hand.
  const sub = connect(opts.redisUrl, '', opts.log);
  await Promise.all(
    [redis, sub].map(
      (r) =>
        new Promise<void>((resolve) => {
          if (r.status === 'ready') return resolve();
          r.once('ready', () => resolve());
          setTimeout(resolve, 2000).unref();
        }),
    ),
  );
  const bus = new RedisEventBus(redis, sub, prefix);
  return {
    kind: 'redis',
    cache: new RedisCache(redis, (err) => opts.log.debug('cache error', { error: String(err) })),
    bus,
    rateLimitStore: (name) =>
      new ResilientRedisStore({
        prefix: `rl:${name}:`,
        sendCommand: (command: string, ...args: string[]) =>
          redis.call(command, ...args) as Promise<never>,
      }),
    ping: async () => {
      try {
        return (await redis.ping()) === 'PONG';
      } catch {
        return false;
      }
    },
    close: async () => {
      await bus.close();
      redis.disconnect();
    },
  };
}
