/**
 * Cleaning a history before the final fit: runs of periods far outside the fitted model's
 * one-step interval that demand comes back from (a promotion, a one-off bulk order, a day of
 * a broken till) are left out, as missing periods (NaN) are: the state runs through them on
 * its forecast, so a spike is not carried forward and does not widen the intervals. A run
 * that demand does not come back from is a change (a level shift) and stays.
 *
 * A run of spikes at the very end of the history (fewer than MIN_AFTER_RUN periods after it,
 * or still going) cannot yet be told from an upward shift. It is left out too, as the
 * likelier of the two (a promotion, a bulk order) when it is no longer than a promotion
 * (`longestEndSpike`): kept, it would raise the next weeks' forecast by most of its size
 * (+22% over 28 days on the bench's late promotions). Should demand stay there, the run
 * outgrows that within two weeks and the model follows it.
 * A run of drops at the end stays: leaving it out would over-forecast a real fall.
 */
import { cloneState, oneStepForecast, stepState, type EtsState } from './ets';
import type { EtsFit } from './ets-fit';
import { oneStepSd } from './ets-variance';
import { quantileSorted } from './stats';

const median = (xs: readonly number[]) =>
  quantileSorted(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

/** One-step standard deviations outside of which a period is suspect (0.27% of normal days). */
const SUSPECT_SIGMAS = 3;
/** Longest run of suspect periods that is still an episode (two weeks of days); longer is a change. */
export const MAX_RUN = 14;
/** Observed periods after a run that judge whether demand came back. */
const AFTER_RUN = 7;
/** Fewest periods after a run to judge by: a run at the very end cannot be told from a shift. */
const MIN_AFTER_RUN = 3;
/**
 * The screen's largest level smoothing: a fit on a history with a promotion follows it with a
 * large α, which would take the spike as the new level within a day or two.
 */
const SCREEN_ALPHA = 0.2;
/** Demand came back when the median standardised error after the run (on the state from before it) is within this. */
const CAME_BACK_SIGMAS = 1;

export interface CleanOptions {
  /**
   * Longest run of spikes at the end of the history left out as a likely promotion, in
   * periods (a promotion lasts up to about two weeks: 14 days, 2 weeks; 0 for months).
   */
  longestEndSpike?: number;
}

export interface Cleaned {
  /** The history with the left-out periods as NaN. */
  y: number[];
  /** Indices left out as anomalies. */
  anomalies: number[];
  /** How many of them are a run of spikes at the very end of the history (see above). */
  atTheEnd: number;
}

interface Run {
  from: number;
  to: number;
  before: EtsState;
  /** +1 above the forecast, −1 below. */
  sign: number;
}

/** Whether too few periods follow the run to tell whether demand came back (see MIN_AFTER_RUN). */
function atTheEnd(y: readonly number[], run: Run): boolean {
  let after = 0;
  for (let t = run.to; t < y.length; t++) if (!Number.isNaN(y[t]!)) after++;
  return after < MIN_AFTER_RUN;
}

/** Whether the periods after the run look like the forecast made before it (no updates). */
function cameBack(y: readonly number[], fit: EtsFit, run: Run): boolean {
  const state = cloneState(run.before);
  for (let t = run.from; t < run.to; t++) stepState(state, NaN, fit);
  const z: number[] = [];
  for (let t = run.to; t < y.length && z.length < AFTER_RUN; t++) {
    const yhat = stepState(state, NaN, fit);
    if (!Number.isNaN(y[t]!)) z.push((y[t]! - yhat) / Math.max(oneStepSd(fit, yhat), 1e-9));
  }
  // the median: the run's last day, still high, does not decide it
  return z.length >= MIN_AFTER_RUN && Math.abs(median(z)) <= CAME_BACK_SIGMAS;
}

/**
 * Finds the episodes in y by the fitted model (its level smoothing at most SCREEN_ALPHA): one
 * pass in which suspect periods do not update the state (so a spike does not drag it),
 * grouping suspect periods into runs
 * of one sign, then keeps the runs demand came back from.
 */
export function cleanHistory(
  y: readonly number[],
  fitted: EtsFit,
  { longestEndSpike = MAX_RUN }: CleanOptions = {},
): Cleaned {
  const { alpha, beta } = fitted.params;
  const slow = Math.min(alpha, SCREEN_ALPHA);
  const fit = { ...fitted, params: { ...fitted.params, alpha: slow, beta: (beta * slow) / alpha } };
  const state = cloneState(fit.init);
  const runs: Run[] = [];
  let open: Run | null = null;
  for (let t = 0; t < y.length; t++) {
    const yhat = oneStepForecast(state, fit);
    const v = y[t]!;
    const half = SUSPECT_SIGMAS * oneStepSd(fit, yhat);
    const sign = Number.isNaN(v) || Math.abs(v - yhat) <= half ? 0 : Math.sign(v - yhat);
    if (open && sign !== open.sign) {
      if (t - open.from < MAX_RUN) runs.push({ ...open, to: t });
      open = null;
    }
    if (sign && !open) open = { from: t, to: t, before: cloneState(state), sign };
    // a suspect period moves nothing (as a missing one), until the run is too long to be an
    // episode: then the state follows the data again
    stepState(state, sign && t - open!.from < MAX_RUN ? NaN : v, fit);
  }
  if (open && y.length - open.from < MAX_RUN) runs.push({ ...open, to: y.length });
  const out = [...y];
  const anomalies: number[] = [];
  let ending = 0;
  for (const run of runs) {
    const last = atTheEnd(y, run);
    const promotion = run.sign > 0 && run.to - run.from <= longestEndSpike;
    if (last ? !promotion : !cameBack(y, fit, run)) continue;
    for (let t = run.from; t < run.to; t++) {
      out[t] = NaN;
      anomalies.push(t);
    }
    if (last) ending += run.to - run.from;
  }
  return { y: out, anomalies, atTheEnd: ending };
}
