import type { Db } from '../../../db/pool';
import type { ProductReads } from '../../products/products.reads';

/**
 * The products a sales search names, through the products module's matching: a barcode or
 * SKU exactly, else up to three products by the words of their name (typos forgiven).
 */
export function productsNamedBy(matching: ProductReads['matching']) {
  return async (db: Db, storeId: string, term: string): Promise<string[]> => {
    const exact = await matching.exactCandidates(
      db,
      storeId,
      { pos: [0], code: [term] },
      { pos: [0], sku: [term] },
    );
    if (exact.length) return [...new Set(exact.map((p) => p.id))];
    const named = await matching.wordCandidates(db, storeId, { pos: [0], description: [term] });
    return named.map((p) => p.id);
  };
}
