import {
  DiscountTooLarge,
  divHalfUp,
  price,
  share,
  type PricingLine,
  type TaxRule,
} from './pricing';

/*
 * The till's arithmetic on its own (the SPA prices offline sales with this same module): the
 * rule in pricing.ts checked line by line on generated sales, and two worked examples.
 */

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

const RATES: TaxRule[] = [
  { id: 'zero', name: 'Zero', rateBps: 0 },
  { id: 'reduced', name: 'Reduced', rateBps: 550 },
  { id: 'odd', name: 'Odd', rateBps: 750 },
  { id: 'standard', name: 'Standard', rateBps: 2000 },
  { id: 'high', name: 'High', rateBps: 2500 },
];

function caseOf(next: () => number) {
  const n = 1 + Math.floor(next() * 6);
  const lines: PricingLine[] = Array.from({ length: n }, () => {
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

const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

describe('the till’s arithmetic (pricing.ts, per line, half up, in cents)', () => {
  it('on 2,000 generated sales, every line follows the rule and the sale adds up from its lines', () => {
    const next = random(22);
    let refused = 0;
    for (let i = 0; i < 2000; i++) {
      const { lines, opts } = caseOf(next);
      let priced;
      try {
        priced = price(lines, opts);
      } catch (error) {
        expect(error).toBeInstanceOf(DiscountTooLarge);
        const e = error as DiscountTooLarge;
        expect(e.discount).toBeGreaterThan(e.of);
        refused++;
        continue;
      }
      const gross = lines.map((l) => BigInt(l.quantity) * l.unitPrice);
      priced.lines.forEach((p, j) => {
        const line = lines[j]!;
        const bps = BigInt(line.tax?.rateBps ?? 0);
        const net = gross[j]! - p.discount;
        expect(p.gross).toBe(gross[j]);
        expect(net).toBeGreaterThanOrEqual(0n);
        expect(p.tax).toBe(divHalfUp(net * bps, opts.pricesIncludeTax ? 10000n + bps : 10000n));
        expect(p.total).toBe(opts.pricesIncludeTax ? net : net + p.tax);
      });
      expect(priced.subtotal).toBe(sum(gross));
      expect(priced.discountTotal).toBe(sum(priced.lines.map((l) => l.discount)));
      expect(priced.taxTotal).toBe(sum(priced.lines.map((l) => l.tax)));
      expect(priced.total).toBe(sum(priced.lines.map((l) => l.total)));
      // The breakdown by rate holds every taxed line once.
      expect(sum(priced.taxes.map((t) => t.tax))).toBe(
        sum(priced.lines.filter((_, j) => lines[j]!.tax).map((l) => l.tax)),
      );
    }
    // Some discounts were larger than their lines and were refused; most were not.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThan(400);
  });

  it('shares a sale discount over the lines in proportion, exactly, largest remainder first', () => {
    expect(share(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    expect(share(1n, [1200n, 100n, 100n])).toEqual([1n, 0n, 0n]);
    expect(share(7n, [0n, 0n])).toEqual([0n, 0n]);
    const next = random(7);
    for (let i = 0; i < 500; i++) {
      const weights = Array.from({ length: 1 + Math.floor(next() * 8) }, () =>
        BigInt(Math.floor(next() * 10_000)),
      );
      const total = sum(weights);
      const amount = BigInt(Math.floor(next() * Number(total)));
      const shares = share(amount, weights);
      if (total === 0n) continue;
      expect(sum(shares)).toBe(amount);
      // Each share is its exact proportion rounded down or up, never further off.
      shares.forEach((s, j) => {
        const exactFloor = (amount * weights[j]!) / total;
        expect(s === exactFloor || s === exactFloor + 1n).toBe(true);
      });
    }
  });

  it('rounds tax per line, half up: three lines of 0.10 at 7.5% added are 0.01 each, 0.03 in all', () => {
    const line = { quantity: 1, listPrice: 10n, unitPrice: 10n, tax: RATES[2]! };
    const priced = price([line, line, line], { pricesIncludeTax: false });
    expect(priced.lines.map((l) => l.tax)).toEqual([1n, 1n, 1n]);
    expect(priced.taxTotal).toBe(3n);
    expect(priced.total).toBe(33n);
  });

  it('takes included tax out of each line (11.99 at 20% holds 2.00, 1.00 holds 0.17) and shares a sale discount exactly', () => {
    const l = (cents: bigint) => ({
      quantity: 1,
      listPrice: cents,
      unitPrice: cents,
      tax: RATES[3]!,
    });
    const priced = price([l(1200n), l(100n), l(100n)], {
      pricesIncludeTax: true,
      saleDiscount: { amount: 0.01 },
    });
    expect(priced.discountTotal).toBe(1n);
    expect(priced.lines.map((x) => x.discount)).toEqual([1n, 0n, 0n]);
    expect(priced.total).toBe(1399n);
    expect(priced.taxes).toEqual([
      { taxRateId: 'standard', name: 'Standard', rateBps: 2000, taxable: 1165n, tax: 234n },
    ]);
  });
});
