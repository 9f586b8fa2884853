import { formatMoney, toCents } from '../../core/limits';

/** A line whose total is not its quantity × unit cost (beyond a cent of rounding). */
export interface LineMismatch {
  lineId: string;
  position: number;
  description: string | null;
  quantity: number;
  unitCost: number;
  /** What the line says it comes to, what quantity × unit cost is, and lines − expected. */
  total: number;
  expected: number;
  difference: number;
}

/** Its lines' totals beside what the invoice says they come to. */
export interface InvoiceTotals {
  lines: number;
  expected: number | null;
  difference: number | null;
  lineMismatches: LineMismatch[];
  addsUp: boolean;
}

const cents = (n: number) => Math.round(n * 100) / 100;
const money = (n: number) => formatMoney(toCents(Math.abs(n)));

/**
 * The lines whose stated total is more than a cent from quantity × unit cost: each is an
 * amount billed that nothing on the line explains (3 × 2.00 stated as 9.00 bills 3.00 more).
 */
export function lineMismatches(
  lines: Array<Omit<LineMismatch, 'expected' | 'difference'>>,
): LineMismatch[] {
  return lines.flatMap((l) => {
    const expected = cents(l.quantity * l.unitCost);
    const gap = toCents(l.total) - toCents(expected);
    if (gap >= -1n && gap <= 1n) return [];
    const { lineId, position, description, quantity, unitCost, total } = l;
    return [
      {
        lineId,
        position,
        description,
        quantity,
        unitCost: Number(unitCost),
        total: Number(total),
        expected,
        difference: cents(total - expected),
      },
    ];
  });
}

/** "line 2 (Tea): 3 × 2.00 = 6.00, but the line says 9.00 (3.00 more)". */
export const mismatchWords = (m: LineMismatch) =>
  `line ${m.position + 1} (${m.description ?? 'no description'}): ${m.quantity} × ${money(m.unitCost)} = ${money(m.expected)}, but the line says ${money(m.total)} (${money(m.difference)} ${m.difference > 0 ? 'more' : 'less'})`;

/**
 * What the lines come to against what the invoice says they come to: its total less tax (or
 * its subtotal when it states no total), and each line against its quantity × unit cost. It
 * adds up when the sum is within a cent of what is stated (or nothing is stated) and every
 * line is within a cent of its own quantity × unit cost.
 */
export function totalsOf(inv: {
  linesTotal: number;
  subtotal: number | null;
  tax: number | null;
  total: number | null;
  mismatches: LineMismatch[];
}): InvoiceTotals {
  const expected =
    inv.total !== null
      ? cents(inv.total - (inv.tax ?? 0))
      : inv.subtotal !== null
        ? inv.subtotal
        : null;
  const difference = expected === null ? null : cents(inv.linesTotal - expected);
  return {
    lines: cents(inv.linesTotal),
    expected,
    difference,
    lineMismatches: inv.mismatches,
    addsUp: (difference === null || Math.abs(difference) <= 0.01) && !inv.mismatches.length,
  };
}
