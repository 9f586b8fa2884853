/**
 * `npm run bench:forecast`: the forecasting maths on a few hundred generated series per kind
 * (known level, trend, weekly pattern, noise, intermittency). Each series has 180 days of
 * history and 28 held-out days; the figures are on the held-out days the model never saw.
 */
import { parseArgs } from 'node:util';
import { naiveScale } from '../modules/forecasting/forecast/backtest';
import { forecastSeries } from '../modules/forecasting/forecast/index';
import { SERIES_KINDS, syntheticOfKind } from '../modules/forecasting/forecast/synthetic';

const { values } = parseArgs({
  options: {
    series: { type: 'string', default: '300' },
    history: { type: 'string', default: '180' },
    horizon: { type: 'string', default: '28' },
  },
});
const perKind = Number(values.series);
const history = Number(values.history);
const horizon = Number(values.horizon);
const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number | null, digits = 2) =>
  n === null || !Number.isFinite(n) ? '—' : n.toFixed(digits);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2
    : NaN;
};

say(
  `Forecast accuracy: ${perKind} series per kind, ${history} days of history, ${horizon} held-out days, 80% intervals`,
);
say(
  'kind          | MASE mean | MASE median | MASE<1 | 80% coverage | MAPE (backtest) | ms/series | methods',
);
say(
  '------------- | --------- | ----------- | ------ | ------------ | --------------- | --------- | -------',
);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
let totalMs = 0;
let totalSeries = 0;
let trendRight = 0;
let weekdayRight = 0;
let trendSeries = 0;
for (const kind of SERIES_KINDS) {
  const mases: number[] = [];
  const mapes: number[] = [];
  const methods = new Map<string, number>();
  let covered = 0;
  let points = 0;
  let ms = 0;
  for (let i = 0; i < perKind; i++) {
    const { series, spec, peak } = syntheticOfKind(kind, 1000 + i, history + horizon);
    const past = series.slice(0, history);
    const future = series.slice(history);
    const started = process.hrtime.bigint();
    // history[0] is a Sunday, so the generated weekly peak at position p is WEEKDAYS[p]
    const result = forecastSeries(past, {
      horizon,
      seasonLength: 7,
      level: 0.8,
      period: 'day',
      firstWeekday: 0,
    });
    ms += Number(process.hrtime.bigint() - started) / 1e6;
    if (result.status !== 'ok') continue;
    methods.set(result.method, (methods.get(result.method) ?? 0) + 1);
    if (kind === 'trend_season') {
      trendSeries++;
      const trend = result.factors.find((f) => f.name === 'trend')?.value;
      if (trend === ((spec.trend ?? 0) > 0 ? 'up' : 'down')) trendRight++;
      const weekday = result.factors.find((f) => f.name === 'weekday')?.description ?? '';
      if (weekday.startsWith(WEEKDAYS[peak]!)) weekdayRight++;
    }
    let abs = 0;
    future.forEach((actual, h) => {
      const p = result.points[h]!;
      abs += Math.abs(actual - p.mean);
      if (actual >= p.lower && actual <= p.upper) covered++;
      points++;
    });
    const scale = naiveScale(past.slice(past.findIndex((v) => v > 0)), 7);
    if (scale > 0) mases.push(abs / future.length / scale);
    if (result.accuracy.mape !== null) mapes.push(result.accuracy.mape);
  }
  totalMs += ms;
  totalSeries += perKind;
  const top = [...methods.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
  say(
    [
      kind.padEnd(13),
      fmt(mases.reduce((a, b) => a + b, 0) / mases.length).padStart(9),
      fmt(median(mases)).padStart(11),
      `${fmt((100 * mases.filter((m) => m < 1).length) / mases.length, 0)}%`.padStart(6),
      `${fmt((100 * covered) / points, 1)}%`.padStart(12),
      (mapes.length
        ? `${fmt((100 * mapes.reduce((a, b) => a + b, 0)) / mapes.length, 1)}%`
        : '—'
      ).padStart(15),
      fmt(ms / perKind, 2).padStart(9),
      top,
    ].join(' | '),
  );
}
say(
  `trend_season: the trend factor has the generated sign in ${fmt((100 * trendRight) / trendSeries, 0)}% of series, the weekday factor names the generated peak day in ${fmt((100 * weekdayRight) / trendSeries, 0)}%`,
);
say(
  `total: ${totalSeries} series in ${fmt(totalMs / 1000, 2)} s, ${fmt(totalMs / totalSeries, 2)} ms per series (fit, selection, backtest)`,
);
