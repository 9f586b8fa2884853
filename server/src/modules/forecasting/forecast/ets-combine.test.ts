import { akaikeMembers, combineForecasts } from './ets-combine';
import { pointForecasts } from './ets';
import { fitEts, type EtsFit } from './ets-fit';
import { rankEts } from './ets-select';
import { estimationVariances, forecastVariances, totalVariances } from './ets-variance';
import { generateSeries, weeklyProfile } from './synthetic';

const series = generateSeries({
  length: 150,
  level: 30,
  trend: 0.05,
  weekly: weeklyProfile(2, 0.3),
  noise: 0.1,
  seed: 11,
});

describe('combining models by Akaike weight', () => {
  it('when two models are 2 AICc points apart, then their weights are 1 : e⁻¹ and sum to 1', () => {
    const fit = fitEts(series, { error: 'A', trend: 'A', season: 'A' }, 7)!;
    const worse: EtsFit = { ...fit, aicc: fit.aicc + 2 };
    const members = akaikeMembers([fit, worse]);
    expect(members.map((m) => m.weight)).toEqual([
      expect.closeTo(1 / (1 + Math.exp(-1)), 10),
      expect.closeTo(Math.exp(-1) / (1 + Math.exp(-1)), 10),
    ]);
  });

  it('when a model is far behind (weight under 5%), then it is left out and the best stands alone', () => {
    const fit = fitEts(series, { error: 'A', trend: 'A', season: 'A' }, 7)!;
    const members = akaikeMembers([fit, { ...fit, aicc: fit.aicc + 10 }]);
    expect(members).toEqual([{ fit, weight: 1 }]);
  });

  it('when models are combined, then the mean is their weighted mean and the variance adds their disagreement to their own', () => {
    const members = akaikeMembers(rankEts(series, 7)).slice(0, 2);
    const [a, b] = members.length === 2 ? members : [members[0]!, members[0]!];
    const pair = [
      { fit: a!.fit, weight: 0.7 },
      { fit: b!.fit, weight: 0.3 },
    ];
    const h = 14;
    const c = combineForecasts(pair, h);
    const mu = pair.map(({ fit }) => pointForecasts(fit.final, fit, h));
    const v = pair.map(({ fit }) => forecastVariances(fit, fit.final, h));
    for (const i of [0, 6, 13]) {
      const mean = 0.7 * mu[0]![i]! + 0.3 * mu[1]![i]!;
      expect(c.means[i]).toBeCloseTo(mean, 8);
      const expected =
        0.7 * (v[0]![i]! + (mu[0]![i]! - mean) ** 2) + 0.3 * (v[1]![i]! + (mu[1]![i]! - mean) ** 2);
      expect(c.variances[i]).toBeCloseTo(expected, 6);
    }
    // one member: the total's variance is the model's own or its noise plus the states'
    // estimation error, the larger
    const alone = combineForecasts([{ fit: a!.fit, weight: 1 }], h);
    const own = totalVariances(a!.fit, a!.fit.final, h)[h - 1]!;
    const noise = forecastVariances(a!.fit, a!.fit.final, 1)[0]! * h; // (additive error)
    const larger = Math.max(own, noise + estimationVariances(a!.fit, h)[h - 1]!);
    expect(a!.fit.spec.error).toBe('A');
    expect(alone.totalVariances[h - 1]).toBeCloseTo(larger, 6);
  });

  it('when the level and slope are estimated from n periods, then the total over H gains σ²(H²/n + 12(Σx)²/(n(n² − 1)))', () => {
    const fit = fitEts(series, { error: 'A', trend: 'A', season: 'A' }, 7)!;
    const n = fit.n;
    const v = estimationVariances(fit, 14);
    for (const H of [1, 7, 14]) {
      let spread = 0;
      for (let h = 1; h <= H; h++) spread += h + (n - 1) / 2;
      const expected = fit.sigma ** 2 * ((H * H) / n + (12 * spread ** 2) / (n * (n * n - 1)));
      expect(v[H - 1]).toBeCloseTo(expected, 8);
    }
    // a level-only model's slope is known to be 0: only the level term
    const level = fitEts(series, { error: 'A', trend: 'N', season: 'A' }, 7)!;
    expect(estimationVariances(level, 7)[6]).toBeCloseTo((level.sigma ** 2 * 49) / level.n, 8);
  });
});
