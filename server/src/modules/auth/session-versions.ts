import type { Cache } from '../../platform/cache';
import type { Logger } from '../../logger';

/**
 * Ends access tokens before they expire. Each access token carries the user's session
 * version at issue time; a password change or reset bumps the version, and tokens with an
 * older one are refused (their refresh tokens are revoked in the database at the same time).
 *
 * Versions are cache counters (Redis with REDIS_URL, so every replica sees a bump at once;
 * in-process counters are never evicted). The check is best effort by design: with the
 * cache unreachable, tokens are judged by signature and expiry alone (15 minutes at most).
 */
export interface SessionVersions {
  current(userId: string): Promise<number>;
  /** Ends every access token issued so far to this user. */
  bump(userId: string): Promise<void>;
}

export function createSessionVersions(cache: Cache, log: Logger): SessionVersions {
  const key = (userId: string) => `sv:${userId}`;
  return {
    async current(userId) {
      return Number((await cache.get<number>(key(userId))) ?? 0);
    },
    async bump(userId) {
      try {
        await cache.incr(key(userId));
      } catch (err) {
        log.warn('could not end access tokens early (cache unavailable)', {
          userId,
          error: String(err),
        });
      }
    },
  };
}
