/**
 * The forecast bench's stock-out check: series whose demand is cut to 0 on 5–15 days without
 * stock in their last 60 days, forecast with those days given as zero demand and as missing
 * (what the ledger tells the service); the mean bias of each over the held-out days. Also the
 * bench's number helpers.
 */
import { forecastSeries } from '../modules/forecasting/forecast/index';
import { prng } from '../modules/forecasting/forecast/stats';

export const average = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2
    : NaN;
};
export const fmt = (n: number | null, digits = 2) =>
  n === null || !Number.isFinite(n) ? '—' : n.toFixed(digits);
export const pct = (n: number) => `${fmt(100 * n, 1)}%`;

export function stockOutBias(
  cases: readonly { id: number; past: number[]; future: number[] }[],
  horizon: number,
): { zero: number; missing: number } {
  const bias = { zero: [] as number[], missing: [] as number[] };
  for (const c of cases) {
    const u = prng(c.id + 1);
    const days = 5 + Math.floor(11 * u());
    const from = c.past.length - 60 + Math.floor((60 - days) * u());
    const missing = c.past.map((_, t) => t >= from && t < from + days);
    const past = c.past.map((v, t) => (missing[t] ? 0 : v));
    const actual = average(c.future);
    for (const key of ['zero', 'missing'] as const) {
      const r = forecastSeries(past, {
        horizon,
        seasonLength: 7,
        period: 'day',
        ...(key === 'missing' ? { missing } : {}),
      });
      if (r.status === 'ok' && actual > 0)
        bias[key].push(average(r.points.map((p) => p.mean)) / actual - 1);
    }
  }
  return { zero: average(bias.zero), missing: average(bias.missing) };
}
