import { Router } from 'express';
import { routes, type RouteDeps } from '../../http/route';
import type { AnalyticsService } from './analytics.service';

/** Routes under /api/v1/stores/:storeId. */
export function analyticsRouter({
  analytics,
  ...deps
}: RouteDeps & { analytics: AnalyticsService }) {
  const router = Router({ mergeParams: true });
  routes(router, deps).store(
    'get',
    '/analytics/dashboard',
    { permission: 'inventory:read' },
    ({ ctx }) => analytics.dashboard(ctx),
  );
  return router;
}
