import type { Routes } from '../../http/route';
import type { AnalyticsService } from './analytics.service';

/** Routes under /api/v1/stores/:storeId. */
export function analyticsRoutes(r: Routes, { analytics }: { analytics: AnalyticsService }) {
  r.store('get', '/analytics/dashboard', { permission: 'inventory:read' }, ({ ctx }) =>
    analytics.dashboard(ctx),
  );
}
