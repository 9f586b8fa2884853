import { forecastSeries } from './index';
import { generateSeries, syntheticOfKind, weeklyProfile, type SeriesKind } from './synthetic';
import { naiveScale } from './backtest';
import type { ForecastResult } from './types';

const HISTORY = 180;
const HORIZON = 28;
const daily = { horizon: HORIZON, seasonLength: 7, level: 0.8, period: 'day' as const };

function ok(result: ForecastResult) {
  if (result.status !== 'ok') throw new Error(`expected a forecast, got ${result.message}`);
  return result;
}

/** Forecasts `count` generated series of a kind and scores the held-out periods. */
function heldOut(kind: SeriesKind, count: number) {
  let covered = 0;
  let points = 0;
  const mases: number[] = [];
  const methods: string[] = [];
  for (let i = 0; i < count; i++) {
    const { series } = syntheticOfKind(kind, 500 + i, HISTORY + HORIZON);
    const past = series.slice(0, HISTORY);
    const result = ok(forecastSeries(past, daily));
    methods.push(result.method);
    let abs = 0;
    series.slice(HISTORY).forEach((actual, h) => {
      const p = result.points[h]!;
      abs += Math.abs(actual - p.mean);
      if (actual >= p.lower && actual <= p.upper) covered++;
      points++;
    });
    mases.push(abs / HORIZON / naiveScale(past, 7));
  }
  return { coverage: covered / points, mases, methods };
}

describe('forecastSeries on generated series', () => {
  it('when a series has trend and weekly seasonality, then it beats seasonal-naive (MASE < 1)', () => {
    const { mases } = heldOut('trend_season', 60);
    const mean = mases.reduce((a, b) => a + b, 0) / mases.length;
    expect(mean).toBeLessThan(1);
    expect(mases.filter((m) => m < 1).length / mases.length).toBeGreaterThan(0.8);
  });

  it('when scored on a few hundred series, then the 80% interval covers 75–85% of held-out periods', () => {
    let covered = 0;
    let total = 0;
    for (const kind of ['smooth', 'trend_season', 'noisy'] as const) {
      const { coverage } = heldOut(kind, 80);
      covered += coverage * 80 * HORIZON;
      total += 80 * HORIZON;
    }
    expect(covered / total).toBeGreaterThanOrEqual(0.75);
    expect(covered / total).toBeLessThanOrEqual(0.85);
  });

  it('when demand is intermittent, then Croston-SBA or TSB is chosen and its interval still covers 75–90%', () => {
    const { coverage, methods } = heldOut('intermittent', 80);
    expect(methods.every((m) => m === 'croston_sba' || m === 'tsb')).toBe(true);
    expect(coverage).toBeGreaterThanOrEqual(0.75);
    expect(coverage).toBeLessThanOrEqual(0.9);
  });

  it.each([
    ['up', 0.3],
    ['down', -0.1],
  ])('when demand trends %s, then the trend factor says so', (direction, trend) => {
    const series = generateSeries({
      length: 120,
      level: 40,
      trend,
      weekly: weeklyProfile(2, 0.2),
      noise: 0.05,
      seed: 3,
    });
    const trendFactor = ok(forecastSeries(series, daily)).factors.find((f) => f.name === 'trend');
    expect(trendFactor?.value).toBe(direction);
  });

  it('when Saturdays sell most, then the weekday factor names Saturday with a positive effect', () => {
    // history[0] is a Monday (1); position 5 of the week is then a Saturday
    const series = generateSeries({
      length: 140,
      level: 30,
      weekly: weeklyProfile(5, 0.4),
      noise: 0.05,
      seed: 9,
    });
    const weekday = ok(forecastSeries(series, { ...daily, firstWeekday: 1 })).factors.find(
      (f) => f.name === 'weekday',
    );
    // additive seasons say "+35%", multiplicative ones "about 1.4× an average day"
    expect(weekday?.description).toMatch(
      /^Saturdays (\+\d+%, \w+days −\d+%|about \d(\.\d)?× an average day, \w+days \d(\.\d)?×)$/,
    );
    expect(Number(weekday?.value)).toBeGreaterThan(0.25);
  });

  it('when a model is chosen, then the factors say which, why (AICc against the runner-up) and the level', () => {
    const { series } = syntheticOfKind('trend_season', 1, HISTORY);
    const result = ok(forecastSeries(series, daily));
    const names = result.factors.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining(['method', 'selection', 'level', 'trend', 'weekday']),
    );
    expect(result.factors.find((f) => f.name === 'selection')?.description).toMatch(/AICc/);
    expect(result.sigma).toBeGreaterThan(0);
  });

  it('when every value is finite, then means, bounds and accuracy are never NaN or negative', () => {
    for (const kind of ['smooth', 'trend_season', 'noisy', 'intermittent'] as const)
      for (let i = 0; i < 15; i++) {
        const result = ok(forecastSeries(syntheticOfKind(kind, 40 + i, 90).series, daily));
        for (const p of result.points) {
          expect(
            Number.isFinite(p.mean) && Number.isFinite(p.lower) && Number.isFinite(p.upper),
          ).toBe(true);
          expect(p.lower).toBeGreaterThanOrEqual(0);
          expect(p.lower).toBeLessThanOrEqual(p.mean);
          expect(p.upper).toBeGreaterThanOrEqual(p.mean);
        }
        expect(result.points).toHaveLength(HORIZON);
        expect(Number.isFinite(result.sigma) && result.sigma >= 0).toBe(true);
        expect(Number.isFinite(result.accuracy.rmse)).toBe(true);
      }
  });

  it('when demand falls towards zero, then the forecast stops at zero instead of going negative', () => {
    const series = generateSeries({ length: 60, level: 30, trend: -0.5, noise: 0.05, seed: 4 });
    const result = ok(forecastSeries(series, { ...daily, horizon: 60 }));
    expect(result.points.every((p) => p.mean >= 0 && p.lower >= 0 && p.upper >= 0)).toBe(true);
    expect(result.points.at(-1)!.mean).toBe(0);
  });

  it('when run twice on the same series, then the answers are identical', () => {
    const { series } = syntheticOfKind('noisy', 77, HISTORY);
    expect(forecastSeries(series, daily)).toEqual(forecastSeries(series, daily));
  });
});

