import type { Db } from '../../db/pool';
import { isForeignKeyViolation, isUniqueViolation } from '../../db/pool';
import { assertCodesFree } from './product-codes.repo';
import { ConflictError } from '../../core/errors';
import { one, type Row } from '../../db/rows';
import type { ImageRef } from '../files/files.reads';

/** A product as `SELECT` reads it: its own columns. */
export type CatalogueRow = Omit<ProductRow, 'category_name' | 'supplier_name' | 'image'>;

/** A product row with its category's and supplier's names (theirs: products.reads.ts `named`). */
export type ProductRow = Row<
  'products',
  | 'id'
  | 'sku'
  | 'barcode'
  | 'name'
  | 'description'
  | 'category_id'
  | 'supplier_id'
  | 'brand'
  | 'department'
  | 'unit'
  | 'pack_size'
  | 'price'
  | 'cost'
  | 'reorder_point'
  | 'reorder_quantity'
  | 'location_aisle'
  | 'location_row'
  | 'location_bin'
  | 'active'
  | 'quantity'
  | 'last_sold_at'
  | 'created_at'
  | 'updated_at'
> & {
  category_name: string | null;
  supplier_name: string | null;
  /** The product's picture (the files module's: products.reads.ts `named`). */
  image: ImageRef | null;
  /** `YYYY-MM-DD` */
  expires_at: string | null;
  /** Microsecond-exact timestamps for keyset cursors (a Date keeps only milliseconds). */
  created_key: string;
  updated_key: string;
};

export const SELECT = `SELECT p.id, p.sku, p.barcode, p.name, p.description, p.category_id,
  p.supplier_id, p.brand, p.department, p.unit, p.pack_size, p.price, p.cost,
  p.reorder_point, p.reorder_quantity, p.location_aisle, p.location_row, p.location_bin,
  to_char(p.expires_at, 'YYYY-MM-DD') AS expires_at, p.active, p.quantity, p.last_sold_at,
  p.created_at, p.updated_at,
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key,
  to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS updated_key
  FROM products p`;

/** API field → column for everything a caller may write. */
export const COLUMNS = {
  sku: 'sku',
  barcode: 'barcode',
  name: 'name',
  description: 'description',
  categoryId: 'category_id',
  supplierId: 'supplier_id',
  brand: 'brand',
  department: 'department',
  unit: 'unit',
  packSize: 'pack_size',
  price: 'price',
  cost: 'cost',
  reorderPoint: 'reorder_point',
  reorderQuantity: 'reorder_quantity',
  locationAisle: 'location_aisle',
  locationRow: 'location_row',
  locationBin: 'location_bin',
  expiresAt: 'expires_at',
  active: 'active',
} as const;

export type ProductColumns = Partial<Record<keyof typeof COLUMNS, unknown>>;

function uniqueConflict(err: unknown): never {
  if (isUniqueViolation(err, 'products_store_sku_key')) {
    throw new ConflictError('A product with this SKU already exists', [
      { field: 'sku', message: 'is already used by another product', code: 'duplicate' },
    ]);
  }
  if (isUniqueViolation(err, 'products_store_barcode_key')) {
    throw new ConflictError('A product with this barcode already exists', [
      { field: 'barcode', message: 'is already used by another product', code: 'duplicate' },
    ]);
  }
  throw err;
}

export async function find(
  db: Db,
  storeId: string,
  id: string,
  lock = false,
): Promise<CatalogueRow | undefined> {
  const { rows } = await db.query<CatalogueRow>(
    `${SELECT} WHERE p.store_id = $1 AND p.id = $2${lock ? ' FOR UPDATE OF p' : ''}`,
    [storeId, id],
  );
  return rows[0];
}

export async function findByBarcode(
  db: Db,
  storeId: string,
  barcode: string,
): Promise<CatalogueRow | undefined> {
  const { rows } = await db.query<CatalogueRow>(
    `${SELECT} WHERE p.store_id = $1 AND p.barcode = $2`,
    [storeId, barcode],
  );
  return rows[0];
}

export async function findBySku(
  db: Db,
  storeId: string,
  sku: string,
): Promise<CatalogueRow | undefined> {
  const { rows } = await db.query<CatalogueRow>(
    `${SELECT} WHERE p.store_id = $1 AND lower(p.sku) = lower($2)`,
    [storeId, sku],
  );
  return rows[0];
}

