/**
 * Why a line of the budget plan is in or out, in words. No money: a list made from the plan
 * keeps these words, and employees read lists. The reorder point named is the product's own;
 * Nimbus's computed one is the line's `suggestedReorderPoint`.
 */
import { dayWords } from './lead-times';
import type { PlanLine } from './reorder-plan';

const runsOut = (days: number) =>
  days < 1 ? 'within a day' : `in about ${dayWords(Math.floor(days))}`;

function leadText(p: PlanLine) {
  const lead = `lead time ${dayWords(p.leadTime.days)}`;
  return p.leadTime.source === 'default' ? `${lead} (not known: assumed)` : lead;
}

/** Why it is due, with the supplier chosen for lead time when that decided. */
function dueWhy(p: PlanLine): string {
  const rop = `reorder point ${p.product.reorder_point}`;
  const why =
    p.product.quantity <= 0
      ? `urgent: out of stock (${p.stockText}, ${rop})`
      : p.priority === 'urgent'
        ? `urgent: runs out ${runsOut(p.coverDays)}, before a delivery can arrive (${leadText(p)}; ${p.stockText}, ${rop})`
        : p.priority === 'high'
          ? `at or below the reorder point (${p.stockText}, ${rop})`
          : `runs short within the lead time and ${dayWords(p.reviewDays)} (about ${dayWords(Math.floor(p.coverDays))} of stock: ${p.stockText}; ${leadText(p)}, ${rop})`;
  return p.supplierWhy ? `${why}; ${p.supplier!.name} chosen: ${p.supplierWhy}` : why;
}

function skipped(p: PlanLine): string {
  const rop = `reorder point ${p.product.reorder_point}`;
  if (p.onHold) {
    return `skipped: its supplier ${p.product.supplier_name} is ${p.product.supplier_status} (${p.stockText}, ${rop}); change its status or the product's supplier to order it`;
  }
  if (p.due) {
    return `skipped: what is on order already sells before it expires (${p.stockText}, ${rop})`;
  }
  if (p.onOrder.counted.quantity > 0) {
    return `skipped: what is on order covers it (${p.stockText}, ${rop})`;
  }
  const lasts = Number.isFinite(p.coverDays)
    ? `about ${dayWords(Math.floor(p.coverDays))} of stock: `
    : '';
  const expires = p.onHandExpiryEnds ? `; it expires on ${p.product.expires_at}` : '';
  return `skipped: enough stock for the lead time and ${dayWords(p.reviewDays)} (${lasts}${p.stockText}; ${leadText(p)}, ${rop})${expires}`;
}

export function reasonOf(
  p: PlanLine,
  quantity: number,
  limitedBy: 'budget' | 'storage' | null,
): string {
  if (p.want === 0) return skipped(p);
  if (p.unitCost === null)
    return 'skipped: no known unit cost (set the product cost or a supplier price)';
  const cover = (n: number) => `covers ${Math.round(n / p.daily)} days`;
  const why = dueWhy(p);
  if (quantity === 0) {
    return `${why}; skipped: ${limitedBy === 'storage' ? 'storage capacity' : 'budget'} exhausted`;
  }
  const capped =
    p.expiryCap !== null
      ? `, at most ${p.expiryCap}: what sells in the ${dayWords(p.shelfLife!)} a delivery keeps`
      : '';
  if (limitedBy) {
    return `${why}; ordering ${quantity} of ${p.want}${capped} (${cover(quantity)}): ${limitedBy === 'budget' ? 'budget' : 'storage capacity'} ran short`;
  }
  const basis =
    p.expiryCap !== null
      ? `${quantity}${capped}`
      : p.eoq !== null && Math.ceil(p.eoq) >= p.needed
        ? `EOQ ${Math.ceil(p.eoq)}`
        : `the need ${p.needed}`;
  return `${why}; ordering ${basis} (${cover(quantity)})`;
}
