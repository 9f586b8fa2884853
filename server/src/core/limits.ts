/**
 * The largest values our columns hold. Input beyond them is refused with a 400 naming the
 * field, instead of reaching an INSERT that fails (a 500).
 */

/** numeric(12,2): a price, a cost, a unit price. */
export const MONEY_MAX = 9_999_999_999.99;

/** numeric(14,2), in cents: a sale line's total and a sale's total. */
export const TOTAL_MAX_CENTS = 99_999_999_999_999n;

/** The most units a product may hold (its integer column could hold twice that). */
export const ON_HAND_MAX = 1_000_000_000;

/** Whole cents of a money amount given as a number or as PostgreSQL's numeric text. */
export function toCents(amount: number | string): bigint {
  return BigInt(Math.round(Number(amount) * 100));
}

/** 1234567.5 → "1,234,567.50", for messages. */
export function formatMoney(cents: bigint): string {
  const whole = (cents / 100n).toLocaleString('en-US');
  return `${whole}.${String(cents % 100n).padStart(2, '0')}`;
}
