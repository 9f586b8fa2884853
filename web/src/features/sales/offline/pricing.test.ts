import { describe, expect, it } from 'vitest';
// The API's own arithmetic, run beside the SPA's copy: a sale priced offline must come to the
// cents the server records when it accepts it.
import * as server from '../../../../../server/src/modules/sales/checkout/pricing';
import * as spa from './pricing';

type Line = spa.PricingLine;

/** A small deterministic generator (mulberry32): the same cases on every run. */
function random(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RATES = [
  { id: 'zero', name: 'Zero', rateBps: 0 },
  { id: 'reduced', name: 'Reduced', rateBps: 550 },
  { id: 'odd', name: 'Odd', rateBps: 750 },
  { id: 'standard', name: 'Standard', rateBps: 2000 },
  { id: 'high', name: 'High', rateBps: 2500 },
];

function caseOf(next: () => number) {
  const n = 1 + Math.floor(next() * 6);
  const lines: Line[] = Array.from({ length: n }, () => {
    const listPrice = BigInt(1 + Math.floor(next() * 5000));
    const override = next() < 0.2;
    const roll = next();
    return {
      quantity: 1 + Math.floor(next() * 12),
      listPrice,
      unitPrice: override ? listPrice - BigInt(Math.floor(next() * Number(listPrice))) : listPrice,
      discount:
        roll < 0.15
          ? { percent: Math.round(next() * 5000) / 100 }
          : roll < 0.25
            ? { amount: Math.floor(next() * 100) / 100 }
            : undefined,
      tax: next() < 0.15 ? null : RATES[Math.floor(next() * RATES.length)]!,
    };
  });
  const roll = next();
  const saleDiscount =
    roll < 0.3
      ? { percent: Math.round(next() * 3000) / 100 }
      : roll < 0.4
        ? { amount: Math.floor(next() * 200) / 100 }
        : undefined;
  return { lines, opts: { pricesIncludeTax: next() < 0.5, saleDiscount } };
}

/** The answer, or the discount refused, as plain data to compare. */
function outcome(f: typeof spa.price, c: ReturnType<typeof caseOf>) {
  try {
    return f(c.lines, c.opts);
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

describe('offline pricing (the SPA’s copy of the API’s per-line half-up rounding)', () => {
  it('comes to the same cents as the API on 2,000 generated sales (rates, overrides, discounts, inclusive and not)', () => {
    const next = random(22);
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const c = caseOf(next);
      const ours = outcome(spa.price, c);
      expect(ours).toEqual(outcome(server.price, c));
      if ('refused' in ours) refused++;
    }
    // Some discounts were larger than their lines: both refuse those alike.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(400);
  });

  it('rounds tax per line, half up: three lines of 0.10 at 7.5% added are 0.03 each, 0.09 in all', () => {
    const line = { quantity: 1, listPrice: 10n, unitPrice: 10n, tax: RATES[2]! };
    const priced = spa.price([line, line, line], { pricesIncludeTax: false });
    expect(priced.lines.map((l) => l.tax)).toEqual([1n, 1n, 1n]);
    expect(priced.taxTotal).toBe(1n * 3n);
    expect(priced.total).toBe(33n);
    expect(server.price([line, line, line], { pricesIncludeTax: false })).toEqual(priced);
  });

  it('takes included tax out of each line (11.99 at 20% holds 2.00, 1.00 holds 0.17) and shares a sale discount exactly', () => {
    const l = (cents: bigint) => ({
      quantity: 1,
      listPrice: cents,
      unitPrice: cents,
      tax: RATES[3]!,
    });
    const priced = spa.price([l(1200n), l(100n), l(100n)], {
      pricesIncludeTax: true,
      saleDiscount: { amount: 0.01 },
    });
    expect(priced.discountTotal).toBe(1n);
    expect(priced.lines.map((l) => l.discount)).toEqual([1n, 0n, 0n]);
    expect(priced.total).toBe(1399n);
    expect(priced.taxes).toEqual([
      { taxRateId: 'standard', name: 'Standard', rateBps: 2000, taxable: 1165n, tax: 234n },
    ]);
  });
});
