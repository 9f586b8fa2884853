/** Its lines' totals beside what the invoice says they come to. */
export interface InvoiceTotals {
  lines: number;
  expected: number | null;
  difference: number | null;
  addsUp: boolean;
}

const cents = (n: number) => Math.round(n * 100) / 100;

/**
 * What the lines come to against what the invoice says they come to: its total less tax (or
 * its subtotal when it states no total). Within a cent adds up; nothing stated adds up.
 */
export function totalsOf(inv: {
  linesTotal: number;
  subtotal: number | null;
  tax: number | null;
  total: number | null;
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
    addsUp: difference === null || Math.abs(difference) <= 0.01,
  };
}
