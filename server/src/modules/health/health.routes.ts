import { Router } from 'express';
import type { Pool } from 'pg';
import { ok } from '../../http/envelope';
import { ServiceUnavailableError } from '../../http/errors';
import type { Platform } from '../../platform/platform';

export interface Lifecycle {
  shuttingDown: boolean;
}

/** A probe answers within this, whatever a dependency does: a hung check is a down one. */
const CHECK_TIMEOUT_MS = 2000;

async function check(pool: Pool, platform: Platform) {
  const timed = async (fn: () => Promise<boolean>) => {
    const start = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS);
    });
    const up = await Promise.race([fn().catch(() => false), timeout]);
    clearTimeout(timer);
    return { status: up ? ('up' as const) : ('down' as const), latencyMs: Date.now() - start };
  };
  const database = await timed(async () => (await pool.query('SELECT 1')).rowCount === 1);
  const cache =
    platform.kind === 'redis'
      ? { kind: 'redis' as const, ...(await timed(() => platform.ping())) }
      : { kind: 'memory' as const, status: 'up' as const, latencyMs: 0 };
  return { database, cache };
}

export function healthRouter(deps: { pool: Pool; platform: Platform; lifecycle: Lifecycle }) {
  const router = Router();
  router.get('/liveness', (req, res) => {
    res.json(ok(req, { status: 'up' }));
  });
  router.get('/readiness', async (req, res) => {
    // At once: a load balancer must stop sending traffic the moment a drain starts.
    if (deps.lifecycle.shuttingDown) throw new ServiceUnavailableError('Shutting down');
    const { database, cache } = await check(deps.pool, deps.platform);
    if (database.status !== 'up' || cache.status !== 'up') {
      throw new ServiceUnavailableError('A dependency is not reachable', { database, cache });
    }
    res.json(ok(req, { status: 'ready' }));
  });
  router.get('/', async (req, res) => {
    const checks = await check(deps.pool, deps.platform);
    const healthy = checks.database.status === 'up' && checks.cache.status === 'up';
    if (!healthy || deps.lifecycle.shuttingDown) {
      throw new ServiceUnavailableError('Nimbus is not healthy', checks);
    }
    res.json(ok(req, { status: 'healthy', uptimeSeconds: Math.round(process.uptime()), checks }));
  });
  return router;
}
