/**
 * Seeded demand series with known level, trend, weekly pattern, noise and intermittency,
 * for the accuracy tests and `npm run bench:forecast`. Deterministic: same seed, same series.
 */
import { gaussian, prng } from './stats';

export interface SyntheticSpec {
  length: number;
  /** Expected demand per period at t = 0 (the size of a sale for intermittent series). */
  level: number;
  /** Change of the level per period (units). */
  trend?: number;
  /** Seven multipliers of the level, one per position of the week (t mod 7). */
  weekly?: readonly number[];
  /** Noise standard deviation as a fraction of the level at t = 0. */
  noise?: number;
  /** Chance that a period has no demand at all (intermittency). */
  zeroChance?: number;
  /** Noise in proportion to each period's expected demand instead of the first level. */
  relativeNoise?: boolean;
  /** From period `at` on, the expected demand is multiplied by `factor` (a level shift). */
  shift?: { at: number; factor: number };
  /** Periods `from` ≤ t < `to` sell `factor` times the expected demand (a promotion). */
  promotion?: { from: number; to: number; factor: number };
  seed: number;
}

/** Whole-unit, non-negative demand drawn from the spec. */
export function generateSeries(spec: SyntheticSpec): number[] {
  const u = prng(spec.seed);
  const z = gaussian(u);
  const out: number[] = [];
  for (let t = 0; t < spec.length; t++) {
    const weekly = spec.weekly ? spec.weekly[t % 7]! : 1;
    let expected = (spec.level + (spec.trend ?? 0) * t) * weekly;
    if (spec.shift && t >= spec.shift.at) expected *= spec.shift.factor;
    const { promotion } = spec;
    if (promotion && t >= promotion.from && t < promotion.to) expected *= promotion.factor;
    const noisy = expected + (spec.noise ?? 0) * (spec.relativeNoise ? expected : spec.level) * z();
    if (spec.zeroChance !== undefined) {
      const sells = u() >= spec.zeroChance;
      out.push(sells ? Math.max(1, Math.round(noisy)) : 0);
    } else out.push(Math.max(0, Math.round(noisy)));
  }
  return out;
}

export type SeriesKind =
  | 'smooth'
  | 'trend_season'
  | 'multiplicative'
  | 'noisy'
  | 'intermittent'
  | 'level_shift'
  | 'late_promotion';
export const SERIES_KINDS: readonly SeriesKind[] = [
  'smooth',
  'trend_season',
  'multiplicative',
  'noisy',
  'intermittent',
  'level_shift',
  'late_promotion',
];

/** A weekly profile peaking at position `peak` with relative amplitude `amplitude`. */
export function weeklyProfile(peak: number, amplitude: number): number[] {
  return Array.from(
    { length: 7 },
    (_, j) => 1 + amplitude * Math.cos((2 * Math.PI * (j - peak)) / 7),
  );
}

/**
 * A random spec of one kind (its parameters drawn from the seed) and its series. `history`
 * (default: all but the last 28 periods) places the level shift in its second half and the
 * promotion in its last two weeks.
 */
export function syntheticOfKind(
  kind: SeriesKind,
  seed: number,
  length: number,
  { history = Math.max(1, length - 28) }: { history?: number } = {},
) {
  const u = prng(seed * 7919 + 17);
  const between = (a: number, b: number) => a + (b - a) * u();
  const peak = Math.floor(u() * 7);
  let spec: SyntheticSpec;
  switch (kind) {
    case 'smooth':
      spec = {
        length,
        seed,
        level: between(20, 80),
        weekly: weeklyProfile(peak, between(0, 0.1)),
        noise: 0.08,
      };
      break;
    case 'trend_season': {
      const level = between(20, 60);
      const up = u() < 0.5;
      const trend = up ? between(0.002, 0.006) * level : -between(0.001, 0.003) * level;
      spec = {
        length,
        seed,
        level,
        trend,
        weekly: weeklyProfile(peak, between(0.2, 0.45)),
        noise: 0.1,
      };
      break;
    }
    case 'noisy':
      spec = {
        length,
        seed,
        level: between(10, 30),
        weekly: weeklyProfile(peak, between(0, 0.15)),
        noise: 0.35,
      };
      break;
    case 'intermittent':
      spec = { length, seed, level: between(1.5, 6), noise: 0.4, zeroChance: between(0.6, 0.9) };
      break;
    case 'multiplicative': {
      // a strong weekly pattern and noise that both scale with a level that grows (by 50–150%
      // over the series) or falls (by 30–50%)
      const level = between(15, 50);
      const up = u() < 0.5;
      const change = up ? between(0.5, 1.5) : -between(0.3, 0.5);
      spec = {
        length,
        seed,
        level,
        trend: (change * level) / length,
        weekly: weeklyProfile(peak, between(0.4, 0.7)),
        noise: 0.12,
        relativeNoise: true,
      };
      break;
    }
    case 'level_shift': {
      const up = u() < 0.5;
      spec = {
        length,
        seed,
        level: between(20, 60),
        weekly: weeklyProfile(peak, between(0.1, 0.3)),
        noise: 0.1,
        shift: {
          at: Math.floor(between(0.5, 0.85) * history),
          factor: up ? between(1.3, 1.7) : between(0.5, 0.75),
        },
      };
      break;
    }
    case 'late_promotion': {
      const days = Math.floor(between(4, 11));
      const from = history - 14 + Math.floor(u() * (14 - days + 1));
      spec = {
        length,
        seed,
        level: between(20, 60),
        weekly: weeklyProfile(peak, between(0.1, 0.3)),
        noise: 0.1,
        promotion: { from, to: from + days, factor: between(1.5, 2.5) },
      };
      break;
    }
  }
  return { kind, spec, peak, series: generateSeries(spec) };
}
