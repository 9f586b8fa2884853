import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';
import type { Priority } from './suggestion';

export type ListStatus = 'draft' | 'ordered' | 'archived';

/** A list as the views show it, with who made it (list-items.ts names them). */
export type ListRow = StoredListRow & { created_by_name: string | null };

export type StoredListRow = Row<
  'shopping_lists',
  'id' | 'name' | 'optimized_at' | 'ordered_at' | 'created_by' | 'created_at' | 'updated_at'
> & {
  status: ListStatus;
  criteria: Record<string, unknown>;
  item_count: number;
  purchased_count: number;
  estimated_total: string;
  actual_total: string | null;
};

/**
 * An item as lists show and weigh it: the stored item with its product (name, SKU, stock,
 * expiry, pack), its suppliers' names and its order, from the modules that own them
 * (list-items.ts).
 */
export type ItemRow = StoredItemRow &
  Row<'products', 'sku' | 'pack_size'> & {
    product_name: string;
    stock: number;
    /** `YYYY-MM-DD`: when the product's stock on hand expires. */
    expires_at: string | null;
    supplier_name: string | null;
    order_number: string | null;
    order_total: string | null;
    passed_over_supplier_name: string | null;
  };

export type StoredItemRow = Row<
  'shopping_list_items',
  | 'id'
  | 'product_id'
  | 'supplier_id'
  | 'suggested_quantity'
  | 'quantity'
  | 'reason'
  | 'estimated_unit_cost'
  | 'purchased'
  | 'actual_cost'
  | 'purchase_order_id'
  | 'passed_over_supplier_id'
  | 'passed_over_unit_cost'
  | 'passed_over_lead_time_days'
  | 'updated_at'
> & { priority: Priority };

export interface NewItem {
  productId: string;
  supplierId: string | null;
  suggestedQuantity: number;
  priority: Priority;
  reason: string;
  estimatedUnitCost: number | null;
  /** The cheaper supplier not chosen because it could not deliver in time (its price is money). */
  passedOver?: PassedOver | null;
}

export interface PassedOver {
  supplierId: string;
  unitCost: number | null;
  leadTimeDays: number;
}

const LIST = `SELECT l.id, l.name, l.status, l.criteria, l.optimized_at, l.ordered_at, l.created_by,
  l.created_at, l.updated_at,
  (SELECT count(*) FROM shopping_list_items i WHERE i.shopping_list_id = l.id)::int AS item_count,
  (SELECT count(*) FROM shopping_list_items i WHERE i.shopping_list_id = l.id AND i.purchased)::int AS purchased_count,
  (SELECT coalesce(sum(round(i.quantity * i.estimated_unit_cost, 2)), 0)
   FROM shopping_list_items i WHERE i.shopping_list_id = l.id) AS estimated_total,
  (SELECT sum(i.actual_cost) FROM shopping_list_items i WHERE i.shopping_list_id = l.id) AS actual_total
  FROM shopping_lists l`;

export async function insertList(
  db: Db,
  storeId: string,
  list: { name: string; criteria: object; userId: string; items: NewItem[] },
): Promise<string> {
  const { rows } = await db.query<Row<'shopping_lists', 'id'>>(
    `WITH list AS (
       INSERT INTO shopping_lists (store_id, name, criteria, created_by) VALUES ($1, $2, $3, $4)
       RETURNING id
     ), items AS (
       INSERT INTO shopping_list_items (store_id, shopping_list_id, product_id, supplier_id,
         suggested_quantity, quantity, priority, reason, estimated_unit_cost,
         passed_over_supplier_id, passed_over_unit_cost, passed_over_lead_time_days)
       SELECT $1, list.id, i.product_id, i.supplier_id, i.suggested_quantity, i.suggested_quantity,
         i.priority, i.reason, i.estimated_unit_cost, i.passed_over_supplier_id,
         i.passed_over_unit_cost, i.passed_over_lead_time_days
       FROM list, jsonb_to_recordset($5::jsonb) AS i(product_id uuid, supplier_id uuid,
         suggested_quantity int, priority text, reason text, estimated_unit_cost numeric,
         passed_over_supplier_id uuid, passed_over_unit_cost numeric,
         passed_over_lead_time_days int)
     )
     SELECT id FROM list`,
    [
      storeId,
      list.name,
      JSON.stringify(list.criteria),
      list.userId,
      JSON.stringify(
        list.items.map((i) => ({
          product_id: i.productId,
          supplier_id: i.supplierId,
          suggested_quantity: i.suggestedQuantity,
          priority: i.priority,
          reason: i.reason,
          estimated_unit_cost: i.estimatedUnitCost,
          passed_over_supplier_id: i.passedOver?.supplierId ?? null,
          passed_over_unit_cost: i.passedOver?.unitCost ?? null,
          passed_over_lead_time_days: i.passedOver?.leadTimeDays ?? null,
        })),
      ),
    ],
  );
  return one(rows).id;
}

