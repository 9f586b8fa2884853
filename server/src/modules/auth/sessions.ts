import type { Pool } from 'pg';
import type { Cache } from '../../platform/cache';
import { sessionState } from './auth.repo';

export type SessionState = 'active' | 'ended' | 'no-user';

/**
 * Whether an access token may still be used before it expires. Each access token names its
 * session (the refresh-token family it was issued with). A session ends when its family is
 * revoked (sign-out, refresh-token reuse, a password change or reset) or its user is gone.
 *
 * The database decides; the cache only remembers its answer: an ended session for as long
 * as its access tokens could live, an active one for a minute. An ending is written over any
 * remembered "active" at once, and "active" is only ever added where nothing is remembered,
 * so a check that read the database just before the ending cannot bring the session back.
 * With the cache unreachable every check asks the database.
 */
export interface Sessions {
  check(userId: string, sessionId: string): Promise<SessionState>;
  /** Ends the access tokens of these sessions now (after their families were revoked). */
  ended(sessionIds: Iterable<string>): Promise<void>;
}

const ACTIVE_TTL_SECONDS = 60;

interface Remembered {
  userId?: string;
  state: SessionState;
}

export function createSessions(
  pool: Pool,
  cache: Cache,
  accessTokenTtl: number,
  /** Told of ended sessions once they are refused (the WebSocket closes their sockets). */
  onEnded?: (sessionIds: string[]) => Promise<void>,
): Sessions {
  const key = (sessionId: string) => `session:${sessionId}`;
  return {
    async check(userId, sessionId) {
      const remembered = await cache.get<Remembered>(key(sessionId));
      if (remembered?.state === 'ended') return 'ended';
      if (remembered?.userId === userId) return remembered.state;
      const state = await sessionState(pool, userId, sessionId);
      const value: Remembered = { userId, state };
      if (state === 'active') await cache.add(key(sessionId), value, ACTIVE_TTL_SECONDS);
      else await cache.set(key(sessionId), value, accessTokenTtl);
      return state;
    },
    async ended(sessionIds) {
      const value: Remembered = { state: 'ended' };
      const ids = [...new Set(sessionIds)];
      await Promise.all(ids.map((id) => cache.set(key(id), value, accessTokenTtl)));
      if (ids.length > 0) await onEnded?.(ids);
    },
  };
}
