/**
 * `npm run bench:forecast`: the forecasting maths on a few hundred generated series per kind
 * (known level, trend, weekly pattern, noise, intermittency, level shifts, late promotions).
 * Daily series have 180 days of history and 28 held-out days; the same series summed into
 * weeks (26 + 8) and months (12 + 3) follow. Every figure is on held-out periods the model
 * never saw. When `Rscript` with the `forecast` package is installed (Debian:
 * `apt-get install r-cran-forecast`), R's `ets` forecasts the first `--r-series` daily series
 * of each kind too, and both are printed side by side (`--r-series 0` skips it).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { naiveScale } from '../modules/forecasting/forecast/backtest';
import { forecastSeries, seasonLengthFor } from '../modules/forecasting/forecast/index';
import { average, fmt, median, pct, stockOutBias } from './forecast-stock-outs';
import {
  SERIES_KINDS,
  syntheticOfKind,
  type SeriesKind,
} from '../modules/forecasting/forecast/synthetic';

const { values } = parseArgs({
  options: {
    series: { type: 'string', default: '300' },
    history: { type: 'string', default: '180' },
    horizon: { type: 'string', default: '28' },
    'r-series': { type: 'string', default: '40' },
    /** First series' seed (series i has seed + i): another value gives series the maths has never been tuned on. */
    seed: { type: 'string', default: '1000' },
  },
});
const perKind = Number(values.series);
const firstSeed = Number(values.seed);
const rPerKind = Math.min(perKind, Number(values['r-series']));
const say = (line: string) => process.stdout.write(`${line}\n`);

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
interface Case {
  kind: SeriesKind;
  id: number;
  past: number[];
  future: number[];
  scale: number;
  rising: boolean;
}
interface Scored {
  mase: number | null;
  covered: number;
  width: number;
  ms: number;
  method: string;
  /** Whether the 80% interval of the total over the first 7 and 14 periods held it (Nimbus, daily). */
  totals?: { 7: number; 14: number };
}

/** z of a central 80% interval, for the lead-time totals. */
const TOTAL_Z = 1.2815515655446004;

/** MASE, points covered and mean interval width (relative to the mean actual) of one forecast. */
function score(
  c: Case,
  mean: number[],
  lower: number[],
  upper: number[],
  ms: number,
  method: string,
): Scored {
  let abs = 0;
  let covered = 0;
  let width = 0;
  c.future.forEach((actual, h) => {
    abs += Math.abs(actual - mean[h]!);
    if (actual >= lower[h]! && actual <= upper[h]!) covered++;
    width += upper[h]! - lower[h]!;
  });
  const level = Math.max(1e-9, average(c.future));
  return {
    mase: c.scale > 0 ? abs / c.future.length / c.scale : null,
    covered: covered / c.future.length,
    width: width / c.future.length / level,
    ms,
    method,
  };
}

function casesOf({ days, history, horizon }: Setup, kind: SeriesKind, count: number): Case[] {
  return Array.from({ length: count }, (_, i) => {
    const generated = syntheticOfKind(kind, firstSeed + i, (history + horizon) * days, {
      history: history * days,
    });
    const series = days === 1 ? generated.series : totals(generated.series, days);
    const from = Math.max(
      0,
      series.slice(0, history).findIndex((v) => v > 0),
    );
    const past = series.slice(from, history);
    return {
      kind,
      id: i,
      past,
      future: series.slice(history, history + horizon),
      scale: naiveScale(past, days === 1 ? 7 : 1),
      rising: (generated.spec.trend ?? 0) > 0,
    };
  });
}

