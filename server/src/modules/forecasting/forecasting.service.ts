import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import type { Logger } from '../../logger';
import type { InventoryService } from '../inventory/inventory.service';
import type { JobsService } from '../jobs/jobs.service';
import type { PurchasingService } from '../purchasing/purchasing.service';
import type { ShoppingListsService } from '../shopping-lists/shopping-lists.service';
import { listAnomalies } from './anomalies';
import { forecastSeries, seasonLengthFor } from './forecast';
import { forecastView } from './forecast-view';
import type { AnomaliesQuery, ForecastsQuery, ReorderInput } from './forecasting.schemas';
import { supplierLeadTimes } from './lead-times';
import { dailyForecastOf } from './live-forecast';
import { loadSeries } from './load-series';
import { optimizeReorder } from './optimization';
import { toPrediction } from './outlook';
import { leadTimeOf, predictionOf } from './prediction';
import { predictionsOf, savePredictions } from './predictions.repo';
import { registerRecalculation, RECALCULATE_JOB } from './recalculate';
import { aggregate, historyDaysFor, sumSeries, todayIn, weekdayOf } from './series';
import type { ForecastSources } from './sources';

export interface ForecastingDeps {
  pool: Pool;
  /** Other modules' data forecasts are made from (sources.ts). */
  sources: ForecastSources;
  jobs: JobsService;
  timezoneOf(ctx: Pick<StoreContext, 'storeId'>): Promise<string>;
  /** Purchasing's open order lines per product (what is on order, and when it is due). */
  onOrderFor: PurchasingService['onOrderFor'];
  /** The inventory ledger's first movement day per product: where a product's history starts. */
  firstMovementDays: InventoryService['firstMovementDays'];
  /** The inventory ledger's last stock-in day per product: how long a delivery keeps. */
  lastStockInDays: InventoryService['lastStockInDays'];
  /**
   * The reorder lists' decision per product (supplier, lead time, what is on order and counts,
   * priority): the reorder plan prices the same answer, so the two never disagree.
   */
  assessReorder: ShoppingListsService['assessReorder'];
  log?: Logger;
  /** A store's recalculation is queued at most this often (config RECALCULATE_MIN_INTERVAL_SECONDS). */
  recalculateMinIntervalSeconds?: number;
}

