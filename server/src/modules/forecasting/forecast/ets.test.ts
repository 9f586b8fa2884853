import { naiveScale } from './backtest';
import {
  cloneState,
  oneStepForecast,
  pointForecasts,
  stepState,
  type EtsModel,
  type EtsSpec,
} from './ets';
import { fitEts, runFilter, type EtsFit } from './ets-fit';
import { forecastVariances } from './ets-variance';
import { candidateSpecs, rankEts } from './ets-select';
import { forecastSeries, seasonLengthFor } from './forecast';
import { gaussian, prng } from './stats';
import { syntheticOfKind } from './synthetic';

const spec = (error: 'A' | 'M', trend: 'N' | 'A' | 'Ad', season: 'N' | 'A' | 'M'): EtsSpec => ({
  error,
  trend,
  season,
});

describe('the ETS state update', () => {
  it('when a multiplicative-season step runs, then it follows the textbook equations (A,A,M)', () => {
    const model: EtsModel = {
      spec: spec('A', 'A', 'M'),
      m: 2,
      params: { alpha: 0.3, beta: 0.1, gamma: 0.2, phi: 1 },
    };
    const state = { level: 100, trend: 2, season: [1.2, 0.8], t: 0 };
    const yhat = stepState(state, 130, model);
    // ŷ = (ℓ + b)·s = 102·1.2; e = y − ŷ; ℓ = ℓ + b + αe/s; b = b + βe/s; s = s + γe/(ℓ + b)
    const e = 130 - 122.4;
    expect(yhat).toBeCloseTo(122.4, 10);
    expect(state.level).toBeCloseTo(102 + (0.3 * e) / 1.2, 10);
    expect(state.trend).toBeCloseTo(2 + (0.1 * e) / 1.2, 10);
    expect(state.season[0]).toBeCloseTo(1.2 + (0.2 * e) / 102, 10);
    expect(state.season[1]).toBe(0.8);
    expect(state.t).toBe(1);
  });

  it('when a series is scaled by c, then both error kinds’ likelihoods move by 2n·log c (one scale, so AICc compares them)', () => {
    const { series } = syntheticOfKind('multiplicative', 3, 120);
    const scaled = series.map((v) => v * 10);
    for (const s of [spec('A', 'A', 'M'), spec('M', 'A', 'M')]) {
      const fit = fitEts(series, s, 7)!;
      const init = fit.init;
      // a multiplicative season's factors do not scale; an additive error's units do
      const scaledInit = { ...init, level: init.level * 10, trend: init.trend * 10 };
      const a = runFilter(series, fit, init).criterion;
      const b = runFilter(scaled, fit, scaledInit).criterion;
      expect(b - a).toBeCloseTo(2 * series.length * Math.log(10), 6);
    }
  });
});

