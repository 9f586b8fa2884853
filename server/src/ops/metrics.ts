import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import client from 'prom-client';
import { UnauthorizedError } from '../core/errors';

export interface HttpMetrics {
  registry: client.Registry;
  observe(method: string, route: string, status: number, seconds: number): void;
}

/** One registry per app instance, so tests can build many apps in one process. */
export function createMetrics(): HttpMetrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  // Labels are bounded: the route template, never an id or a user.
  const duration = new client.Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    registry,
    observe(method, route, status, seconds) {
      duration.observe({ method, route, status_code: String(status) }, seconds);
    },
  };
}

/**
 * The Prometheus scrape endpoint. With a token, only `Authorization: Bearer <token>` reads it
 * (compared in constant time); the metrics name routes, statuses and the process's insides.
 */
export function metricsEndpoint(metrics: HttpMetrics, token?: string): RequestHandler {
  const expected = token ? createHash('sha256').update(token).digest() : undefined;
  return async (req, res) => {
    if (expected) {
      const [scheme, given] = (req.get('authorization') ?? '').split(' ');
      const digest = createHash('sha256')
        .update(given ?? '')
        .digest();
      if (scheme?.toLowerCase() !== 'bearer' || !timingSafeEqual(digest, expected)) {
        res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
        throw new UnauthorizedError('Send the metrics token as "Authorization: Bearer <token>"');
      }
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
