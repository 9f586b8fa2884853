/**
 * The recalculation job: for every active product of a store, in batches, the daily series
 * (one query per batch), a 90-day forecast, the demand anomalies of the last 30 days and the
 * prediction with its reorder point, all stored in one transaction per batch with the job's
 * progress.
 */
import { breather } from '../../core/cooperate';
import { withTransaction } from '../../db/pool';
import type { JobContext } from '../jobs/jobs.service';
import * as anomaliesRepo from './anomalies.repo';
import { demandAnomalies, forecastSeries, type ForecastResult } from './forecast';
import type { ForecastingDeps } from './forecasting.service';
import { saveForecasts, type ForecastInput, type StoredForecast } from './forecasts.repo';
import { supplierLeadTimes } from './lead-times';
import { loadSeries } from './load-series';
import { FORECAST_DAYS, leadTimeOf, predictionOf, round, type DailyForecast } from './prediction';
import { savePredictions, type PredictionInput } from './predictions.repo';
import { addDays, todayIn, weekdayOf, type DailySeries } from './series';

export const RECALCULATE_JOB = 'forecasting.recalculate';
/** Days at the end of each series checked for unusual demand. */
export const ANOMALY_WINDOW = 30;
const BATCH = 500;

/** A stored forecast as the prediction uses it, when it is a usable one. */
export function storedDailyForecast(f: StoredForecast | undefined): DailyForecast | null {
  if (!f || f.status !== 'ok' || f.sigma === null) return null;
  return { start: f.start_date, mean: f.mean, sigma: f.sigma, totalSd: f.total_sd ?? undefined };
}

function forecastRow(productId: string, today: string, r: ForecastResult): ForecastInput {
  const r4 = (n: number) => round(n, 4);
  if (r.status !== 'ok') {
    return {
      product_id: productId,
      status: r.status,
      method: null,
      message: r.message,
      start_date: today,
      level: null,
      mean: [],
      lower: [],
      upper: [],
      sigma: null,
      total_sd: null,
      accuracy: null,
      factors: [],
    };
  }
  return {
    product_id: productId,
    status: 'ok',
    method: r.method,
    message: null,
    start_date: today,
    level: r.level,
    mean: r.points.map((p) => r4(p.mean)),
    lower: r.points.map((p) => r4(Math.max(0, p.lower))),
    upper: r.points.map((p) => r4(p.upper)),
    sigma: Number.isFinite(r.sigma) ? r.sigma : null,
    total_sd: r.totalSd.map((v) => r4(v)),
    accuracy: r.accuracy,
    factors: r.factors,
  };
}

function anomaliesOf(productId: string, series: DailySeries) {
  return demandAnomalies(series.values, {
    seasonLength: 7,
    window: ANOMALY_WINDOW,
    missing: series.missing,
  }).map((a) => ({
    product_id: productId,
    day: addDays(series.start, a.index),
    kind: a.kind === 'spike' ? ('demand_spike' as const) : ('demand_drop' as const),
    severity: a.severity,
    observed: a.observed,
    expected: round(a.expected, 3),
    lower: round(a.lower, 3),
    upper: round(a.upper, 3),
  }));
}

export interface RecalculationReport {
  products: number;
  forecasts: number;
  insufficientHistory: number;
  anomalies: number;
  durationMs: number;
}

export function registerRecalculation({
  pool,
  jobs,
  timezoneOf,
  log,
  sources,
}: Pick<ForecastingDeps, 'pool' | 'jobs' | 'timezoneOf' | 'log' | 'sources'>) {
  const { series: products } = sources.products;
  async function run(
    storeId: string,
    progress?: (db: Parameters<JobContext['progress']>[0], percent: number) => Promise<void>,
  ): Promise<RecalculationReport> {
    const started = new Date();
    const tz = await timezoneOf({ storeId });
    const today = todayIn(tz);
    const total = await products.countActive(pool, storeId);
    const leadTimes = await supplierLeadTimes(sources, pool, storeId);
    const report = { products: 0, forecasts: 0, insufficientHistory: 0, anomalies: 0 };
    for (let after: string | null = null; ;) {
      const batch = await products.activeAfter(pool, storeId, tz, after, BATCH);
      if (!batch.length) break;
      after = batch.at(-1)!.id;
      const series = await loadSeries(sources, pool, storeId, tz, batch, today);
      const forecasts: ForecastInput[] = [];
      const predictions: PredictionInput[] = [];
      const anomalies: anomaliesRepo.DemandAnomalyInput[] = [];
      // 500 forecasts a batch, a few ms each: the event loop gets a turn between them.
      const breathe = breather();
      for (const p of batch) {
        await breathe();
        const s = series.get(p.id)!;
        const result = forecastSeries(s.values, {
          horizon: FORECAST_DAYS,
          seasonLength: 7,
          level: 0.8,
          period: 'day',
          firstWeekday: weekdayOf(s.start),
          missing: s.missing,
        });
        const row = forecastRow(p.id, today, result);
        forecasts.push(row);
        if (result.status === 'ok') report.forecasts++;
        else report.insufficientHistory++;
        anomalies.push(...anomaliesOf(p.id, s));
        predictions.push(
          predictionOf({
            productId: p.id,
            stock: p.quantity,
            series: s,
            forecast:
              row.status === 'ok' && row.sigma !== null
                ? { start: today, mean: row.mean, sigma: row.sigma }
                : null,
            leadTime: leadTimeOf(p.supplier_id, leadTimes),
            today,
          }),
        );
      }
      report.products += batch.length;
      report.anomalies += anomalies.length;
      await withTransaction(pool, async (tx) => {
        const ids = batch.map((p) => p.id);
        // A product deleted since the batch was read has nothing stored.
        const live = await sources.products.existing(tx, storeId, ids);
        const alive = <T extends { product_id: string }>(rows: T[]) =>
          rows.filter((r) => live.has(r.product_id));
        await saveForecasts(tx, storeId, alive(forecasts));
        await savePredictions(tx, storeId, alive(predictions));
        await anomaliesRepo.replaceDemandAnomalies(tx, storeId, ids, alive(anomalies));
        await progress?.(tx, total ? Math.min(99, (100 * report.products) / total) : 99);
      });
    }
    await anomaliesRepo.deleteDemandAnomaliesBefore(pool, storeId, started);
    return { ...report, durationMs: Date.now() - started.getTime() };
  }

  // The job's result stays null: the contract's Job.result is an import report (the web reads
  // it as one); the counts go to the log.
  // One store-wide recalculation at a time per store, whichever replica takes it.
  jobs.register(
    RECALCULATE_JOB,
    async (job) => {
      const report = await run(job.job.store_id!, (db, percent) => job.progress(db, percent));
      log?.info('forecasts recalculated', {
        storeId: job.job.store_id,
        jobId: job.job.id,
        ...report,
      });
      return null;
    },
    { onePerStore: true, announce: 'Forecast recalculation' },
  );
  return { run };
}