describe('forecastSeries edge cases', () => {
  it.each([
    [27, 'day', 7, 28],
    [7, 'week', 0, 8],
    [5, 'month', 0, 6],
  ] as const)(
    'when %i %ss of history are given, then it answers insufficient history',
    (n, period, seasonLength, needed) => {
      const result = forecastSeries(new Array<number>(n).fill(3), {
        horizon: 4,
        seasonLength,
        period,
      });
      expect(result).toEqual({
        status: 'insufficient_history',
        needed,
        available: n,
        message: expect.stringContaining(`at least ${needed}`),
      });
    },
  );

  it('when the first sale is recent, then the zeros before it do not count as history', () => {
    const series = [...new Array<number>(100).fill(0), ...new Array<number>(10).fill(5)];
    expect(forecastSeries(series, daily)).toMatchObject({
      status: 'insufficient_history',
      available: 10,
    });
  });

  it('when the held-out actuals are zero, then MAPE is null and the note says why', () => {
    const series = [
      ...generateSeries({ length: 120, level: 4, noise: 0.2, seed: 2, zeroChance: 0.7 }),
      ...new Array<number>(28).fill(0),
    ];
    const { accuracy } = ok(forecastSeries(series, daily));
    expect(accuracy.mape).toBeNull();
    expect(accuracy.mapeNote).toMatch(/undefined.*zero/);
    expect(accuracy.points).toBe(28);
  });

  it('when some held-out actuals are zero, then MAPE skips them and the note counts them', () => {
    const series = generateSeries({ length: 120, level: 3, noise: 0.6, seed: 8 });
    const { accuracy } = ok(forecastSeries(series, daily));
    expect(accuracy.mape).not.toBeNull();
    expect(accuracy.mapeNote ?? '').toMatch(/leaves out \d+ of 28/);
  });

  it('when demand is perfectly flat, then the forecast is that value with no error and MASE is null', () => {
    const result = ok(forecastSeries(new Array<number>(60).fill(5), daily));
    expect(result.points[0]!.mean).toBeCloseTo(5, 6);
    expect(result.accuracy.rmse).toBeCloseTo(0, 6);
    expect(result.accuracy.mase).toBeNull();
  });

  it('when a period is missing or negative (net returns), then it counts as no demand, not NaN', () => {
    const series = generateSeries({ length: 60, level: 20, noise: 0.1, seed: 12 });
    series[30] = Number.NaN;
    series[31] = -4;
    const result = ok(forecastSeries(series, daily));
    expect(result.points.every((p) => Number.isFinite(p.mean) && Number.isFinite(p.upper))).toBe(
      true,
    );
    expect(Number.isFinite(result.sigma)).toBe(true);
  });

  it('when the data are weekly, then no seasonal model is used', () => {
    const series = generateSeries({ length: 30, level: 100, trend: 2, noise: 0.05, seed: 5 });
    const result = ok(forecastSeries(series, { horizon: 8, seasonLength: 0, period: 'week' }));
    expect(['simple_exponential', 'holt_linear', 'holt_damped']).toContain(result.method);
    expect(result.points.every((p) => p.seasonal === 0)).toBe(true);
  });
});
