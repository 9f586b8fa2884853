/** The weights of the vendor score's components (they add up to 100). */
export const SCORE_WEIGHTS = { onTime: 30, fillRate: 30, leadTime: 15, priceChange: 15, spend: 10 };

/** A price rise this large (20%) or larger scores 0; stable or falling prices score 1. */
const WORST_PRICE_RISE = 0.2;

export interface ScoreInput {
  onTimeDeliveryRate: number | null;
  fillRate: number | null;
  averageLeadTimeDays: number | null;
  priceChange: number | null;
  spend: number;
  orders: number;
}

const clamp01 = (n: number) => Math.min(1, Math.max(0, n));

/**
 * 0–100: the weighted mean of the components a supplier has data for, each 0..1, the missing
 * ones left out (their weight shared by the others). Lead time and spend are relative to the
 * other suppliers: the fastest and the largest score 1. Null without orders.
 */
export function scoreOf(s: ScoreInput, fastestLead: number | null, largestSpend: number) {
  if (!s.orders) return null;
  const parts: Array<[number, number | null]> = [
    [SCORE_WEIGHTS.onTime, s.onTimeDeliveryRate],
    [SCORE_WEIGHTS.fillRate, s.fillRate],
    [
      SCORE_WEIGHTS.leadTime,
      s.averageLeadTimeDays === null || fastestLead === null
        ? null
        : s.averageLeadTimeDays <= 0
          ? 1
          : clamp01(Math.max(fastestLead, 0.01) / s.averageLeadTimeDays),
    ],
    [
      SCORE_WEIGHTS.priceChange,
      s.priceChange === null ? null : clamp01(1 - s.priceChange / WORST_PRICE_RISE),
    ],
    [SCORE_WEIGHTS.spend, largestSpend > 0 ? clamp01(s.spend / largestSpend) : null],
  ];
  const present = parts.filter((p): p is [number, number] => p[1] !== null);
  const weight = present.reduce((n, [w]) => n + w, 0);
  if (!weight) return null;
  return Number(((present.reduce((n, [w, v]) => n + w * v, 0) / weight) * 100).toFixed(1));
}