/** What another module needs to order these products: active, own supplier, cost. */
export async function orderingFacts(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<
  Array<{ id: string; active: boolean; supplier_id: string | null; cost: string | null }>
> {
  if (!ids.length) return [];
  const { rows } = await db.query<Row<'products', 'id' | 'active' | 'supplier_id' | 'cost'>>(
    'SELECT id, active, supplier_id, cost FROM products WHERE store_id = $1 AND id = ANY($2::uuid[])',
    [storeId, ids],
  );
  return rows;
}

export async function insert(db: Db, storeId: string, values: ProductColumns): Promise<string> {
  const keys = Object.keys(values) as Array<keyof typeof COLUMNS>;
  await assertCodesFree(db, storeId, values);
  try {
    const { rows } = await db.query<Row<'products', 'id'>>(
      `INSERT INTO products (store_id, ${keys.map((k) => COLUMNS[k]).join(', ')})
       VALUES ($1, ${keys.map((_, i) => `$${i + 2}`).join(', ')}) RETURNING id`,
      [storeId, ...keys.map((k) => values[k])],
    );
    return one(rows).id;
  } catch (err) {
    return uniqueConflict(err);
  }
}

export async function update(
  db: Db,
  storeId: string,
  id: string,
  values: ProductColumns,
): Promise<void> {
  const keys = Object.keys(values) as Array<keyof typeof COLUMNS>;
  if (!keys.length) return;
  await assertCodesFree(db, storeId, values, id);
  try {
    // A row that would not change is left alone, so `updated_at` keeps meaning "last changed".
    const columns = keys.map((k) => COLUMNS[k]);
    const params = keys.map((_k, i) => `$${i + 3}`);
    await db.query(
      `UPDATE products SET ${columns.map((c, i) => `${c} = ${params[i]}`).join(', ')}, updated_at = now()
       WHERE store_id = $1 AND id = $2
         AND (${columns.join(', ')}, NULL) IS DISTINCT FROM (${params.join(', ')}, NULL)`,
      [storeId, id, ...keys.map((k) => values[k])],
    );
  } catch (err) {
    uniqueConflict(err);
  }
}

/** Deletes a product with its movements and history; a product that was sold or ordered stays. */
export async function remove(db: Db, storeId: string, id: string): Promise<boolean> {
  try {
    const { rowCount } = await db.query('DELETE FROM products WHERE store_id = $1 AND id = $2', [
      storeId,
      id,
    ]);
    return (rowCount ?? 0) > 0;
  } catch (err) {
    if (isForeignKeyViolation(err, 'sale_items_product_id_fkey')) {
      throw new ConflictError(
        'This product has sales, so it cannot be deleted; deactivate it instead',
      );
    }
    if (isForeignKeyViolation(err, 'purchase_order_lines_product_id_fkey')) {
      throw new ConflictError(
        'This product is on purchase orders, so it cannot be deleted; deactivate it instead',
      );
    }
    throw err;
  }
}

export async function insertHistory(
  db: Db,
  storeId: string,
  productId: string,
  userId: string,
  changes: Array<{ field: string; oldValue: string | null; newValue: string | null }>,
  reason: string,
): Promise<void> {
  if (!changes.length) return;
  await db.query(
    `INSERT INTO product_history (store_id, product_id, field, old_value, new_value, changed_by, reason)
     SELECT $1, $2, c.field, c.old_value, c.new_value, $3, $4
     FROM jsonb_to_recordset($5::jsonb) AS c(field text, old_value text, new_value text)`,
    [
      storeId,
      productId,
      userId,
      reason,
      JSON.stringify(
        changes.map((c) => ({ field: c.field, old_value: c.oldValue, new_value: c.newValue })),
      ),
    ],
  );
}

export async function listHistory(
  db: Db,
  storeId: string,
  productId: string,
  page: { limit: number; offset: number },
) {
  const { rows } = await db.query<
    Row<
      'product_history',
      'id' | 'field' | 'old_value' | 'new_value' | 'changed_by' | 'reason' | 'changed_at'
    > & { total: number }
  >(
    `SELECT h.id, h.field, h.old_value, h.new_value, h.changed_by, h.reason, h.changed_at,
       count(*) OVER () AS total
     FROM product_history h
     WHERE h.store_id = $1 AND h.product_id = $2
     ORDER BY h.changed_at DESC, h.id DESC LIMIT $3 OFFSET $4`,
    [storeId, productId, page.limit, page.offset],
  );
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      field: r.field,
      oldValue: r.old_value,
      newValue: r.new_value,
      changedBy: r.changed_by,
      changedAt: r.changed_at.toISOString(),
      reason: r.reason,
    })),
  };
}

/** How many products of the store each category or supplier among `ids` has (none: absent). */
export async function countsBy(
  db: Db,
  storeId: string,
  column: 'category_id' | 'supplier_id',
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<Row<'products', 'id'> & { n: number }>(
    `SELECT ${column} AS id, count(*)::int AS n FROM products
     WHERE store_id = $1 AND ${column} = ANY($2::uuid[]) GROUP BY ${column}`,
    [storeId, ids],
  );
  return new Map(rows.map((r) => [r.id, r.n]));
}

export type ProductLabel = Row<'products', 'name' | 'sku' | 'barcode'>;

/** What a shelf label prints of these products of the store (labels), by name then id. */
export async function shelfLabelsOf(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<Map<string, { name: string; sku: string; barcode: string | null; price: number }>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<Row<'products', 'id' | 'name' | 'sku' | 'barcode' | 'price'>>(
    `SELECT id, name, sku, barcode, price FROM products
     WHERE store_id = $1 AND id = ANY($2::uuid[]) ORDER BY name, id`,
    [storeId, ids],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { name: r.name, sku: r.sku, barcode: r.barcode, price: Number(r.price) },
    ]),
  );
}

/** These products of the store as other modules show them, by name then id. */
/** The store's products with these SKUs (case-insensitive), keyed by the SKU in lower case. */
export async function bySkus(
  db: Db,
  storeId: string,
  skus: readonly string[],
): Promise<Map<string, { id: string; sku: string; name: string }>> {
  if (!skus.length) return new Map();
  const { rows } = await db.query<Row<'products', 'id' | 'name' | 'sku'>>(
    `SELECT id, name, sku FROM products
     WHERE store_id = $1 AND lower(sku) = ANY($2::text[])`,
    [storeId, skus.map((s) => s.toLowerCase())],
  );
  return new Map(rows.map((r) => [r.sku.toLowerCase(), { id: r.id, sku: r.sku, name: r.name }]));
}

export async function labelsOf(
  db: Db,
  storeId: string,
  ids: readonly string[],
): Promise<Map<string, ProductLabel>> {
  if (!ids.length) return new Map();
  const { rows } = await db.query<Row<'products', 'id' | 'name' | 'sku' | 'barcode'>>(
    `SELECT id, name, sku, barcode FROM products
     WHERE store_id = $1 AND id = ANY($2::uuid[]) ORDER BY name, id`,
    [storeId, ids],
  );
  return new Map(rows.map((r) => [r.id, { name: r.name, sku: r.sku, barcode: r.barcode }]));
}
