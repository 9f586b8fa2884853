import type { Pool } from 'pg';
import type { Platform } from '../../platform/platform';

/** A probe answers within this, whatever a dependency does: a hung check is a down one. */
const CHECK_TIMEOUT_MS = 2000;

type Status = { status: 'up' | 'down'; latencyMs: number };

async function timed(fn: () => Promise<boolean>): Promise<Status> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
  });
  const up = await Promise.race([fn().catch(() => false), timeout]);
  clearTimeout(timer);
  return { status: up ? 'up' : 'down', latencyMs: Date.now() - start };
}

/**
 * Whether the database and (when configured) Redis answer, and how fast; and whether Web Push
 * is on (off is not unhealthy: a server without VAPID keys in production runs without it).
 */
export function createHealthService({
  pool,
  platform,
  webPush = { enabled: false, reason: 'not configured' },
}: {
  pool: Pool;
  platform: Platform;
  webPush?: { enabled: true } | { enabled: false; reason: string };
}) {
  const push = webPush.enabled
    ? { status: 'on' as const }
    : { status: 'off' as const, reason: webPush.reason };
  return {
    async check() {
      const database = await timed(async () => (await pool.query('SELECT 1')).rowCount === 1);
      const cache =
        platform.kind === 'redis'
          ? { kind: 'redis' as const, ...(await timed(() => platform.ping())) }
          : { kind: 'memory' as const, status: 'up' as const, latencyMs: 0 };
      const healthy = database.status === 'up' && cache.status === 'up';
      return { database, cache, webPush: push, healthy };
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
