import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import type { StoreCache } from '../../platform/store-cache';
import type { StoresService } from '../stores/stores.service';
import type { Db } from '../../db/pool';
import * as repo from './analytics.repo';
import { visibleDashboard } from './dashboard-money';
import { ensureSalesSnapshot, invalidateSnapshotCovering } from './sales-snapshot';
import { salesBetween, topSellersBetween } from './week-figures.repo';

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
    /**
     * A fixed handful of queries whatever the size of the store, cached under the store's
     * generation. Sales figures cover the store's last 30 calendar days, today included: the
     * closed days come from the daily snapshot, today is read live. They are net: voided sales
     * left out, refunds subtracted on the day they were made. Money only for reports:view.
     */
    async dashboard(ctx: StoreContext) {
      const full = await cache.get(ctx.storeId, 'dashboard', ANALYTICS_TTL, async () => {
        const { timezone } = await stores.get(ctx);
        const { through } = await ensureSalesSnapshot(pool, ctx.storeId, timezone, TREND_DAYS);
        const [summary, topMovers, slowMovers, salesTrend] = await Promise.all([
          repo.stockSummary(pool, ctx.storeId),
          repo.topMovers(pool, ctx.storeId, through, LIST_SIZE),
          repo.slowMovers(pool, ctx.storeId, LIST_SIZE),
          repo.salesTrend(pool, ctx.storeId, timezone, TREND_DAYS, through),
        ]);
        return {
          ...summary,
          topMovers,
          slowMovers,
          salesTrend,
          generatedAt: new Date().toISOString(),
        };
      });
      return visibleDashboard(ctx, full);
    },

    /** The best sellers of the store's last 30 calendar days, as on the dashboard. */
    async bestSellers(ctx: StoreContext, limit: number) {
      const { timezone } = await stores.get(ctx);
      const { through } = await ensureSalesSnapshot(pool, ctx.storeId, timezone, TREND_DAYS);
      return repo.topMovers(pool, ctx.storeId, through, limit);
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

    /**
     * Called in the transaction of a sale dated in the past, and of every void and refund
     * (their time, see sales-snapshot.ts).
     */
    salesChangedAt(tx: Db, storeId: string, at: Date) {
      return invalidateSnapshotCovering(tx, storeId, at);
    },
  };
}

export type AnalyticsService = ReturnType<typeof createAnalyticsService>;
