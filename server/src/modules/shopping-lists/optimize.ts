import type { ItemChange, ItemRow } from './shopping-lists.repo';
import type { OptimizeCriteria } from './shopping-lists.schemas';
import { targetsOf } from './optimize-targets';
import { roundUpTo, type Priority, type SupplierOption } from './suggestion';

export interface Change {
  itemId: string;
  field: 'supplierId' | 'estimatedUnitCost' | 'quantity';
  from: string | number | null;
  to: string | number | null;
  reason: string;
}

const money = (n: number | null) => (n === null ? 'an unknown cost' : n.toFixed(2));
const RANK: Record<Priority, number> = { urgent: 0, high: 1, medium: 2, low: 3 };

interface Planned {
  row: ItemRow;
  update: ItemChange;
  changes: Change[];
  quantity: number;
  unitCost: number | null;
}

/**
 * What optimising changes on each open item (not purchased, not ordered), by the criteria:
 * the supplier (optimize-targets.ts: price against lead time, preferred suppliers, fewer
 * orders), that supplier's cost as the estimate, the quantity raised to the supplier's
 * minimum order (unless `respectMinimumOrders` is false) and to whole packs, and with a
 * `budget`, quantities cut so the open items cost no more, the most pressing items funded
 * first. Every change says why.
 */
export function optimizeItems(
  rows: readonly ItemRow[],
  options: Map<string, SupplierOption[]>,
  c: {
    criteria: OptimizeCriteria;
    allowed?: ReadonlySet<string>;
    runsOutInDays: (productId: string) => number | null;
  },
): Array<{ itemId: string; update: ItemChange; changes: Change[] }> {
  const { criteria } = c;
  const open = rows.filter((r) => !r.purchased && !r.purchase_order_id);
  const targets = targetsOf(open, options, {
    minimizeCost: criteria.minimizeCost,
    preferred: criteria.preferredSuppliers ? new Set(criteria.preferredSuppliers) : undefined,
    consolidateOrders: criteria.consolidateOrders,
    allowed: c.allowed,
    runsOutInDays: c.runsOutInDays,
  });
  const planned = open.map((row) => {
    const all = options.get(row.product_id) ?? [];
    const current = all.find((o) => o.supplierId === row.supplier_id);
    const { supplier: target, why, passedOver } = targets.get(row.id)!;
    const update: ItemChange = {};
    const changes: Change[] = [];
    const currentCost = row.estimated_unit_cost === null ? null : Number(row.estimated_unit_cost);
    let unitCost = currentCost;

    if (target && target.supplierId !== row.supplier_id) {
      const reason =
        why ??
        (current
          ? `${target.name} sells it for ${money(target.cost)}, ${current.name} for ${money(current.cost)}`
          : `${target.name} sells it for ${money(target.cost)}, the cheapest known`);
      update.supplierId = target.supplierId;
      // The cheaper supplier passed over for lead time, if that is why (else none).
      update.passedOverSupplierId = passedOver?.supplierId ?? null;
      update.passedOverUnitCost = passedOver?.cost ?? null;
      update.passedOverLeadTimeDays = passedOver?.leadTimeDays ?? null;
      changes.push({
        itemId: row.id,
        field: 'supplierId',
        from: row.supplier_id,
        to: target.supplierId,
        reason,
      });
    }
    if (target && target.cost !== null && target.cost !== currentCost) {
      update.estimatedUnitCost = target.cost;
      unitCost = target.cost;
      changes.push({
        itemId: row.id,
        field: 'estimatedUnitCost',
        from: currentCost,
        to: target.cost,
        reason: `${target.name}'s last known cost`,
      });
    }
    const minimum = criteria.respectMinimumOrders ? (target?.minOrderQuantity ?? 1) : 1;
    let quantity = row.quantity;
    const reasons: string[] = [];
    if (quantity > 0 && quantity < minimum) {
      quantity = minimum;
      reasons.push(`${target!.name} sells at least ${minimum}`);
    }
    const packed = quantity > 0 ? roundUpTo(quantity, row.pack_size) : quantity;
    if (packed !== quantity) {
      quantity = packed;
      reasons.push(`it comes in packs of ${row.pack_size}`);
    }
    if (quantity !== row.quantity) {
      update.quantity = quantity;
      changes.push({
        itemId: row.id,
        field: 'quantity',
        from: row.quantity,
        to: quantity,
        reason: reasons.join(' and '),
      });
    }
    return { row, update, changes, quantity, unitCost };
  });
  if (criteria.budget !== undefined) withinBudget(planned, criteria.budget);
  return planned
    .filter((p) => p.changes.length)
    .map((p) => ({ itemId: p.row.id, update: p.update, changes: p.changes }));
}

/**
 * Cuts quantities so the open items' estimated cost is within the budget: the most pressing
 * items (priority, then the list's order) keep theirs, the rest get what the money left buys
 * (whole packs), down to 0. Items of unknown cost cannot be priced and are left as they are.
 */
function withinBudget(planned: Planned[], budget: number) {
  let left = Math.round(budget * 100);
  const order = planned
    .map((p, i) => ({ p, i }))
    .sort((a, b) => RANK[a.p.row.priority] - RANK[b.p.row.priority] || a.i - b.i);
  for (const { p } of order) {
    if (p.unitCost === null || p.quantity <= 0) continue;
    const unit = Math.round(p.unitCost * 100);
    if (p.quantity * unit <= left) {
      left -= p.quantity * unit;
      continue;
    }
    const affordable = unit > 0 ? Math.floor(left / unit) : p.quantity;
    const step = p.row.pack_size && p.row.pack_size > 1 ? p.row.pack_size : 1;
    const quantity = Math.floor(affordable / step) * step;
    left -= quantity * unit;
    p.changes.push({
      itemId: p.row.id,
      field: 'quantity',
      from: p.quantity,
      to: quantity,
      reason:
        quantity === 0
          ? `the budget of ${money(budget)} is spent on more pressing items`
          : `the budget of ${money(budget)} buys ${quantity} after more pressing items`,
    });
    p.quantity = quantity;
    p.update.quantity = quantity;
  }
}
