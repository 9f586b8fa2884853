import { levelShift } from './breaks';
import { rankEts } from './ets-select';
import { forecastSeries } from './index';
import { generateSeries, weeklyProfile } from './synthetic';

const daily = { horizon: 28, seasonLength: 7, period: 'day' as const, level: 0.8 };
const okOf = (r: ReturnType<typeof forecastSeries>) => {
  if (r.status !== 'ok') throw new Error(r.status);
  return r;
};

describe('a lasting level shift', () => {
  it('when weekly-patterned demand steps up or down for good, then the step and its date are found', () => {
    for (const [seed, factor] of [
      [1, 1.5],
      [2, 0.6],
    ] as const) {
      const series = generateSeries({
        length: 180,
        level: 40,
        weekly: weeklyProfile(seed, 0.25),
        noise: 0.1,
        seed,
        shift: { at: 120, factor },
      });
      const shift = levelShift(series, rankEts(series, 7)[0]!, { minAfter: 28 });
      expect(shift).not.toBeNull();
      expect(Math.abs(shift!.at - 120)).toBeLessThanOrEqual(2);
      expect(Math.abs(shift!.change - (factor - 1))).toBeLessThan(0.1);
    }
  });

  it('when demand only trends (steadily, with a weekly pattern), then no shift is found', () => {
    for (let seed = 0; seed < 5; seed++) {
      const series = generateSeries({
        length: 180,
        level: 30,
        trend: seed % 2 ? 0.1 : -0.05,
        weekly: weeklyProfile(seed, 0.3),
        noise: 0.1,
        seed,
      });
      expect(levelShift(series, rankEts(series, 7)[0]!, { minAfter: 28 })).toBeNull();
    }
  });

  it('when the shift is more recent than the periods a fit needs, then it is left to the smoothing', () => {
    const series = generateSeries({
      length: 180,
      level: 40,
      noise: 0.1,
      seed: 5,
      shift: { at: 165, factor: 1.6 },
    });
    expect(levelShift(series, rankEts(series, 7)[0]!, { minAfter: 28 })).toBeNull();
  });

  it('when demand shifted, then the forecast is fitted after it, says so, and its 80% interval is not inflated by the jump', () => {
    let covered = 0;
    let count = 0;
    for (let seed = 0; seed < 6; seed++) {
      const series = generateSeries({
        length: 208,
        level: 40,
        weekly: weeklyProfile(seed, 0.2),
        noise: 0.1,
        seed,
        shift: { at: 110, factor: seed % 2 ? 1.5 : 0.6 },
      });
      const f = okOf(forecastSeries(series.slice(0, 180), daily));
      expect(f.factors).toContainEqual(
        expect.objectContaining({
          name: 'cleaning',
          description: expect.stringMatching(
            /Demand changed for good \([+−]\d+%\): the model is fitted on the days since, the 112 days before left out$/,
          ),
        }),
      );
      series.slice(180).forEach((v, h) => {
        if (v >= f.points[h]!.lower && v <= f.points[h]!.upper) covered++;
        count++;
      });
    }
    // with the jump in the fit, 80% intervals held 92% of such days (the bench's level shifts)
    expect(covered / count).toBeGreaterThan(0.7);
    expect(covered / count).toBeLessThan(0.88);
  });
});
