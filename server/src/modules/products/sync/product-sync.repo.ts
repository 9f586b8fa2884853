import type { PoolClient } from 'pg';
import type { Db } from '../../../db/pool';
import { SELECT, type CatalogueRow } from '../products.repo';

/**
 * The store's products a sync batch may name, in one statement: by SKU (case-insensitive, as
 * the catalogue's unique index) or barcode. Read without locks: an item that would change its
 * product locks and reads it again (product-update.ts).
 */
export async function findByKeys(
  db: Db,
  storeId: string,
  skus: readonly string[],
  barcodes: readonly string[],
): Promise<CatalogueRow[]> {
  const { rows } = await db.query<CatalogueRow>(
    `${SELECT} WHERE p.store_id = $1 AND (lower(p.sku) = ANY($2::text[]) OR p.barcode = ANY($3::text[]))`,
    [storeId, skus.map((s) => s.toLowerCase()), barcodes],
  );
  return rows;
}

/**
 * Serialises a store's syncs until the caller's transaction ends: two shops (or one retrying)
 * sending the same new products wait for each other instead of deadlocking on the unique
 * indexes in different orders, and the second reads what the first made.
 */
export async function lockStoreSync(tx: PoolClient, storeId: string): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('product-sync:' || $1, 0))`, [
    storeId,
  ]);
}

/**
 * Locks the products a sync will change, at once and in id order, the order a sale locks its
 * products in (inventory.repo.ts): a sync changing them in its items' order could otherwise
 * deadlock with a sale of two of them.
 */
export async function lockProducts(
  tx: PoolClient,
  storeId: string,
  ids: readonly string[],
): Promise<void> {
  if (!ids.length) return;
  await tx.query(
    'SELECT id FROM products WHERE store_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR UPDATE',
    [storeId, ids],
  );
}
