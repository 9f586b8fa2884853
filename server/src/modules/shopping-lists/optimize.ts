import type { ItemChange, ItemRow } from './shopping-lists.repo';
import { cheapestSupplier, roundUpTo, type SupplierOption } from './suggestion';

export interface Change {
  itemId: string;
  field: 'supplierId' | 'estimatedUnitCost' | 'quantity';
  from: string | number | null;
  to: string | number | null;
  reason: string;
}

const money = (n: number | null) => (n === null ? 'an unknown cost' : n.toFixed(2));

/**
 * What optimising changes on each open item (not purchased, not ordered): the supplier with
 * the cheapest known cost (among the list's supplier filter, if it had one), that supplier's
 * cost as the estimate, and the quantity raised to the supplier's minimum order and to whole
 * packs. Items no supplier offers at a known cost keep their supplier.
 */
export function optimizeItems(
  rows: readonly ItemRow[],
  options: Map<string, SupplierOption[]>,
  allowed?: ReadonlySet<string>,
): Array<{ itemId: string; update: ItemChange; changes: Change[] }> {
  return rows.flatMap((row) => {
    if (row.purchased || row.purchase_order_id) return [];
    const all = options.get(row.product_id) ?? [];
    const best = cheapestSupplier(all, allowed);
    const current = all.find((o) => o.supplierId === row.supplier_id);
    const target = best && best.cost !== null ? best : current;
    const update: ItemChange = {};
    const changes: Change[] = [];
    const currentCost = row.estimated_unit_cost === null ? null : Number(row.estimated_unit_cost);

    if (target && target.supplierId !== row.supplier_id) {
      const why = current
        ? `${target.name} sells it for ${money(target.cost)}, ${current.name} for ${money(current.cost)}`
        : `${target.name} sells it for ${money(target.cost)}, the cheapest known`;
      update.supplierId = target.supplierId;
      changes.push({
        itemId: row.id,
        field: 'supplierId',
        from: row.supplier_id,
        to: target.supplierId,
        reason: why,
      });
    }
    if (target && target.cost !== null && target.cost !== currentCost) {
      update.estimatedUnitCost = target.cost;
      changes.push({
        itemId: row.id,
        field: 'estimatedUnitCost',
        from: currentCost,
        to: target.cost,
        reason: `${target.name}'s last known cost`,
      });
    }
    const minimum = target?.minOrderQuantity ?? 1;
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
    return changes.length ? [{ itemId: row.id, update, changes }] : [];
  });
}
