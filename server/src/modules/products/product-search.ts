import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import type { StoreCache } from '../../platform/store-cache';
import type { FileReads } from '../files/files.reads';
import * as repo from './product-search.repo';
import type { SearchMatch } from './product-search.repo';

const SEARCH_TTL = 60;

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
  /** The files module's pictures: a picker shows each product's thumbnail. */
  productImages: FileReads['productImages'];
}) {
  const { pool, cache } = deps;
  /** The page's pictures, in one query. */
  async function withImages<T extends { id: string }>(storeId: string, items: T[]) {
    const images = await deps.productImages(
      pool,
      storeId,
      items.map((i) => i.id),
    );
    return items.map((i) => ({ ...i, image: images.get(i.id) ?? null }));
  }
  return {
    /** Type-ahead for pickers and the till (repo.typeAhead), cached under the store's generation. */
    search(ctx: StoreContext, q: string, limit: number) {
      return cache.get(ctx.storeId, `search:${limit}:${q}`, SEARCH_TTL, async () =>
        withImages(
          ctx.storeId,
          (await repo.typeAhead(pool, ctx.storeId, q, limit)).map((r) => toHit(r, r.match)),
        ),
      );
    },

    /** The store's most-sold active products of the last 30 days, for one-tap selling. */
    topSellers(ctx: StoreContext, limit: number) {
      return cache.get(ctx.storeId, `top-sellers:${limit}`, SEARCH_TTL, async () => {
        // Inactive products drop out below, so ask for a few more than shown.
        const best = await deps.bestSellers(ctx, limit + 10);
        const units = new Map(best.map((b) => [b.productId, b.unitsSold]));
        const rows = await repo.hitsByIds(pool, ctx.storeId, [...units.keys()]);
        return withImages(
          ctx.storeId,
          rows
            .filter((r) => r.active)
            .slice(0, limit)
            .map((r) => ({ ...toPick(r), unitsSold: units.get(r.id)! })),
        );
      });
    },
  };
}

export type ProductSearch = ReturnType<typeof createProductSearch>;
