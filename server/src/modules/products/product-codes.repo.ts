import { ConflictError } from '../../core/errors';
import type { Db } from '../../db/pool';

/**
 * Refuses a SKU and a barcode that other products of the store already use, naming every
 * field taken in one 409 (a unique violation names only the first, so a form would learn of
 * the second on the next try). The unique indexes still hold under a race (repo.insert).
 */
export async function assertCodesFree(
  db: Db,
  storeId: string,
  codes: { sku?: unknown; barcode?: unknown },
  exceptId: string | null = null,
) {
  const sku = typeof codes.sku === 'string' ? codes.sku : null;
  const barcode = typeof codes.barcode === 'string' ? codes.barcode : null;
  if (sku === null && barcode === null) return;
  const { rows } = await db.query<{ sku_taken: boolean; barcode_taken: boolean }>(
    `SELECT
       coalesce(bool_or(lower(sku) = lower($2)), false) AS sku_taken,
       coalesce(bool_or(barcode = $3), false) AS barcode_taken
     FROM products
     WHERE store_id = $1 AND (lower(sku) = lower($2) OR barcode = $3)
       AND ($4::uuid IS NULL OR id <> $4)`,
    [storeId, sku, barcode, exceptId],
  );
  const taken = rows[0];
  const details = [
    ...(taken?.sku_taken ? ['sku'] : []),
    ...(taken?.barcode_taken ? ['barcode'] : []),
  ].map((field) => ({ field, message: 'is already used by another product', code: 'duplicate' }));
  if (!details.length) return;
  const what = details.map((d) => (d.field === 'sku' ? 'SKU' : 'barcode')).join(' and ');
  throw new ConflictError(`A product with this ${what} already exists`, details);
}
