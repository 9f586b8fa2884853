import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import type { StoreCache } from '../../platform/store-cache';
import * as repo from './product-search.repo';

const SEARCH_TTL = 60;

export type SearchMatch = 'barcode' | 'sku' | 'name' | 'similar';

/** What a picker shows of a product. */
function toPick(r: repo.SearchHitRow) {
  return {
    id: r.id,
    name: r.name,
    sku: r.sku,
    barcode: r.barcode,
    brand: r.brand,
    unit: r.unit,
    price: Number(r.price),
    quantity: r.quantity,
    lowStock: r.quantity <= r.reorder_point,
  };
}

export type SearchHit = ReturnType<typeof toPick> & { match: SearchMatch };
const toHit = (r: repo.SearchHitRow, match: SearchMatch): SearchHit => ({ ...toPick(r), match });

export function createProductSearch(deps: {
  pool: Pool;
  cache: StoreCache;
  /** The store's best sellers of the last 30 days, most units first (analytics). */
  bestSellers(
    ctx: StoreContext,
    limit: number,
  ): Promise<Array<{ productId: string; unitsSold: number }>>;
}) {
  const { pool, cache } = deps;
  return {
    /**
     * Type-ahead: an exact barcode or SKU first (a scan), then names starting with the text,
     * then names whose words start with the text's words, best ranked first; names that only
     * look alike (a typo) when those leave room. What it reads is bounded by `limit` and
     * repo.CANDIDATES, never by the size of the catalogue.
     */
    search(ctx: StoreContext, q: string, limit: number): Promise<SearchHit[]> {
      return cache.get(ctx.storeId, `search:${limit}:${q}`, SEARCH_TTL, async () => {
        const { storeId } = ctx;
        const { tsquery, hits: codes } = await repo.codeHitsAndQuery(pool, storeId, q);
        const [prefix, words] = await Promise.all([
          repo.namePrefixHits(pool, storeId, q, limit),
          tsquery ? repo.wordHits(pool, storeId, tsquery, limit) : [],
        ]);
        const found = new Map<string, SearchHit>();
        const add = (rows: repo.SearchHitRow[], match: SearchMatch) => {
          for (const r of rows) if (!found.has(r.id)) found.set(r.id, toHit(r, match));
        };
        for (const c of codes) add([c], c.match);
        add(prefix, 'name');
        add(words, 'name');
        if (!codes.length && found.size < limit) {
          add(await repo.similarHits(pool, storeId, q, limit), 'similar');
        }
        return [...found.values()].slice(0, limit);
      });
    },

    /** The store's most-sold active products of the last 30 days, for one-tap selling. */
    topSellers(ctx: StoreContext, limit: number) {
      return cache.get(ctx.storeId, `top-sellers:${limit}`, SEARCH_TTL, async () => {
        // Inactive products drop out below, so ask for a few more than shown.
        const best = await deps.bestSellers(ctx, limit + 10);
        const units = new Map(best.map((b) => [b.productId, b.unitsSold]));
        const rows = await repo.hitsByIds(pool, ctx.storeId, [...units.keys()]);
        return rows
          .filter((r) => r.active)
          .slice(0, limit)
          .map((r) => ({ ...toPick(r), unitsSold: units.get(r.id)! }));
      });
    },
  };
}

export type ProductSearch = ReturnType<typeof createProductSearch>;
