import type { Request, RequestHandler } from 'express';
import type { Logger } from '../logger';
import type { HttpMetrics } from '../ops/metrics';

/** The route template (never the raw path) so logs and metrics group by endpoint. */
export function routeOf(req: Request): string {
  if (req.routeName) return req.routeName;
  if (!req.route) return req.routeTemplate ? `${req.routeTemplate}/*` : 'unmatched';
  const tail = req.route.path === '/' ? '' : String(req.route.path);
  return (req.routeTemplate ?? '') + tail || '/';
}

export function requestLog(log: Logger, metrics: HttpMetrics): RequestHandler {
  return (req, res, next) => {
    const start = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const route = routeOf(req);
      metrics.observe(req.method, route, res.statusCode, seconds);
      log.http('request', {
        requestId: req.id,
        method: req.method,
        route,
        status: res.statusCode,
        durationMs: Math.round(seconds * 1000),
        userId: req.principal?.userId,
        storeId: req.store?.storeId,
      });
    });
    next();
  };
}
