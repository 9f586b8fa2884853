import type { Db } from '../../db/pool';
import { PRODUCT_GROUPS, type ProductGrouping } from './groups';

/** Stock on hand per group at cost (no cost counts 0) and at price; products out of stock left out. */
export async function valuationByGroup(db: Db, storeId: string, groupBy: ProductGrouping) {
  const g = PRODUCT_GROUPS[groupBy];
  const { rows } = await db.query<{
    group_id: string | null;
    name: string;
    sku: string | null;
    units: string;
    cost_value: string;
    retail_value: string;
  }>(
    `SELECT ${g.id} AS group_id, ${g.name} AS name, ${g.sku} AS sku, sum(p.quantity) AS units,
       sum(p.quantity * coalesce(p.cost, 0)) AS cost_value, sum(p.quantity * p.price) AS retail_value
     FROM products p
       LEFT JOIN categories c ON c.id = p.category_id
       LEFT JOIN suppliers s ON s.id = p.supplier_id
     WHERE p.store_id = $1 AND p.quantity > 0
     GROUP BY 1, 2, 3`,
    [storeId],
  );
  return rows;
}
