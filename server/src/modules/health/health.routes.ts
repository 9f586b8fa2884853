import { Router } from 'express';
import { ServiceUnavailableError } from '../../core/errors';
import { ok } from '../../http/envelope';
import type { HealthService } from './health.service';

export interface Lifecycle {
  shuttingDown: boolean;
}

/** Mounted at /api/v1/health: probes, open to anyone. */
export function healthRouter(deps: { health: HealthService; lifecycle: Lifecycle }) {
  const router = Router();
  router.get('/liveness', (req, res) => {
    res.json(ok(req, { status: 'up' }));
  });
  router.get('/readiness', async (req, res) => {
    // At once: a load balancer must stop sending traffic the moment a drain starts.
    if (deps.lifecycle.shuttingDown) throw new ServiceUnavailableError('Shutting down');
    const { database, cache, healthy } = await deps.health.check();
    if (!healthy) {
      throw new ServiceUnavailableError('A dependency is not reachable', {
        details: { database, cache },
      });
    }
    res.json(ok(req, { status: 'ready' }));
  });
  router.get('/', async (req, res) => {
    const { healthy, ...checks } = await deps.health.check();
    if (!healthy || deps.lifecycle.shuttingDown) {
      throw new ServiceUnavailableError('Nimbus is not healthy', { details: checks });
    }
    res.json(ok(req, { status: 'healthy', uptimeSeconds: Math.round(process.uptime()), checks }));
  });
  return router;
}
