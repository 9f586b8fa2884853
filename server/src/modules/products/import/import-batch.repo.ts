import type { Db } from '../../../db/pool';

/**
 * Which of these SKUs (compared case-insensitively, as the unique index does) and barcodes
 * products of the store already have: two index probes per code, one statement.
 */
export async function codesTaken(
  db: Db,
  storeId: string,
  skus: string[],
  barcodes: string[],
): Promise<{ skus: Set<string>; barcodes: Set<string> }> {
  if (!skus.length && !barcodes.length) return { skus: new Set(), barcodes: new Set() };
  const { rows } = await db.query<{ kind: 'sku' | 'barcode'; code: string }>(
    `SELECT 'sku' AS kind, s.code FROM unnest($2::text[]) AS s(code)
     WHERE EXISTS (SELECT 1 FROM products p WHERE p.store_id = $1 AND lower(p.sku) = lower(s.code))
     UNION ALL
     SELECT 'barcode', b.code FROM unnest($3::text[]) AS b(code)
     WHERE EXISTS (SELECT 1 FROM products p WHERE p.store_id = $1 AND p.barcode = b.code)`,
    [storeId, skus, barcodes],
  );
  return {
    skus: new Set(rows.filter((r) => r.kind === 'sku').map((r) => r.code)),
    barcodes: new Set(rows.filter((r) => r.kind === 'barcode').map((r) => r.code)),
  };
}

/**
 * New products, as records of column → value (each with its `id`), in one statement per set
 * of columns: a column a record leaves out takes its default, as in a single insert. The
 * values are typed by the products table itself (json_populate_recordset), so the statement
 * names no type; a violated unique index fails the whole statement (the caller falls back).
 */
export async function insertMany(
  db: Db,
  storeId: string,
  records: Array<Record<string, unknown>>,
): Promise<void> {
  const groups = new Map<string, Array<Record<string, unknown>>>();
  for (const r of records) {
    const key = Object.keys(r).sort().join(',');
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  for (const [key, group] of groups) {
    const columns = key.split(',');
    await db.query(
      `INSERT INTO products (store_id, ${columns.join(', ')})
       SELECT $1, ${columns.map((c) => `r.${c}`).join(', ')}
       FROM json_populate_recordset(NULL::products, $2::json) AS r`,
      [storeId, JSON.stringify(group)],
    );
  }
}
