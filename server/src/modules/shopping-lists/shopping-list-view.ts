import type { ItemRow, ListRow } from './shopping-lists.repo';

const num = (v: string | null) => (v === null ? null : Number(v));
const cents = (v: number) => Math.round(v * 100);

export function toItem(r: ItemRow) {
  const unit = num(r.estimated_unit_cost);
  return {
    id: r.id,
    product: { id: r.product_id, name: r.product_name, sku: r.sku, quantity: r.stock },
    supplier: r.supplier_id ? { id: r.supplier_id, name: r.supplier_name ?? '' } : null,
    suggestedQuantity: r.suggested_quantity,
    quantity: r.quantity,
    priority: r.priority,
    reason: r.reason,
    estimatedUnitCost: unit,
    estimatedCost: unit === null ? null : cents(unit * r.quantity) / 100,
    purchased: r.purchased,
    actualCost: num(r.actual_cost),
    purchaseOrderId: r.purchase_order_id,
    passedOver: r.passed_over_supplier_id
      ? {
          supplier: { id: r.passed_over_supplier_id, name: r.passed_over_supplier_name ?? '' },
          unitCost: num(r.passed_over_unit_cost),
          leadTimeDays: r.passed_over_lead_time_days!,
        }
      : null,
    updatedAt: r.updated_at.toISOString(),
  };
}

export type ShoppingListItem = ReturnType<typeof toItem>;

export function toSummary(r: ListRow) {
  return {
    id: r.id,
    name: r.name,
    status: r.status,
    criteria: r.criteria,
    itemCount: r.item_count,
    purchasedCount: r.purchased_count,
    estimatedTotal: Number(r.estimated_total),
    actualTotal: num(r.actual_total),
    createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null,
    optimizedAt: r.optimized_at?.toISOString() ?? null,
    orderedAt: r.ordered_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

/** The list with its items, their totals per supplier, and the orders made from it. */
export function toList(r: ListRow, rows: ItemRow[]) {
  const items = rows.map(toItem);
  const groups = new Map<
    string,
    { supplier: ShoppingListItem['supplier']; itemCount: number; estimatedCents: number }
  >();
  for (const item of items) {
    const key = item.supplier?.id ?? '';
    const g = groups.get(key) ?? { supplier: item.supplier, itemCount: 0, estimatedCents: 0 };
    g.itemCount += 1;
    g.estimatedCents += cents(item.estimatedCost ?? 0);
    groups.set(key, g);
  }
  const orders = new Map<
    string,
    { id: string; orderNumber: string; supplierId: string | null; total: number }
  >();
  for (const row of rows) {
    if (row.purchase_order_id && !orders.has(row.purchase_order_id)) {
      orders.set(row.purchase_order_id, {
        id: row.purchase_order_id,
        orderNumber: row.order_number ?? '',
        supplierId: row.supplier_id,
        total: Number(row.order_total ?? 0),
      });
    }
  }
  return {
    ...toSummary(r),
    items,
    suppliers: [...groups.values()].map((g) => ({
      supplier: g.supplier,
      itemCount: g.itemCount,
      estimatedTotal: g.estimatedCents / 100,
    })),
    purchaseOrders: [...orders.values()],
  };
}

export type ShoppingList = ReturnType<typeof toList>;
