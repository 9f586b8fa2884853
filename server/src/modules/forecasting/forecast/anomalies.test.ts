import { demandAnomalies } from './index';
import { generateSeries, weeklyProfile } from './synthetic';

const base = () =>
  generateSeries({ length: 120, level: 30, weekly: weeklyProfile(5, 0.3), noise: 0.08, seed: 21 });

describe('demandAnomalies', () => {
  it('when one day of the window sells four times the usual, then it is a high-severity spike at that index', () => {
    const series = base();
    series[110] = series[110]! * 4;
    const found = demandAnomalies(series, { seasonLength: 7, window: 30 });
    const spike = found.find((a) => a.index === 110);
    expect(spike).toMatchObject({ kind: 'spike', severity: 'high', observed: series[110] });
    expect(spike!.expected).toBeGreaterThan(spike!.lower);
    expect(spike!.upper).toBeLessThan(series[110]!);
  });

  it('when a day sells nothing amid steady demand, then it is a drop', () => {
    const series = base();
    series[100] = 0;
    expect(demandAnomalies(series, { seasonLength: 7, window: 30 })).toContainEqual(
      expect.objectContaining({ index: 100, kind: 'drop', severity: 'high' }),
    );
  });

  it('when a spike is followed by normal days, then those days are not flagged (the spike is clipped)', () => {
    const series = base();
    series[100] = 500;
    const flagged = demandAnomalies(series, { seasonLength: 7, window: 30 }).map((a) => a.index);
    const before = demandAnomalies(base(), { seasonLength: 7, window: 30 }).map((a) => a.index);
    expect(flagged).toContain(100);
    // the days after it are judged as they were without the spike
    expect(flagged.filter((i) => i > 100)).toEqual(before.filter((i) => i > 100));
  });

  it('when the window holds only ordinary noise, then few days (about 5% at the 95% level, 1% by default) are flagged', () => {
    let flagged = 0;
    let flaggedByDefault = 0;
    for (let seed = 0; seed < 20; seed++) {
      const series = generateSeries({
        length: 150,
        level: 40,
        weekly: weeklyProfile(seed % 7, 0.2),
        noise: 0.1,
        seed,
      });
      flagged += demandAnomalies(series, { seasonLength: 7, window: 30, level: 0.95 }).length;
      flaggedByDefault += demandAnomalies(series, { seasonLength: 7, window: 30 }).length;
    }
    expect(flagged / (20 * 30)).toBeLessThan(0.1);
    // the default 99% level flags about one ordinary day in a hundred
    expect(flaggedByDefault / (20 * 30)).toBeLessThan(0.03);
  });

  it('when demand is intermittent, then a burst far above the usual sizes is a spike and lone sales are not', () => {
    const series = generateSeries({ length: 120, level: 2, noise: 0.2, seed: 6, zeroChance: 0.75 });
    expect(demandAnomalies(series, { seasonLength: 7, window: 30, level: 0.99 })).toEqual([]);
    series[115] = 40;
    const found = demandAnomalies(series, { seasonLength: 7, window: 30, level: 0.99 });
    expect(found.map((a) => a.index)).toEqual([115]);
    expect(found[0]!.kind).toBe('spike');
    expect(found[0]!.lower).toBe(0);
  });

  it('when demand repeats exactly week after week, then only the one odd day is flagged', () => {
    const series = Array.from({ length: 120 }, (_, i) => [6, 6, 6, 6, 6, 9, 9][i % 7]!);
    series[117] = 40;
    expect(demandAnomalies(series, { seasonLength: 7, window: 30 })).toEqual([
      expect.objectContaining({
        index: 117,
        kind: 'spike',
        severity: 'high',
        expected: expect.closeTo(9, 6),
      }),
    ]);
  });

  it('when the shelf was empty for days (no stock at all), then those days are not drops, and the days after are judged as if the model ran through them', () => {
    const series = base();
    const missing = series.map((_, i) => i >= 100 && i < 105);
    for (let i = 100; i < 105; i++) series[i] = 0;
    const found = demandAnomalies(series, { seasonLength: 7, window: 30, missing });
    expect(found.filter((a) => a.index >= 100 && a.index < 105)).toEqual([]);
    // The same zeros with stock on the shelf are drops.
    const asZeros = demandAnomalies(series, { seasonLength: 7, window: 30 });
    expect(
      asZeros.filter((a) => a.index >= 100 && a.index < 105 && a.kind === 'drop'),
    ).toHaveLength(5);
    // The days after the gap are judged as without it (the state stepped through as forecasts).
    const steady = demandAnomalies(base(), { seasonLength: 7, window: 30 }).map((a) => a.index);
    expect(found.map((a) => a.index).filter((i) => i >= 105)).toEqual(
      steady.filter((i) => i >= 105),
    );
  });

  it('when the shelf was empty for most of the history, then too few days are known to judge the window', () => {
    const series = base();
    const missing = series.map((_, i) => i >= 10 && i < 80);
    for (let i = 10; i < 80; i++) series[i] = 0;
    series[115] = series[115]! * 4;
    // 20 stocked days before the window: fewer than the four weeks a judgement needs.
    expect(demandAnomalies(series, { seasonLength: 7, window: 30, missing })).toEqual([]);
    // Read as 70 days without a sale, the same history would be judged.
    expect(demandAnomalies(series, { seasonLength: 7, window: 30 }).map((a) => a.index)).toContain(
      115,
    );
  });

  it('when an intermittent item has a burst, then the empty days after it are not drops (the burst is clipped)', () => {
    const series = generateSeries({ length: 120, level: 2, noise: 0.2, seed: 6, zeroChance: 0.75 });
    series[105] = 40;
    const found = demandAnomalies(series, { seasonLength: 7, window: 30, level: 0.99 });
    expect(found.map((a) => [a.index, a.kind])).toEqual([[105, 'spike']]);
  });

  it('when the history before the window is too short, then nothing is judged', () => {
    expect(demandAnomalies(base().slice(0, 40), { seasonLength: 7, window: 30 })).toEqual([]);
  });
});
