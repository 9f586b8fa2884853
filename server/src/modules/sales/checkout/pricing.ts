/**
 * The till's arithmetic: discounts, tax and totals of a sale, in integer minor units (cents,
 * as BigInt: a quantity times a price times basis points outgrows a double's exact range).
 * Pure: the service feeds it the locked products' prices and the store's tax rules, and
 * writes what it answers in the statements a sale already runs.
 *
 * The rounding rule, per line and half up in minor units:
 * 1. a line's gross is quantity × unit price; a line discount (percent: rounded half up, or
 *    an amount) comes off it;
 * 2. a sale discount (percent of what the lines come to, rounded half up, or an amount) is
 *    shared over the lines in proportion to them, by largest remainder, so the shares add up
 *    to it exactly;
 * 3. each line's tax is computed on what is left of it and rounded half up to the cent:
 *    prices with tax added: tax = net × rate / 10000; prices including tax:
 *    tax = net × rate / (10000 + rate), the tax contained in the price;
 * 4. the sale's tax breakdown per rate is the sum of its lines' tax, and its total the sum of
 *    its lines' totals.
 * Per line rather than per total so every line on a receipt, and every refund of a line,
 * carries its own exact tax, and the lines add up to the sale without a rounding line. It can
 * differ from rounding the total once by up to half a cent per line (three lines of 0.10 at
 * 7.5% added: 0.01 a line, 0.03 in all; 0.02 on the total).
 */

export interface TaxRule {
  id: string;
  name: string;
  rateBps: number;
}

export type Discount = { percent: number } | { amount: number };

export interface PricingLine {
  quantity: number;
  /** The product's own price now, in cents. */
  listPrice: bigint;
  /** The price charged per unit, in cents (the list price unless overridden). */
  unitPrice: bigint;
  discount?: Discount;
  tax: TaxRule | null;
}

export interface PricedLine {
  gross: bigint;
  /** The line's discount and its share of the sale's. */
  discount: bigint;
  tax: bigint;
  /** What the customer pays for the line, tax included. */
  total: bigint;
}

export interface TaxBand {
  taxRateId: string;
  name: string;
  rateBps: number;
  /** What the lines at this rate come to before tax. */
  taxable: bigint;
  tax: bigint;
}

export interface Priced {
  lines: PricedLine[];
  /** Quantity × unit price over the lines, before discounts. */
  subtotal: bigint;
  discountTotal: bigint;
  taxTotal: bigint;
  total: bigint;
  taxes: TaxBand[];
}

/** a / b rounded half up, for a ≥ 0 and b > 0. */
export const divHalfUp = (a: bigint, b: bigint) => (2n * a + b) / (2n * b);

/** Percent with up to 2 decimals (12.5) as basis points of a hundred (1250). */
const percentBps = (percent: number) => BigInt(Math.round(percent * 100));

/** Where a discount is larger than what it comes off: thrown with the line's index (or -1). */
export class DiscountTooLarge extends Error {
  constructor(
    readonly line: number,
    readonly discount: bigint,
    readonly of: bigint,
  ) {
    super('discount larger than the amount');
  }
}

function discountOf(d: Discount | undefined, of: bigint, line: number): bigint {
  if (!d) return 0n;
  const cut =
    'percent' in d
      ? divHalfUp(of * percentBps(d.percent), 10000n)
      : BigInt(Math.round(d.amount * 100));
  if (cut > of) throw new DiscountTooLarge(line, cut, of);
  return cut;
}

/** `amount` shared over `weights` in proportion, by largest remainder (ties: the first line). */
export function share(amount: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n || amount === 0n) return weights.map(() => 0n);
  const exact = weights.map((w) => ({ floor: (amount * w) / sum, rest: (amount * w) % sum }));
  let left = amount - exact.reduce((a, e) => a + e.floor, 0n);
  const order = exact
    .map((e, i) => ({ i, rest: e.rest }))
    .sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i));
  const out = exact.map((e) => e.floor);
  for (const { i } of order) {
    if (left === 0n) break;
    out[i]! += 1n;
    left -= 1n;
  }
  return out;
}

export function price(
  lines: readonly PricingLine[],
  opts: { pricesIncludeTax: boolean; saleDiscount?: Discount },
): Priced {
  const gross = lines.map((l) => BigInt(l.quantity) * l.unitPrice);
  const lineCuts = lines.map((l, i) => discountOf(l.discount, gross[i]!, i));
  const after = gross.map((g, i) => g - lineCuts[i]!);
  const afterSum = after.reduce((a, b) => a + b, 0n);
  const saleCut = discountOf(opts.saleDiscount, afterSum, -1);
  const shares = share(saleCut, after);
  const bands = new Map<string, TaxBand>();
  const priced = lines.map((l, i): PricedLine => {
    const net = after[i]! - shares[i]!;
    const bps = BigInt(l.tax?.rateBps ?? 0);
    const tax = opts.pricesIncludeTax
      ? divHalfUp(net * bps, 10000n + bps)
      : divHalfUp(net * bps, 10000n);
    const total = opts.pricesIncludeTax ? net : net + tax;
    if (l.tax) {
      const band = bands.get(l.tax.id) ?? {
        taxRateId: l.tax.id,
        name: l.tax.name,
        rateBps: l.tax.rateBps,
        taxable: 0n,
        tax: 0n,
      };
      band.taxable += total - tax;
      band.tax += tax;
      bands.set(l.tax.id, band);
    }
    return { gross: gross[i]!, discount: lineCuts[i]! + shares[i]!, tax, total };
  });
  const sum = (f: (l: PricedLine) => bigint) => priced.reduce((a, l) => a + f(l), 0n);
  return {
    lines: priced,
    subtotal: sum((l) => l.gross),
    discountTotal: sum((l) => l.discount),
    taxTotal: sum((l) => l.tax),
    total: sum((l) => l.total),
    taxes: [...bands.values()].sort(
      (a, b) => a.rateBps - b.rateBps || a.name.localeCompare(b.name),
    ),
  };
}

/** Cents as the API shows money (a number with 2 decimals). */
export const toAmount = (cents: bigint) => Number(cents) / 100;
