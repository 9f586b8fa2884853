import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { forecastSeries } from './forecast';

/*
 * The forecast pool's worker (forecast-pool.ts): the forecasting maths for many series at
 * once, off the API's event loop. A two-year daily series takes 50–90 ms to forecast; a
 * report forecasts hundreds of them.
 */
export interface TotalsTask {
  id: number;
  histories: Float64Array[];
  horizon: number;
  seasonLength: number;
  /** Points at the start of the horizon that are forecast but not counted. */
  skip: number;
}

export type Total =
  | { status: 'ok'; method: string; units: number }
  | { status: Exclude<ReturnType<typeof forecastSeries>['status'], 'ok'> };

// On Linux a priority set from a thread is that thread's own: when the cores are busy, the
// API's event loop goes first and the maths waits.
try {
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // not allowed here: the default priority
}

parentPort!.on('message', (task: TotalsTask) => {
  const totals: Total[] = task.histories.map((h) => {
    const result = forecastSeries(Array.from(h), {
      horizon: task.horizon,
      seasonLength: task.seasonLength,
    });
    if (result.status !== 'ok') return { status: result.status };
    const units = result.points.slice(task.skip).reduce((n, p) => n + p.mean, 0);
    return { status: 'ok', method: result.method, units };
  });
  parentPort!.postMessage({ id: task.id, totals });
});
