/**
 * Seeded demand series with known level, trend, weekly pattern, noise and intermittency,
 * for the accuracy tests and `npm run bench:forecast`. Deterministic: same seed, same series.
 */

/** mulberry32: a small, fast, well-mixed 32-bit PRNG returning [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws (Box-Muller) from a uniform source. */
export function gaussian(uniform: () => number): () => number {
  return () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}

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
  seed: number;
}

/** Whole-unit, non-negative demand drawn from the spec. */
export function generateSeries(spec: SyntheticSpec): number[] {
  const u = prng(spec.seed);
  const z = gaussian(u);
  const out: number[] = [];
  for (let t = 0; t < spec.length; t++) {
    const weekly = spec.weekly ? spec.weekly[t % 7]! : 1;
    const expected = (spec.level + (spec.trend ?? 0) * t) * weekly;
    const noisy = expected + (spec.noise ?? 0) * spec.level * z();
    if (spec.zeroChance !== undefined) {
      const sells = u() >= spec.zeroChance;
      out.push(sells ? Math.max(1, Math.round(noisy)) : 0);
    } else out.push(Math.max(0, Math.round(noisy)));
  }
  return out;
}

export type SeriesKind = 'smooth' | 'trend_season' | 'noisy' | 'intermittent';
export const SERIES_KINDS: readonly SeriesKind[] = [
  'smooth',
  'trend_season',
  'noisy',
  'intermittent',
];

/** A weekly profile peaking at position `peak` with relative amplitude `amplitude`. */
export function weeklyProfile(peak: number, amplitude: number): number[] {
  return Array.from(
    { length: 7 },
    (_, j) => 1 + amplitude * Math.cos((2 * Math.PI * (j - peak)) / 7),
  );
}

/** A random spec of one kind (its parameters drawn from the seed) and its series. */
export function syntheticOfKind(kind: SeriesKind, seed: number, length: number) {
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
  }
  return { kind, spec, peak, series: generateSeries(spec) };
}
