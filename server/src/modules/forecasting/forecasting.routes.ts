import type { Routes } from '../../http/route';
import type { ForecastingService } from './forecasting.service';
import * as s from './forecasting.schemas';

/** Routes under /api/v1/stores/:storeId. The reorder plan shows money: reports:view. */
export function forecastingRoutes(
  r: Routes,
  { forecasting: f }: { forecasting: ForecastingService },
) {
  r.store(
    'get',
    '/predictions',
    { permission: 'inventory:read', query: s.predictionsQuery },
    ({ ctx, query }) => f.predictions(ctx, query.productIds),
  );
  r.store(
    'get',
    '/predictions/:productId',
    { permission: 'inventory:read', params: s.productParams },
    ({ ctx, params }) => f.prediction(ctx, params.productId),
  );
  r.store(
    'get',
    '/forecasts',
    // Every product page shows its forecast: slots, not the ten-a-minute heavy rate limit.
    { permission: 'inventory:read', heavy: 'slots', query: s.forecastsQuery },
    ({ ctx, query }) => f.forecasts(ctx, query),
  );
  r.store(
    'post',
    '/forecasts/recalculate',
    { permission: 'inventory:write', heavy: 'rate', status: 202 },
    ({ ctx }) => f.recalculate(ctx),
  );
  r.store(
    'post',
    '/optimization/reorder',
    { permission: 'reports:view', heavy: true, body: s.reorderBody },
    ({ ctx, body }) => f.optimizeReorder(ctx, body),
  );
  r.store(
    'get',
    '/anomalies',
    { permission: 'inventory:read', query: s.anomaliesQuery },
    ({ ctx, query }) => f.anomalies(ctx, query),
  );
}
