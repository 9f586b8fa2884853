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