describe('multiplicative models', () => {
  it('when a series has zero periods, then no multiplicative model is a candidate', () => {
    expect(candidateSpecs(7, false).every((s) => s.error === 'A' && s.season !== 'M')).toBe(true);
    expect(candidateSpecs(7, true)).toHaveLength(15);
    const withZero = syntheticOfKind('multiplicative', 1, 120).series;
    withZero[50] = 0;
    expect(rankEts(withZero, 7).every((f) => f.spec.error === 'A' && f.spec.season !== 'M')).toBe(
      true,
    );
  });

  it('when the weekly pattern scales with a growing level, then a multiplicative season is chosen and beats the best additive one on held-out days', () => {
    let chosen = 0;
    let ours = 0;
    let additive = 0;
    const count = 30;
    for (let i = 0; i < count; i++) {
      const { series } = syntheticOfKind('multiplicative', 200 + i, 208, { history: 180 });
      const past = series.slice(0, 180);
      const future = series.slice(180);
      const scale = naiveScale(past, 7);
      const ranked = rankEts(past, 7);
      if (ranked[0]!.spec.season === 'M') chosen++;
      const bestAdditive = ranked.find((f) => f.spec.error === 'A' && f.spec.season !== 'M')!;
      const mase = (means: readonly number[]) =>
        future.reduce((s, y, h) => s + Math.abs(y - Math.max(0, means[h]!)), 0) /
        future.length /
        scale;
      const result = forecastSeries(past, { horizon: 28, seasonLength: 7, period: 'day' });
      if (result.status !== 'ok') throw new Error('expected a forecast');
      ours += mase(result.points.map((p) => p.mean));
      additive += mase(pointForecasts(bestAdditive.final, bestAdditive, 28));
    }
    expect(chosen / count).toBeGreaterThan(0.7);
    expect(ours / count).toBeLessThan(additive / count);
  });

  it('when scored on simulated multiplicative series (fixed seeds), then the 80% interval covers 75–85% of held-out days', () => {
    let covered = 0;
    let points = 0;
    for (let i = 0; i < 60; i++) {
      const { series } = syntheticOfKind('multiplicative', 700 + i, 208, { history: 180 });
      const result = forecastSeries(series.slice(0, 180), { horizon: 28, seasonLength: 7 });
      if (result.status !== 'ok') throw new Error('expected a forecast');
      series.slice(180).forEach((y, h) => {
        const p = result.points[h]!;
        if (y >= p.lower && y <= p.upper) covered++;
        points++;
      });
    }
    expect(covered / points).toBeGreaterThanOrEqual(0.75);
    expect(covered / points).toBeLessThanOrEqual(0.85);
  });

  /** The variance of each step ahead over `paths` simulated futures of the fitted model. */
  function simulatedVariances(fit: EtsFit, h: number, paths = 10000): number[] {
    const normal = gaussian(prng(42));
    const sd = Math.sqrt(fit.variance);
    const sums = new Array<number>(h).fill(0);
    const squares = new Array<number>(h).fill(0);
    for (let p = 0; p < paths; p++) {
      const s = cloneState(fit.final);
      for (let i = 0; i < h; i++) {
        const yhat = oneStepForecast(s, fit);
        const y = fit.spec.error === 'M' ? yhat * (1 + sd * normal()) : yhat + sd * normal();
        stepState(s, y, fit);
        sums[i]! += y;
        squares[i]! += y * y;
      }
    }
    return sums.map((total, i) => squares[i]! / paths - (total / paths) ** 2);
  }

  it.each([
    // class 2 is exact: only the simulation's own noise
    ['M,A,N', 1, 0.07],
    // multiplicative seasons: first-order, within 15% of the simulated variance over 5 weeks
    ['A,A,M', 7, 0.15],
    ['M,A,M', 7, 0.15],
    ['M,Ad,M', 7, 0.15],
  ] as const)(
    'when ETS %s forecasts, then its variance matches a simulation of the model',
    (name, m, tolerance) => {
      const [error, trend, season] = name.split(',') as [
        'A' | 'M',
        'N' | 'A' | 'Ad',
        'N' | 'A' | 'M',
      ];
      const fit = fitEts(
        syntheticOfKind('multiplicative', 5, 150).series,
        spec(error, trend, season),
        m,
      )!;
      const h = 35;
      const closedForm = forecastVariances(fit, fit.final, h);
      const simulated = simulatedVariances(fit, h);
      for (const i of [0, 6, 13, 20, 34]) {
        expect(closedForm[i]! / simulated[i]!).toBeGreaterThan(1 - tolerance);
        expect(closedForm[i]! / simulated[i]!).toBeLessThan(1 + tolerance);
      }
    },
  );

  it('when the chosen season is multiplicative, then the weekday factor speaks in multiples', () => {
    const { series } = syntheticOfKind('multiplicative', 4, 180);
    const result = forecastSeries(series, { horizon: 7, seasonLength: 7, firstWeekday: 0 });
    if (result.status !== 'ok') throw new Error('expected a forecast');
    expect(result.method).toMatch(/multiplicative/);
    expect(result.factors.find((f) => f.name === 'method')?.description).toMatch(
      /ETS [AM],A?d?N?,M/,
    );
    expect(result.factors.find((f) => f.name === 'weekday')?.description).toMatch(
      /^\w+days about \d\.\d× an average day, \w+days \d\.\d×$/,
    );
  });
});

describe('seasons by period', () => {
  it.each([
    ['day', 30, 7],
    ['month', 35, 1],
    ['month', 36, 12],
    ['week', 52, 1],
    ['week', 156, 52],
  ] as const)('when %s data have %i periods, then the season is %i', (period, n, m) => {
    expect(seasonLengthFor(period, n)).toBe(m);
  });

  it('when three years of monthly data have a yearly pattern, then a seasonal model is used and the answer says season 12', () => {
    const u = gaussian(prng(8));
    const months = Array.from(
      { length: 48 },
      (_, t) => (100 + t) * (1 + 0.4 * Math.sin((2 * Math.PI * t) / 12)) * (1 + 0.05 * u()),
    );
    const result = forecastSeries(months, {
      horizon: 12,
      seasonLength: seasonLengthFor('month', 48),
      period: 'month',
    });
    if (result.status !== 'ok') throw new Error('expected a forecast');
    expect(result.seasonLength).toBe(12);
    expect(result.method).toMatch(/seasonal|holt_winters/);
    expect(result.factors.find((f) => f.name === 'season')?.description).toMatch(
      /busiest month of the year/,
    );
  });
});
