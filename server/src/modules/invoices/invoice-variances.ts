import { formatMoney, toCents } from '../../core/limits';
import { PRICE_TOLERANCE } from './invoice-conflicts';

/**
 * A difference between what is invoiced and what was ordered or received, in words and in
 * money: `amount` is what the invoice bills more (negative: less) because of it.
 */
export interface Variance {
  kind: 'price_vs_order' | 'price_vs_last_cost' | 'quantity_vs_receipt';
  expected: number;
  actual: number;
  amount: number;
  message: string;
}

const money = (n: number) => formatMoney(toCents(Math.abs(n)));
const cents = (n: number) => Math.round(n * 100) / 100;
const units = (n: number) => `${n} unit${n === 1 ? '' : 's'}`;

/**
 * A line's variances. Price: its unit cost against the order line's (any cent counts: the
 * order is what was agreed), or without an order against the supplier's last cost (beyond the
 * conflicts' tolerance). Quantity: what it bills against what was received and not invoiced,
 * when something was.
 */
export function lineVariances(
  line: { quantity: number; unitCost: number; lastCost?: number | null },
  against: { ordered: { orderNumber: string; unitCost: number } | null; received: number },
): Variance[] {
  const out: Variance[] = [];
  const q = line.quantity;
  const c = line.unitCost;
  const { ordered } = against;
  if (ordered && toCents(c) !== toCents(ordered.unitCost)) {
    const gap = cents(c - ordered.unitCost);
    const word = gap > 0 ? 'more' : 'less';
    out.push({
      kind: 'price_vs_order',
      expected: ordered.unitCost,
      actual: c,
      amount: cents(gap * q),
      message: `Billed at ${money(c)} a unit, ordered at ${money(ordered.unitCost)} on ${ordered.orderNumber}: ${money(gap)} ${word} a unit, ${money(gap * q)} ${word} on ${units(q)}`,
    });
  } else if (!ordered && line.lastCost !== undefined && line.lastCost !== null) {
    const gap = cents(c - line.lastCost);
    if (Math.abs(gap) > Math.max(0.01, line.lastCost * PRICE_TOLERANCE)) {
      const word = gap > 0 ? 'more' : 'less';
      out.push({
        kind: 'price_vs_last_cost',
        expected: line.lastCost,
        actual: c,
        amount: cents(gap * q),
        message: `Billed at ${money(c)} a unit, last bought at ${money(line.lastCost)}: ${money(gap)} ${word} a unit, ${money(gap * q)} ${word} on ${units(q)}`,
      });
    }
  }
  const r = against.received;
  if (r > 0 && r !== q) {
    const d = q - r;
    out.push({
      kind: 'quantity_vs_receipt',
      expected: r,
      actual: q,
      amount: cents(d * c),
      message:
        d > 0
          ? `${q} billed, ${r} received and not yet invoiced: ${d} more than received, ${money(d * c)} billed for goods not received`
          : `${q} billed, ${r} received and not yet invoiced: ${-d} fewer than received (${money(d * c)} less); those stay to be invoiced`,
    });
  }
  return out;
}