function nimbus(setup: Setup, c: Case): Scored | null {
  const started = process.hrtime.bigint();
  const result = forecastSeries(c.past, {
    horizon: setup.horizon,
    seasonLength: seasonLengthFor(setup.period, c.past.length),
    level: 0.8,
    period: setup.period,
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 'ok') return null;
  const p = result.points;
  const scored = score(
    c,
    p.map((x) => x.mean),
    p.map((x) => x.lower),
    p.map((x) => x.upper),
    ms,
    result.method,
  );
  const held = (days: 7 | 14) => {
    const sum = (xs: readonly number[]) => xs.slice(0, days).reduce((a, b) => a + b, 0);
    const gap = Math.abs(sum(c.future) - sum(p.map((x) => x.mean)));
    return gap <= TOTAL_Z * result.totalSd[days - 1]! ? 1 : 0;
  };
  if (setup.period === 'day' && c.future.length >= 14) scored.totals = { 7: held(7), 14: held(14) };
  return scored;
}

/** Where R's answers are kept between runs (by a hash of their input). */
const R_CACHE = path.join(tmpdir(), 'nimbus-ets-cache');

/** R's ets on the cases (one Rscript run), or null when R or its forecast package is missing. */
function rEts(setup: Setup, cases: readonly Case[]): Map<Case, Scored> | null {
  if (!cases.length) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'nimbus-ets-'));
  try {
    const input = path.join(dir, 'series.csv');
    const csv = cases.map((c, i) => [i, ...c.past].join(',')).join('\n');
    const frequency = setup.period === 'day' ? 7 : 1;
    // R's answers depend on the series alone: kept by their input, so a rerun after a change
    // to Nimbus runs only Nimbus (R's times are those of the run that made them)
    const key = createHash('sha1').update(`${setup.horizon} ${frequency}\n${csv}`).digest('hex');
    const cached = path.join(R_CACHE, `${key}.txt`);
    let stdout = existsSync(cached) ? readFileSync(cached, 'utf8') : null;
    if (stdout === null) {
      writeFileSync(input, csv);
      const script = path.resolve(__dirname, '..', '..', 'src', 'bench', 'forecast-ets.R');
      const run = spawnSync('Rscript', [script, input, String(setup.horizon), String(frequency)], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.error || run.status !== 0) return null;
      stdout = run.stdout;
      mkdirSync(R_CACHE, { recursive: true });
      writeFileSync(cached, stdout);
    }
    const out = new Map<Case, Scored>();
    for (const line of stdout.trim().split('\n')) {
      const [id, ms, method, ...numbers] = line.trim().split(/\s+/);
      const c = cases[Number(id)]!;
      const v = numbers.map(Number);
      const h = setup.horizon;
      const clip = (xs: number[]) => xs.map((x) => Math.max(0, x));
      out.set(
        c,
        score(
          c,
          clip(v.slice(0, h)),
          clip(v.slice(h, 2 * h)),
          clip(v.slice(2 * h, 3 * h)),
          Number(ms),
          method!,
        ),
      );
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const methodsOf = (scored: readonly Scored[]) => {
  const counts = new Map<string, number>();
  for (const s of scored) counts.set(s.method, (counts.get(s.method) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([m, n]) => `${m} ${n}`)
    .join(', ');
};
const masesOf = (scored: readonly Scored[]) =>
  scored.map((s) => s.mase).filter((m): m is number => m !== null);

function bench(setup: Setup, withR: boolean) {
  say('');
  say(
    `${setup.period}: ${perKind} series per kind, ${setup.history} ${setup.period}s of history, ${setup.horizon} held-out ${setup.period}s, 80% intervals`,
  );
  const day = setup.period === 'day';
  say(
    `kind           | MASE mean | median | MASE<1 | 80% coverage | width | ms/series |${day ? ' 7d / 14d total covers |' : ''} methods`,
  );
  say(
    `-------------- | --------- | ------ | ------ | ------------ | ----- | --------- |${day ? ' --------------------- |' : ''} -------`,
  );
  let totalMs = 0;
  let count = 0;
  const compared: { kind: SeriesKind; ours: Scored[]; cases: Case[] }[] = [];
  for (const kind of SERIES_KINDS) {
    const cases = casesOf(setup, kind, perKind);
    const scored: Scored[] = [];
    const rising: number[] = [];
    const falling: number[] = [];
    for (const c of cases) {
      const s = nimbus(setup, c);
      if (!s) continue;
      scored.push(s);
      (c.rising ? rising : falling).push(s.covered);
    }
    const mases = masesOf(scored);
    totalMs += scored.reduce((a, s) => a + s.ms, 0);
    count += scored.length;
    say(
      [
        kind.padEnd(14),
        fmt(average(mases)).padStart(9),
        fmt(median(mases)).padStart(6),
        `${fmt((100 * mases.filter((m) => m < 1).length) / mases.length, 0)}%`.padStart(6),
        pct(average(scored.map((s) => s.covered))).padStart(12),
        fmt(average(scored.map((s) => s.width))).padStart(5),
        fmt(average(scored.map((s) => s.ms))).padStart(9),
        ...(day
          ? [
              `${pct(average(scored.map((s) => s.totals?.[7] ?? 0)))} / ${pct(average(scored.map((s) => s.totals?.[14] ?? 0)))}`.padStart(
                21,
              ),
            ]
          : []),
        methodsOf(scored),
      ].join(' | '),
    );
    if ((kind === 'trend_season' || kind === 'multiplicative') && setup.period === 'day')
      say(`  (${kind} coverage: rising ${pct(average(rising))}, falling ${pct(average(falling))})`);
    if (withR)
      compared.push({ kind, ours: scored.slice(0, rPerKind), cases: cases.slice(0, rPerKind) });
  }
  say(
    `${count} series: ${fmt(totalMs / count)} ms per series (fit, model selection, backtest, interval)`,
  );
  if (!withR || rPerKind <= 0) return;
  const r = rEts(
    setup,
    compared.flatMap((k) => k.cases),
  );
  if (!r) {
    say('(R `forecast` not found: `apt-get install r-cran-forecast` adds the side-by-side table)');
    return;
  }
  say('');
  say(
    `Side by side with R forecast::ets (default model search), first ${rPerKind} series per kind:`,
  );
  say(
    'kind           | Nimbus MASE | R MASE | Nimbus cover | R cover | Nimbus width | R width | Nimbus ms | R ms | R models',
  );
  say(
    '-------------- | ----------- | ------ | ------------ | ------- | ------------ | ------- | --------- | ---- | --------',
  );
  for (const { kind, ours, cases } of compared) {
    const theirs = cases.map((c) => r.get(c)).filter((s): s is Scored => s !== undefined);
    say(
      [
        kind.padEnd(14),
        fmt(average(masesOf(ours)), 3).padStart(11),
        fmt(average(masesOf(theirs)), 3).padStart(6),
        pct(average(ours.map((s) => s.covered))).padStart(12),
        pct(average(theirs.map((s) => s.covered))).padStart(7),
        fmt(average(ours.map((s) => s.width))).padStart(12),
        fmt(average(theirs.map((s) => s.width))).padStart(7),
        fmt(average(ours.map((s) => s.ms))).padStart(9),
        fmt(average(theirs.map((s) => s.ms)), 0).padStart(4),
        methodsOf(theirs),
      ].join(' | '),
    );
  }
}

function stockOuts(setup: Setup) {
  const cases = [...casesOf(setup, 'smooth', perKind), ...casesOf(setup, 'noisy', perKind)];
  const bias = stockOutBias(cases, setup.horizon);
  say('');
  say(
    `stock-outs (smooth and noisy daily series, 5–15 days without stock in the last 60): mean bias ${pct(bias.zero)} as zero demand, ${pct(bias.missing)} left out as missing`,
  );
}

// warm the JIT up first so the first kind's time is not the compiler's
for (let i = 0; i < 100; i++)
  forecastSeries(syntheticOfKind(SERIES_KINDS[i % SERIES_KINDS.length]!, 99_000 + i, 180).series, {
    horizon: 28,
    seasonLength: 7,
  });
say(`Forecast accuracy on generated series (npm run bench:forecast), seeds from ${firstSeed}`);
say(
  'width: mean 80% interval width over the mean held-out demand; ms are wall time on this machine',
);
const daily = {
  period: 'day',
  days: 1,
  history: Number(values.history),
  horizon: Number(values.horizon),
} as const;
bench(daily, true);
stockOuts(daily);
bench({ period: 'week', days: 7, history: 26, horizon: 8 }, false);
bench({ period: 'month', days: 30, history: 12, horizon: 3 }, false);
