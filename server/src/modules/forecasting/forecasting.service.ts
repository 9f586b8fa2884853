import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { NotFoundError } from '../../core/errors';
import type { Logger } from '../../logger';
import type { JobsService } from '../jobs/jobs.service';
import { listAnomalies } from './anomalies';
import { forecastSeries } from './forecast';
import { forecastView } from './forecast-view';
import { forecastsOf } from './forecasts.repo';
import type { AnomaliesQuery, ForecastsQuery, ReorderInput } from './forecasting.schemas';
import { supplierLeadTimes } from './lead-times.repo';
import { loadSeries } from './load-series';
import { optimizeReorder } from './optimization';
import { leadTimeOf, predictionOf, toPrediction } from './prediction';
import { predictionsOf, savePredictions } from './predictions.repo';
import { registerRecalculation, RECALCULATE_JOB, storedDailyForecast } from './recalculate';
import * as seriesRepo from './series.repo';
import { aggregate, sumSeries, todayIn } from './series';

export interface ForecastingDeps {
  pool: Pool;
  jobs: JobsService;
  timezoneOf(ctx: Pick<StoreContext, 'storeId'>): Promise<string>;
  log?: Logger;
  /** A store's recalculation is queued at most this often (config RECALCULATE_MIN_INTERVAL_SECONDS). */
  recalculateMinIntervalSeconds?: number;
}

export function createForecastingService(deps: ForecastingDeps) {
  const { pool, jobs, timezoneOf } = deps;
  const recalculation = registerRecalculation(deps);

  return {
    /** Computed now from the last 30 days (and a fresh stored forecast), stored, answered. */
    async prediction(ctx: StoreContext, productId: string) {
      const tz = await timezoneOf(ctx);
      const [product] = await seriesRepo.productsByIds(pool, ctx.storeId, tz, [productId]);
      if (!product) throw new NotFoundError('Product');
      const today = todayIn(tz);
      const series = await loadSeries(pool, ctx.storeId, tz, [product], today);
      const stored = await forecastsOf(pool, ctx.storeId, [productId]);
      const [row] = await savePredictions(pool, ctx.storeId, [
        predictionOf({
          productId,
          stock: product.quantity,
          series: series.get(productId)!,
          forecast: storedDailyForecast(stored.get(productId)),
          leadTime: leadTimeOf(product.supplier_id, await supplierLeadTimes(pool, ctx.storeId)),
          today,
        }),
      ]);
      return toPrediction(row!);
    },

    async predictions(ctx: StoreContext, productIds: string[]) {
      return (await predictionsOf(pool, ctx.storeId, productIds)).map(toPrediction);
    },

    async forecasts(ctx: StoreContext, q: ForecastsQuery) {
      const tz = await timezoneOf(ctx);
      const today = todayIn(tz);
      let item;
      let products;
      if (q.productId) {
        products = await seriesRepo.productsByIds(pool, ctx.storeId, tz, [q.productId]);
        if (!products[0]) throw new NotFoundError('Product');
        item = { itemId: products[0].id, itemType: 'product' as const, name: products[0].name };
      } else {
        const category = await seriesRepo.findCategory(pool, ctx.storeId, q.category!);
        if (!category) throw new NotFoundError('Category');
        products = await seriesRepo.productsOfCategory(pool, ctx.storeId, tz, category.id);
        item = { itemId: category.id, itemType: 'category' as const, name: category.name };
      }
      const series = await loadSeries(pool, ctx.storeId, tz, products, today);
      const history = aggregate(sumSeries([...series.values()], today), q.period, today);
      const result = forecastSeries(
        history.map((h) => h.actual),
        { horizon: q.horizon, seasonLength: q.period === 'day' ? 7 : 0, level: q.level },
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

    /** The whole recalculation in this process (the demo seed, the bench). */
    recalculateNow: recalculation.run,

    optimizeReorder: (ctx: StoreContext, input: ReorderInput) => optimizeReorder(deps, ctx, input),

    anomalies: (ctx: StoreContext, q: AnomaliesQuery) => listAnomalies(deps, ctx, q),
  };
}

export type ForecastingService = ReturnType<typeof createForecastingService>;
