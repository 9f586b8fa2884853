import { accuracyOf, backtestPlan, naiveScale } from './backtest';
import { nelderMead } from './nelder-mead';
import { fitEts } from './ets-fit';
import { forecastVariances } from './ets-variance';
import { generateSeries } from './synthetic';
import { gaussian, normalQuantile, prng, studentQuantile } from './stats';

describe('accuracy figures', () => {
  it('when some actuals are zero, then MAPE uses the others and RMSE, MASE and the relative error all pairs', () => {
    const a = accuracyOf(
      [
        { actual: 10, predicted: 8, step: 0 },
        { actual: 0, predicted: 2, step: 0 },
        { actual: 5, predicted: 5, step: 0 },
      ],
      2,
    );
    expect(a.mape).toBeCloseTo((0.2 + 0) / 2, 10);
    expect(a.mapeNote).toBe(
      'MAPE leaves out 1 of 3 held-out periods whose actual demand was zero.',
    );
    expect(a.rmse).toBeCloseTo(Math.sqrt(8 / 3), 10);
    expect(a.mase).toBeCloseTo(4 / 3 / 2, 10);
    expect(a.relativeError).toBeCloseTo(4 / 3 / 5, 10);
    expect(a.points).toBe(3);
  });

  it('when the naive scale is zero, then MASE is null rather than infinite', () => {
    expect(accuracyOf([{ actual: 1, predicted: 2, step: 0 }], 0).mase).toBeNull();
    expect(naiveScale([4, 4, 4, 4, 4, 4, 4, 4, 4], 7)).toBe(0);
  });

  it('when the history is 180 days, then four weekly origins cover the last 28 days', () => {
    expect(backtestPlan(180, 7)).toEqual({ train: 152, block: 7, origins: [152, 159, 166, 173] });
    expect(backtestPlan(28, 7)).toEqual({ train: 21, block: 7, origins: [21] });
  });
});

describe('fitting', () => {
  it('when minimising a shifted quadratic, then Nelder-Mead finds its minimum', () => {
    const { x } = nelderMead((p) => (p[0]! - 3) ** 2 + 2 * (p[1]! + 1) ** 2, [0, 0], {
      tolerance: 1e-12,
      maxEvaluations: 500,
    });
    expect(x[0]).toBeCloseTo(3, 3);
    expect(x[1]).toBeCloseTo(-1, 3);
  });

  it('when a random walk plus noise is fitted, then simple smoothing takes a large alpha and a flat one a small alpha', () => {
    const step = gaussian(prng(5));
    const walk: number[] = [];
    let v = 50;
    for (let t = 0; t < 150; t++) walk.push((v += 3 * step()) + 0.3 * step());
    const flat = generateSeries({ length: 150, level: 50, noise: 0.1, seed: 1 });
    const spec = { error: 'A', trend: 'N', season: 'N' } as const;
    expect(fitEts(walk, spec, 1)!.params.alpha).toBeGreaterThan(0.5);
    expect(fitEts(flat, spec, 1)!.params.alpha).toBeLessThan(0.2);
  });

  it('when the horizon grows, then the analytic forecast variance never shrinks', () => {
    const series = generateSeries({ length: 150, level: 50, trend: 0.2, noise: 0.1, seed: 2 });
    const fit = fitEts(series, { error: 'A', trend: 'A', season: 'A' }, 7)!;
    const v = forecastVariances(fit, fit.final, 30);
    expect(v[0]).toBeCloseTo(fit.sigma ** 2, 10);
    for (let h = 1; h < v.length; h++) expect(v[h]!).toBeGreaterThanOrEqual(v[h - 1]!);
  });

  it('when asked for normal quantiles, then they match the tables', () => {
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.005)).toBeCloseTo(-2.575829, 5);
    expect(studentQuantile(0.9, 5)).toBeCloseTo(1.475884, 2);
    expect(studentQuantile(0.975, 10)).toBeCloseTo(2.228139, 2);
    expect(studentQuantile(0.9, 1000)).toBeCloseTo(1.2824, 3);
  });

  it('when generated twice with the same seed, then the series are identical (and differ for another seed)', () => {
    const spec = { length: 60, level: 20, noise: 0.3, seed: 11, zeroChance: 0.3 };
    expect(generateSeries(spec)).toEqual(generateSeries(spec));
    expect(generateSeries({ ...spec, seed: 12 })).not.toEqual(generateSeries(spec));
  });
});
