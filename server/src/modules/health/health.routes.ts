import { ServiceUnavailableError } from '../../core/errors';
import type { Routes } from '../../http/route';
import type { HealthService } from './health.service';

export interface Lifecycle {
  shuttingDown: boolean;
}

/** Routes under /api/v1/health: probes, open to anyone. */
export function healthRoutes(r: Routes, deps: { health: HealthService; lifecycle: Lifecycle }) {
  r.public('get', '/liveness', {}, async () => ({ status: 'up' }));
  r.public('get', '/readiness', {}, async () => {
    // At once: a load balancer must stop sending traffic the moment a drain starts.
    if (deps.lifecycle.shuttingDown) throw new ServiceUnavailableError('Shutting down');
    const { database, cache, healthy } = await deps.health.check();
    if (!healthy) {
      throw new ServiceUnavailableError('A dependency is not reachable', {
        details: { database, cache },
      });
    }
    return { status: 'ready' };
  });
  r.public('get', '/', {}, () => details(deps));
}

/** The details probe: every dependency's state, 503 when one is down or a drain has begun. */
async function details(deps: { health: HealthService; lifecycle: Lifecycle }) {
  const { healthy, ...checks } = await deps.health.check();
  if (!healthy || deps.lifecycle.shuttingDown) {
    throw new ServiceUnavailableError('Nimbus is not healthy', { details: checks });
  }
  return { status: 'healthy', uptimeSeconds: Math.round(process.uptime()), checks };
}

/**
 * `/health` at the root: the same answer as `/api/v1/health`, for probes and tools that look
 * there by habit (it used to fall through to the web app's HTML with 200, so such a probe
 * always passed).
 */
export function rootHealthRoutes(r: Routes, deps: { health: HealthService; lifecycle: Lifecycle }) {
  r.public('get', '/', {}, () => details(deps));
}