export async function findList(db: Db, storeId: string, id: string, lock = false) {
  if (lock) {
    // Edits, optimisation and conversion of one list run one at a time.
    await db.query('SELECT 1 FROM shopping_lists WHERE store_id = $1 AND id = $2 FOR UPDATE', [
      storeId,
      id,
    ]);
  }
  const { rows } = await db.query<StoredListRow>(`${LIST} WHERE l.store_id = $1 AND l.id = $2`, [
    storeId,
    id,
  ]);
  return rows[0];
}

/** The list's stored items (list-items.ts adds the product, the names and the order). */
export async function items(db: Db, storeId: string, listId: string): Promise<StoredItemRow[]> {
  const { rows } = await db.query<StoredItemRow>(
    `SELECT i.id, i.product_id, i.supplier_id, i.suggested_quantity, i.quantity, i.priority,
       i.reason, i.estimated_unit_cost, i.purchased, i.actual_cost, i.purchase_order_id,
       i.passed_over_supplier_id, i.passed_over_unit_cost, i.passed_over_lead_time_days,
       i.updated_at
     FROM shopping_list_items i
     WHERE i.store_id = $1 AND i.shopping_list_id = $2`,
    [storeId, listId],
  );
  return rows;
}

export async function list(
  db: Db,
  storeId: string,
  q: { status?: ListStatus; limit: number; offset: number },
) {
  const { rows } = await db.query<StoredListRow>(
    `${LIST} WHERE l.store_id = $1 AND ($2::text IS NULL OR l.status = $2)
     ORDER BY l.created_at DESC, l.id DESC LIMIT $3 OFFSET $4`,
    [storeId, q.status ?? null, q.limit, q.offset],
  );
  const { rows: c } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM shopping_lists WHERE store_id = $1 AND ($2::text IS NULL OR status = $2)`,
    [storeId, q.status ?? null],
  );
  return { rows, total: one(c).n };
}

export async function rename(db: Db, storeId: string, id: string, name: string) {
  await db.query(
    'UPDATE shopping_lists SET name = $3, updated_at = now() WHERE store_id = $1 AND id = $2',
    [storeId, id, name],
  );
}

export async function touch(db: Db, storeId: string, id: string, optimized = false) {
  await db.query(
    `UPDATE shopping_lists SET updated_at = now(),
       optimized_at = CASE WHEN $3 THEN now() ELSE optimized_at END
     WHERE store_id = $1 AND id = $2`,
    [storeId, id, optimized],
  );
}

export async function markOrdered(db: Db, storeId: string, id: string) {
  await db.query(
    `UPDATE shopping_lists SET status = 'ordered', ordered_at = now(), updated_at = now()
     WHERE store_id = $1 AND id = $2`,
    [storeId, id],
  );
}

export async function remove(db: Db, storeId: string, id: string) {
  await db.query('DELETE FROM shopping_lists WHERE store_id = $1 AND id = $2', [storeId, id]);
}

/** The columns of an item a change may set (API field → column). */
const ITEM_COLUMNS = {
  quantity: 'quantity',
  purchased: 'purchased',
  actualCost: 'actual_cost',
  supplierId: 'supplier_id',
  estimatedUnitCost: 'estimated_unit_cost',
  purchaseOrderId: 'purchase_order_id',
  passedOverSupplierId: 'passed_over_supplier_id',
  passedOverUnitCost: 'passed_over_unit_cost',
  passedOverLeadTimeDays: 'passed_over_lead_time_days',
} as const;

export type ItemChange = Partial<Record<keyof typeof ITEM_COLUMNS, unknown>>;

export async function updateItem(
  db: Db,
  storeId: string,
  listId: string,
  itemId: string,
  change: ItemChange,
): Promise<boolean> {
  const keys = Object.keys(change) as Array<keyof typeof ITEM_COLUMNS>;
  const sets = keys.map((k, i) => `${ITEM_COLUMNS[k]} = $${i + 4}`);
  const { rowCount } = await db.query(
    `UPDATE shopping_list_items SET ${[...sets, 'updated_at = now()'].join(', ')}
     WHERE store_id = $1 AND shopping_list_id = $2 AND id = $3`,
    [storeId, listId, itemId, ...keys.map((k) => change[k])],
  );
  return (rowCount ?? 0) > 0;
}

export async function removeItem(db: Db, storeId: string, listId: string, itemId: string) {
  const { rowCount } = await db.query(
    'DELETE FROM shopping_list_items WHERE store_id = $1 AND shopping_list_id = $2 AND id = $3',
    [storeId, listId, itemId],
  );
  return (rowCount ?? 0) > 0;
}

/** The items ordered on one purchase order. */
export async function linkOrder(
  db: Db,
  storeId: string,
  listId: string,
  itemIds: readonly string[],
  purchaseOrderId: string,
) {
  await db.query(
    `UPDATE shopping_list_items SET purchase_order_id = $4, updated_at = now()
     WHERE store_id = $1 AND shopping_list_id = $2 AND id = ANY($3::uuid[])`,
    [storeId, listId, itemIds, purchaseOrderId],
  );
}
