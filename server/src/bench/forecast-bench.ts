/**
 * `npm run bench:forecast`: the forecasting maths on a few hundred generated series per kind
 * (known level, trend, weekly pattern, noise, intermittency). Daily series have 180 days of
 * history and 28 held-out days; the same series summed into weeks (26 + 8) and months
 * (12 + 3) follow. Every figure is on held-out periods the model never saw, except MAPE,
 * which is the model's own rolling-origin backtest (what the API reports).
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
const say = (line: string) => process.stdout.write(`${line}\n`);
const fmt = (n: number | null, digits = 2) =>
  n === null || !Number.isFinite(n) ? '—' : n.toFixed(digits);
const average = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2
    : NaN;
};
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Sums consecutive runs of `days` days (the last partial run dropped). */
const totals = (series: number[], days: number) =>
  Array.from({ length: Math.floor(series.length / days) }, (_, k) =>
    series.slice(k * days, (k + 1) * days).reduce((a, b) => a + b, 0),
  );

interface Setup {
  period: 'day' | 'week' | 'month';
  days: number;
  history: number;
  horizon: number;
}

function bench({ period, days, history, horizon }: Setup) {
  const seasonLength = period === 'day' ? 7 : 0;
  say('');
  say(
    `${period}: ${perKind} series per kind, ${history} ${period}s of history, ${horizon} held-out ${period}s, 80% intervals`,
  );
  say(
    'kind         | MASE mean | median | MASE<1 | 80% coverage | MAPE (backtest) | ms/series | methods',
  );
  say(
    '------------ | --------- | ------ | ------ | ------------ | --------------- | --------- | -------',
  );
  let totalMs = 0;
  let trendRight = 0;
  let weekdayRight = 0;
  for (const kind of SERIES_KINDS) {
    const mases: number[] = [];
    const mapes: number[] = [];
    const methods = new Map<string, number>();
    let covered = 0;
    let points = 0;
    let ms = 0;
    for (let i = 0; i < perKind; i++) {
      const generated = syntheticOfKind(kind, 1000 + i, (history + horizon) * days);
      const series = days === 1 ? generated.series : totals(generated.series, days);
      const past = series.slice(0, history);
      const future = series.slice(history, history + horizon);
      const started = process.hrtime.bigint();
      // history[0] is a Sunday, so the generated weekly peak at position p is WEEKDAYS[p]
      const result = forecastSeries(past, {
        horizon,
        seasonLength,
        level: 0.8,
        period,
        firstWeekday: 0,
      });
      ms += Number(process.hrtime.bigint() - started) / 1e6;
      if (result.status !== 'ok') continue;
      methods.set(result.method, (methods.get(result.method) ?? 0) + 1);
      let abs = 0;
      future.forEach((actual, h) => {
        const p = result.points[h]!;
        abs += Math.abs(actual - p.mean);
        if (actual >= p.lower && actual <= p.upper) covered++;
        points++;
      });
      const scale = naiveScale(past.slice(past.findIndex((v) => v > 0)), seasonLength);
      if (scale > 0) mases.push(abs / future.length / scale);
      if (result.accuracy.mape !== null) mapes.push(result.accuracy.mape);
      if (kind === 'trend_season' && period === 'day') {
        const trend = result.factors.find((f) => f.name === 'trend')?.value;
        if (trend === ((generated.spec.trend ?? 0) > 0 ? 'up' : 'down')) trendRight++;
        const weekday = result.factors.find((f) => f.name === 'weekday')?.description ?? '';
        if (weekday.startsWith(WEEKDAYS[generated.peak]!)) weekdayRight++;
      }
    }
    totalMs += ms;
    const top = [...methods.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([m, n]) => `${m} ${n}`)
      .join(', ');
    say(
      [
        kind.padEnd(12),
        fmt(average(mases)).padStart(9),
        fmt(median(mases)).padStart(6),
        `${fmt((100 * mases.filter((m) => m < 1).length) / mases.length, 0)}%`.padStart(6),
        `${fmt((100 * covered) / points, 1)}%`.padStart(12),
        (mapes.length ? `${fmt(100 * average(mapes), 1)}%` : '—').padStart(15),
        fmt(ms / perKind, 2).padStart(9),
        top,
      ].join(' | '),
    );
  }
  if (period === 'day')
    say(
      `trend_season: the trend factor has the generated sign in ${fmt((100 * trendRight) / perKind, 0)}% of series, the weekday factor names the generated peak day in ${fmt((100 * weekdayRight) / perKind, 0)}%`,
    );
  const count = perKind * SERIES_KINDS.length;
  say(
    `${count} series in ${fmt(totalMs / 1000, 2)} s: ${fmt(totalMs / count, 2)} ms per series (fit, model selection, backtest)`,
  );
}

// warm the JIT up first so the first kind's time is not the compiler's
for (let i = 0; i < 100; i++)
  forecastSeries(syntheticOfKind(SERIES_KINDS[i % 4]!, 99_000 + i, 180).series, {
    horizon: 28,
    seasonLength: 7,
  });
say('Forecast accuracy on generated series (npm run bench:forecast)');
bench({ period: 'day', days: 1, history: Number(values.history), horizon: Number(values.horizon) });
bench({ period: 'week', days: 7, history: 26, horizon: 8 });
bench({ period: 'month', days: 30, history: 12, horizon: 3 });
