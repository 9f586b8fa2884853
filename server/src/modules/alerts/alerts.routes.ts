import type { Routes } from '../../http/route';
import type { AlertsService } from './alerts.service';
import * as s from './alerts.schemas';

/** Routes under /api/v1/stores/:storeId: what the store needs to know now. */
export function alertsRoutes(r: Routes, { alerts }: { alerts: AlertsService }) {
  r.page('/alerts', { permission: 'inventory:read', query: s.listAlertsQuery }, ({ ctx, query }) =>
    alerts.list(ctx, query),
  );
  r.store('get', '/alerts/summary', { permission: 'inventory:read' }, ({ ctx }) =>
    alerts.summary(ctx),
  );
  r.store('post', '/alerts/check', { permission: 'inventory:write' }, ({ ctx }) =>
    alerts.checkAll(ctx),
  );
}