export function createForecastingService(deps: ForecastingDeps) {
  const { pool, jobs, timezoneOf, sources } = deps;
  const products = sources.products.series;
  const recalculation = registerRecalculation(deps);

  return {
    /**
     * Computed now: the demand figure from a forecast made now on the product's history (the
     * model the forecast chart draws), the reorder point from it and the supplier's lead
     * time; stored, and answered with the stock, the orders due and the expiry as they are now.
     */
    async prediction(ctx: StoreContext, productId: string) {
      const tz = await timezoneOf(ctx);
      const [product] = await products.byIds(pool, ctx.storeId, tz, [productId]);
      if (!product) throw new NotFoundError('Product');
      const today = todayIn(tz);
      const series = (await loadSeries(sources, pool, ctx.storeId, tz, [product], today)).get(
        productId,
      )!;
      const [row] = await savePredictions(pool, ctx.storeId, [
        predictionOf({
          productId,
          stock: product.quantity,
          series,
          forecast: dailyForecastOf(series, today),
          leadTime: leadTimeOf(
            product.supplier_id,
            await supplierLeadTimes(sources, pool, ctx.storeId),
          ),
          today,
        }),
      ]);
      const [onOrder, stockIn] = await Promise.all([
        deps.onOrderFor(pool, ctx.storeId, [productId]),
        deps.lastStockInDays(pool, ctx.storeId, tz, [productId]),
      ]);
      return toPrediction(
        row!,
        { ...product, last_stock_in: stockIn.get(productId) },
        onOrder.get(productId)!,
        today,
      );
    },

    /** The stored predictions, with the stock, orders due and expiry as they are now. */
    async predictions(ctx: StoreContext, productIds: string[]) {
      const tz = await timezoneOf(ctx);
      const today = todayIn(tz);
      const rows = await predictionsOf(pool, ctx.storeId, productIds);
      const ids = rows.map((r) => r.product_id);
      const [found, onOrder, stockIn] = await Promise.all([
        products.byIds(pool, ctx.storeId, tz, ids),
        deps.onOrderFor(pool, ctx.storeId, ids),
        deps.lastStockInDays(pool, ctx.storeId, tz, ids),
      ]);
      const live = new Map(found.map((p) => [p.id, { ...p, last_stock_in: stockIn.get(p.id) }]));
      return rows
        .filter((r) => live.has(r.product_id))
        .map((r) => toPrediction(r, live.get(r.product_id)!, onOrder.get(r.product_id)!, today));
    },

    async forecasts(ctx: StoreContext, q: ForecastsQuery) {
      const tz = await timezoneOf(ctx);
      const today = todayIn(tz);
      let item;
      let of;
      if (q.productId) {
        of = await products.byIds(pool, ctx.storeId, tz, [q.productId]);
        if (!of[0]) throw new NotFoundError('Product');
        item = { itemId: of[0].id, itemType: 'product' as const, name: of[0].name };
      } else {
        const category = await sources.categories.find(pool, ctx.storeId, q.category!);
        if (!category) throw new NotFoundError('Category');
        of = await products.ofCategory(pool, ctx.storeId, tz, category.id);
        item = { itemId: category.id, itemType: 'category' as const, name: category.name };
      }
      // A product's history starts at its first stock movement (or sale): the days before it
      // was stocked are not days it sold nothing.
      const first = await deps.firstMovementDays(
        pool,
        ctx.storeId,
        tz,
        of.map((p) => p.id),
      );
      const stocked = of.map((p) => ({ ...p, created_day: first.get(p.id) ?? today }));
      const series = await loadSeries(
        sources,
        pool,
        ctx.storeId,
        tz,
        stocked,
        today,
        historyDaysFor(q.period),
      );
      const history = aggregate(sumSeries([...series.values()], today), q.period, today);
      // one product by day: its days without stock are missing (a sum or a week has no such days)
      const only = series.size === 1 && q.period === 'day' ? [...series.values()][0] : undefined;
      const result = forecastSeries(
        history.map((h) => h.actual),
        {
          horizon: q.horizon,
          // three years of months or weeks are a yearly season (12 or 52), else none
          seasonLength: seasonLengthFor(q.period, history.length),
          level: q.level,
          period: q.period,
          ...(history[0] ? { firstWeekday: weekdayOf(history[0].date) } : {}),
          missing: only?.missing,
        },
      );
      return { forecasts: [forecastView(item, q.period, history, result, q.level, new Date())] };
    },

    /**
     * Queues the store's recalculation, one waiting at most: while one is queued (or one
     * queued within the minimum interval is running) its id is answered; within the interval
     * after one finished, 429 with Retry-After (jobs.enqueueOnce).
     */
    async recalculate(ctx: StoreContext) {
      const { jobId } = await jobs.enqueueOnce(
        {
          storeId: ctx.storeId,
          type: RECALCULATE_JOB,
          payload: {},
          createdBy: ctx.userId,
          what: 'forecast recalculation',
        },
        { minIntervalSeconds: deps.recalculateMinIntervalSeconds ?? 300 },
      );
      return { jobId };
    },

    /**
     * The nightly run (schedules): queued in the scheduler's transaction unless one is already
     * waiting or running, whose id is answered instead.
     */
    async queueScheduled(tx: PoolClient, storeId: string): Promise<string> {
      const { jobId } = await jobs.enqueueOnceIn(
        tx,
        { storeId, type: RECALCULATE_JOB, payload: {}, what: 'forecast recalculation' },
        { minIntervalSeconds: 0, reuseRunning: true },
      );
      return jobId;
    },

    /** The whole recalculation in this process (the demo seed, the bench). */
    recalculateNow: recalculation.run,

    optimizeReorder: (ctx: StoreContext, input: ReorderInput) => optimizeReorder(deps, ctx, input),

    anomalies: (ctx: StoreContext, q: AnomaliesQuery) => listAnomalies(deps, ctx, q),
  };
}

export type ForecastingService = ReturnType<typeof createForecastingService>;
