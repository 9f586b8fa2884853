import { Router } from 'express';
import { ok } from '../../http/envelope';
import type { Guards } from '../../http/guards';
import type { AnalyticsService } from './analytics.service';

/** Mounted at /api/v1/stores/:storeId/analytics. */
export function analyticsRouter({
  analytics,
  guards,
}: {
  analytics: AnalyticsService;
  guards: Guards;
}) {
  const router = Router({ mergeParams: true });
  router.get('/dashboard', guards.requireStorePermission('inventory:read'), async (req, res) => {
    res.json(ok(req, await analytics.dashboard(req.store!)));
  });
  return router;
}
