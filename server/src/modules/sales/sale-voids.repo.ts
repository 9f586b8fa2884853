import type { Db } from '../../db/pool';

/** A void's writes to the sale (sale-reversals.ts): its mark, and the units it puts back. */
export async function markVoided(
  db: Db,
  storeId: string,
  id: string,
  v: { userId: string; reason: string },
) {
  await db.query(
    `UPDATE sales SET status = 'voided', voided_at = now(), voided_by = $3, void_reason = $4
     WHERE store_id = $1 AND id = $2`,
    [storeId, id, v.userId, v.reason],
  );
}

/** Units sold per product on a sale, for putting them back. */
export async function unitsByProduct(db: Db, storeId: string, saleId: string) {
  const { rows } = await db.query<{ product_id: string; units: number }>(
    `SELECT product_id, sum(quantity)::int AS units FROM sale_items
     WHERE store_id = $1 AND sale_id = $2 GROUP BY product_id ORDER BY product_id`,
    [storeId, saleId],
  );
  return rows.map((r) => ({ productId: r.product_id, units: r.units }));
}
