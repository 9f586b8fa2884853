import type { Db } from '../../db/pool';

/** An order was placed: the supplier's last cost and order date for each product on it. */
export async function recordOrdered(
  db: Db,
  storeId: string,
  supplierId: string,
  lines: Array<{ productId: string; unitCost: number }>,
) {
  await db.query(
    `INSERT INTO supplier_items (store_id, supplier_id, product_id, last_cost, last_cost_at, last_ordered_at)
     SELECT $1, $2, l.product_id, l.unit_cost, now(), now()
     FROM jsonb_to_recordset($3::jsonb) AS l(product_id uuid, unit_cost numeric)
     ORDER BY l.product_id
     ON CONFLICT (supplier_id, product_id) DO UPDATE SET last_cost = excluded.last_cost,
       last_cost_at = now(), last_ordered_at = now(), updated_at = now()`,
    [storeId, supplierId, costsJson(lines)],
  );
}

/** Goods came in at a known cost (an invoice line): the supplier's last cost for them. */
export async function recordCosts(
  db: Db,
  storeId: string,
  supplierId: string,
  lines: Array<{ productId: string; unitCost: number }>,
) {
  if (!lines.length) return;
  await db.query(
    `INSERT INTO supplier_items (store_id, supplier_id, product_id, last_cost, last_cost_at)
     SELECT $1, $2, l.product_id, l.unit_cost, now()
     FROM jsonb_to_recordset($3::jsonb) AS l(product_id uuid, unit_cost numeric)
     ORDER BY l.product_id
     ON CONFLICT (supplier_id, product_id) DO UPDATE SET last_cost = excluded.last_cost,
       last_cost_at = now(), updated_at = now()`,
    [storeId, supplierId, costsJson(lines)],
  );
}

const costsJson = (lines: Array<{ productId: string; unitCost: number }>) =>
  JSON.stringify(lines.map((l) => ({ product_id: l.productId, unit_cost: l.unitCost.toFixed(2) })));
