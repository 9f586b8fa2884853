import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export type ReorderProduct = Row<
  'products',
  'id' | 'name' | 'sku' | 'quantity' | 'supplier_id' | 'category_id' | 'cost' | 'reorder_point'
> & {
  supplier_name: string | null;
  /** The supplier's status: inactive and on-hold suppliers are not ordered from. */
  supplier_status: string | null;
  created_day: string;
  /** `YYYY-MM-DD`: when its stock on hand expires. */
  expires_at: string | null;
};

/**
 * The store's active products within the filters (`suppliers`: the product's own), with
 * their own supplier; what they are bought at and from whom is the reorder decision's.
 */
export async function reorderProducts(
  db: Db,
  storeId: string,
  timezone: string,
  f: { productIds?: string[]; categories?: string[]; suppliers?: string[] },
): Promise<ReorderProduct[]> {
  const { rows } = await db.query<ReorderProduct>(
    `SELECT p.id, p.name, p.sku, p.quantity, p.supplier_id, s.name AS supplier_name,
       s.status AS supplier_status, p.category_id, p.cost, p.reorder_point,
       to_char(p.expires_at, 'YYYY-MM-DD') AS expires_at,
       to_char((p.created_at AT TIME ZONE $2)::date, 'YYYY-MM-DD') AS created_day
     FROM products p
     LEFT JOIN suppliers s ON s.id = p.supplier_id AND s.store_id = $1
     WHERE p.store_id = $1 AND p.active
       AND ($3::uuid[] IS NULL OR p.id = ANY($3::uuid[]))
       AND ($4::uuid[] IS NULL OR p.category_id = ANY($4::uuid[]))
       AND ($5::uuid[] IS NULL OR p.supplier_id = ANY($5::uuid[]))
     ORDER BY p.name, p.id`,
    [storeId, timezone, f.productIds ?? null, f.categories ?? null, f.suppliers ?? null],
  );
  return rows;
}

/** Which of these ids are not rows of `table` in the store. */
export async function foreignIds(
  db: Db,
  storeId: string,
  table: 'products' | 'categories' | 'suppliers',
  ids: readonly string[],
): Promise<string[]> {
  if (!ids.length) return [];
  const { rows } = await db.query<{ id: string }>(
    `SELECT x.id FROM unnest($2::uuid[]) AS x(id)
     WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.store_id = $1 AND t.id = x.id)`,
    [storeId, ids],
  );
  return rows.map((r) => r.id);
}
