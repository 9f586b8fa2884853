/**
 * Which ETS models are tried on a series and how the winner is chosen (AICc), and the
 * method name each one is reported under.
 */
import type { EtsSpec, SeasonKind, TrendKind } from './ets';
import { dampedStart, fitEts, type EtsFit } from './ets-fit';
import type { Method } from './types';

const TRENDS: readonly TrendKind[] = ['N', 'A', 'Ad'];

/**
 * The candidate models: the six additive ones (A,·,N and A,·,A), and for strictly positive
 * series the multiplicative seasons (A,·,M), multiplicative errors (M,·,N) and both (M,·,M).
 * (M,·,A, additive seasons on multiplicative errors, is left out: R's `ets` rarely picks it
 * on demand series, and it would cost a fifth more time.)
 */
export function candidateSpecs(m: number, positive: boolean): EtsSpec[] {
  const seasons: SeasonKind[] = m > 1 ? (positive ? ['N', 'A', 'M'] : ['N', 'A']) : ['N'];
  const specs: EtsSpec[] = [];
  for (const season of seasons)
    for (const trend of TRENDS) {
      specs.push({ error: 'A', trend, season });
      if (positive && season !== 'A') specs.push({ error: 'M', trend, season });
    }
  return specs;
}

export function etsMethod(spec: EtsSpec): Method {
  const trend = spec.trend === 'N' ? 0 : spec.trend === 'A' ? 1 : 2;
  if (spec.season === 'M')
    return (
      [
        'seasonal_level_multiplicative',
        'holt_winters_multiplicative',
        'holt_winters_damped_multiplicative',
      ] as const
    )[trend]!;
  if (spec.season === 'A')
    return (['seasonal_level', 'holt_winters_additive', 'holt_winters_damped'] as const)[trend]!;
  return (['simple_exponential', 'holt_linear', 'holt_damped'] as const)[trend]!;
}

/** Multiplicative-error models are fitted for this many of the best additive-error ones. */
const MULTIPLICATIVE_ERROR_TWINS = 2;

/**
 * Fits the candidate ETS models and returns them best (lowest AICc) first. The additive-error
 * models are fitted first; multiplicative errors then for the trend and season of the best
 * MULTIPLICATIVE_ERROR_TWINS of them only, each starting its optimiser from its additive
 * twin (the error kind changes the likelihood's weighting, rarely which components fit: on
 * the bench this keeps R's accuracy at two thirds of the time of fitting all 15).
 */
export function rankEts(y: readonly number[], m: number): EtsFit[] {
  const positive = y.every((v) => v > 0 || Number.isNaN(v)); // (NaN: a missing period)
  const specs = candidateSpecs(m, positive);
  const byAicc = (a: EtsFit, b: EtsFit) => a.aicc - b.aicc;
  // Specs come N, A, Ad for each season: a damped trend starts from the undamped one's
  // optimum (ets-fit.ts `dampedStart`: a quarter fewer filter runs, the same choices).
  const fitted: (EtsFit | null)[] = [];
  for (const spec of specs.filter((s) => s.error === 'A')) {
    const undamped = spec.trend === 'Ad' ? fitted[fitted.length - 1] : null;
    fitted.push(
      fitEts(y, spec, m, undamped?.spec.trend === 'A' ? { start: dampedStart(undamped) } : {}),
    );
  }
  const additive = fitted.filter((f): f is EtsFit => f !== null).sort(byAicc);
  const multiplicative: EtsFit[] = [];
  for (const twin of additive.slice(0, MULTIPLICATIVE_ERROR_TWINS)) {
    const spec = specs.find(
      (s) => s.error === 'M' && s.trend === twin.spec.trend && s.season === twin.spec.season,
    );
    const fit = spec && fitEts(y, spec, m, { start: twin.solution });
    if (fit) multiplicative.push(fit);
  }
  return [...additive, ...multiplicative].filter((f) => Number.isFinite(f.aicc)).sort(byAicc);
}
