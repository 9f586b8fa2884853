import type { Db } from '../../db/pool';
import type { ProductCandidate } from '../products/products.reads';
import type { LookupsPort } from './lookups-port';

/**
 * A product a line may be: what the review shows, and the costs a conflict compares with
 * (`last_cost`: what this supplier last charged for it, purchasing's).
 */
export interface CandidateRow extends ProductCandidate {
  last_cost: number | null;
}

type Lines = { pos: number[]; description: string[] };

/**
 * The catalogue's candidates for an invoice's lines (products.reads.ts `matching`), each with
 * the supplier's last cost: one more statement for all of them.
 */
export function createCandidates(lookups: LookupsPort, db: Db, storeId: string) {
  const { matching } = lookups.products;

  async function withLastCosts<T extends { id: string }>(supplierId: string | null, rows: T[]) {
    const costs = await lookups.lastCosts(
      db,
      storeId,
      supplierId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({ ...r, last_cost: costs.get(r.id) ?? null }));
  }

  return {
    /**
     * Exact hits for every line at once: barcodes and our SKUs (the catalogue's), then the
     * supplier's own item codes (its supplier items) naming an active product.
     */
    async exact(
      supplierId: string | null,
      codes: { pos: number[]; code: string[] },
      skus: { pos: number[]; sku: string[] },
    ): Promise<CandidateRow[]> {
      const ours = await matching.exactCandidates(db, storeId, codes, skus);
      const theirs = supplierId
        ? await lookups.productsBySupplierSku(db, storeId, supplierId, skus)
        : [];
      const products = await matching.byIds(
        db,
        storeId,
        theirs.map((t) => t.productId),
      );
      const byTheirCode = theirs.flatMap(({ pos, productId }): ProductCandidate[] => {
        const p = products.get(productId);
        if (!p?.active) return [];
        const { id, name, sku, barcode, cost } = p;
        return [{ pos, method: 'sku', id, name, sku, barcode, cost, score: 0.9 }];
      });
      return withLastCosts(supplierId, [...ours, ...byTheirCode]);
    },

    async words(supplierId: string | null, lines: Lines): Promise<CandidateRow[]> {
      const frequent = await matching.frequentWords(db);
      return withLastCosts(supplierId, await matching.wordCandidates(db, storeId, lines, frequent));
    },

    async trigrams(supplierId: string | null, lines: Lines): Promise<CandidateRow[]> {
      return withLastCosts(supplierId, await matching.trigramCandidates(db, storeId, lines));
    },

    /** Products as lines' matches show them (picked by hand, or all of an invoice's), with their costs. */
    async byIds(supplierId: string | null, ids: string[]) {
      const found = await matching.byIds(db, storeId, ids);
      const named = await withLastCosts(supplierId, [...found.values()]);
      return new Map(named.map((p) => [p.id, p]));
    },
  };
}
