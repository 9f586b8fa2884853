import type { Pool } from 'pg';
import type { StoreContext } from '../../http/request-types';
import type { StoreCache } from '../../platform/store-cache';
import type { StoresService } from '../stores/stores.service';
import * as repo from './analytics.repo';

const ANALYTICS_TTL = 600;
const TREND_DAYS = 30;
const LIST_SIZE = 10;

export function createAnalyticsService(deps: {
  pool: Pool;
  cache: StoreCache;
  stores: StoresService;
}) {
  const { pool, cache, stores } = deps;
  return {
    /** Six queries, whatever the size of the catalogue; cached under the store's generation. */
    dashboard(ctx: StoreContext) {
      return cache.get(ctx.storeId, 'dashboard', ANALYTICS_TTL, async () => {
        const { timezone } = await stores.get(ctx);
        const [summary, categoryBreakdown, topMovers, slowMovers, salesTrend] = await Promise.all([
          repo.totals(pool, ctx.storeId),
          repo.categoryBreakdown(pool, ctx.storeId),
          repo.topMovers(pool, ctx.storeId, TREND_DAYS, LIST_SIZE),
          repo.slowMovers(pool, ctx.storeId, LIST_SIZE),
          repo.salesTrend(pool, ctx.storeId, timezone, TREND_DAYS),
        ]);
        return {
          ...summary,
          categoryBreakdown,
          topMovers,
          slowMovers,
          salesTrend,
          generatedAt: new Date().toISOString(),
        };
      });
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
