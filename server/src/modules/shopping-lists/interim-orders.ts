import type { CreateOrdersInTx } from './convert';

/*
 * INTERIM, until the purchasing module's `createOrdersInTx` is merged: the smallest order
 * creation that lets conversion be built and tested. It is replaced in composition.ts by the
 * purchasing module's and then deleted.
 */
export const interimCreateOrdersInTx: CreateOrdersInTx = async (tx, _emit, ctx, orders) => {
  const out = [];
  for (const o of orders) {
    const year = new Date().getUTCFullYear();
    const { rows: n } = await tx.query<{ last_number: number }>(
      `INSERT INTO purchase_order_counters (store_id, year, last_number) VALUES ($1, $2, 1)
       ON CONFLICT (store_id, year) DO UPDATE SET last_number = purchase_order_counters.last_number + 1
       RETURNING last_number`,
      [ctx.storeId, year],
    );
    const orderNumber = `PO-${year}-${String(n[0]!.last_number).padStart(6, '0')}`;
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO purchase_orders (store_id, supplier_id, order_number, expected_at, notes,
         shopping_list_id, created_by, total)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        ctx.storeId,
        o.supplierId,
        orderNumber,
        o.expectedAt ?? null,
        o.notes ?? null,
        o.shoppingListId ?? null,
        ctx.userId,
        o.lines.reduce((s, l) => s + Math.round(l.quantity * l.unitCost * 100), 0) / 100,
      ],
    );
    let position = 0;
    for (const l of o.lines) {
      await tx.query(
        `INSERT INTO purchase_order_lines (store_id, purchase_order_id, product_id, position, quantity, unit_cost)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [ctx.storeId, rows[0]!.id, l.productId, position++, l.quantity, l.unitCost],
      );
    }
    out.push({ id: rows[0]!.id, orderNumber, supplierId: o.supplierId });
  }
  return out;
};
