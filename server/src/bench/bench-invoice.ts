import type { Db } from '../db/pool';
import type { LineToMatch } from '../modules/invoices/invoice-matching';

/**
 * A realistic invoice of `count` lines for the benchmark, from the store's own products: a
 * third carry the barcode (a 13-digit EAN starting with 0 written as its 12-digit UPC-A), a
 * third the SKU in lower case, a third only a description — the name with its last word
 * dropped on odd lines and one letter doubled on even ones (what the name matcher must find).
 * The same products in the same order for a given store (ordered by id).
 */
export async function benchInvoiceLines(
  db: Db,
  storeId: string,
  count = 500,
): Promise<LineToMatch[]> {
  const { rows } = await db.query<{
    name: string;
    sku: string;
    barcode: string | null;
    cost: string | null;
  }>(
    `SELECT name, sku, barcode, cost FROM products WHERE store_id = $1 AND active
     ORDER BY id LIMIT $2`,
    [storeId, count],
  );
  return rows.map((p, i) => {
    const kind = p.barcode ? i % 3 : 1 + (i % 2);
    const words = p.name.split(' ');
    const description =
      i % 2 && words.length > 2 ? words.slice(0, -1).join(' ') : p.name.replace(/([a-z])/, '$1$1');
    return {
      position: i,
      description: kind === 2 ? description : p.name,
      upc: kind === 0 ? p.barcode!.replace(/^0(\d{12})$/, '$1') : null,
      sku: kind === 1 ? p.sku.toLowerCase() : null,
      quantity: 1 + (i % 12),
      unitCost: Number(p.cost ?? 1),
    };
  });
}
