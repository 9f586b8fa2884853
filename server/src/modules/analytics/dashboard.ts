import type { Pool } from 'pg';
import * as repo from './analytics.repo';
import { foldFigures } from './dashboard-upkeep';
import { topMovers } from './top-movers.repo';

export const TREND_DAYS = 30;
const LIST_SIZE = 10;
/** Delta rows a store may pile up beyond one per category and day before a read folds them. */
const FOLD_AFTER = 64;

/**
 * The dashboard's figures, read from the running figures the triggers keep (migration 054): a
 * fixed handful of small queries whatever the size of the store or the hour of the day. The API
 * and the bench's bare handler both run this.
 */
export async function loadDashboard(pool: Pool, storeId: string, timezone: string) {
  const [stock, top, slowMovers, trend] = await Promise.all([
    repo.stockSummary(pool, storeId),
    topMovers(pool, storeId, timezone, TREND_DAYS, LIST_SIZE),
    repo.slowMovers(pool, storeId, LIST_SIZE),
    repo.salesTrend(pool, storeId, timezone, TREND_DAYS),
  ]);
  if (stock.surplus > FOLD_AFTER || trend.surplus > FOLD_AFTER) await foldFigures(pool, storeId);
  return {
    ...stock.figures,
    topMovers: top,
    slowMovers,
    salesTrend: trend.trend,
    generatedAt: new Date().toISOString(),
  };
}
