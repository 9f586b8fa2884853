import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import type { StoreCache } from '../../platform/store-cache';
import type { StoresService } from '../stores/stores.service';
import { loadDashboard, TREND_DAYS } from './dashboard';
import { visibleDashboard } from './dashboard-money';
import { keepUpFigures } from './dashboard-upkeep';
import { topMovers } from './top-movers.repo';
import { salesBetween, topSellersBetween } from './week-figures.repo';

const ANALYTICS_TTL = 600;

export function createAnalyticsService(deps: {
  pool: Pool;
  cache: StoreCache;
  stores: StoresService;
}) {
  const { pool, cache, stores } = deps;
  return {
    /**
     * A fixed handful of small queries whatever the size of the store (dashboard.ts), cached
     * under the store's generation. Sales figures cover the store's last 30 calendar days, today
     * included. They are net: voided sales left out, refunds subtracted on the day they were
     * made. Money only for reports:view.
     */
    async dashboard(ctx: StoreContext) {
      const full = await cache.get(ctx.storeId, 'dashboard', ANALYTICS_TTL, async () => {
        const { timezone } = await stores.get(ctx);
        return loadDashboard(pool, ctx.storeId, timezone);
      });
      return visibleDashboard(ctx, full);
    },

    /** The best sellers of the store's last 30 calendar days, as on the dashboard. */
    async bestSellers(ctx: StoreContext, limit: number) {
      const { timezone } = await stores.get(ctx);
      return topMovers(pool, ctx.storeId, timezone, TREND_DAYS, limit);
    },

    /**
     * The store's sales over its local days [from, to) (`YYYY-MM-DD`): how many, the net
     * revenue, and the `top` best sellers by net units (the weekly summary).
     */
    async salesOver(storeId: string, timezone: string, from: string, to: string, top: number) {
      const [totals, best] = await Promise.all([
        salesBetween(pool, storeId, from, to, timezone),
        topSellersBetween(pool, storeId, from, to, timezone, top),
      ]);
      return { ...totals, top: best };
    },

    /** The hourly cleanup's part: every store's running figures folded, floors raised. */
    keepUpFigures: () => keepUpFigures(pool),
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
