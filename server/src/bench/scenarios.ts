import type { Pool } from 'pg';
import { listProductsQuery, type ListProductsQuery } from '../modules/products/products.schemas';

export interface Scenario {
  name: string;
  /** Which app instance answers: the normal one, or one whose cache never hits. */
  app: 'cached' | 'uncached';
  method: 'GET' | 'POST';
  appPaths: string[];
  barePaths: string[];
  bodies?: string[];
  /** For slow scenarios: fewer connections, a longer window. */
  connections?: number;
  seconds?: number;
}

export interface BenchFixtures {
  scenarios: Scenario[];
  lists: Record<string, ListProductsQuery>;
}

const TOP_UP = 1_000_000;

/**
 * Picks the products the scenarios use and gives the ones that will be sold enough stock
 * (one `adjustment` movement each, so the ledger still adds up).
 */
export async function prepareFixtures(pool: Pool, storeId: string): Promise<BenchFixtures> {
  const { rows: cats } = await pool.query<{ id: string }>(
    `SELECT category_id AS id FROM products WHERE store_id = $1 AND category_id IS NOT NULL
     GROUP BY category_id ORDER BY count(*) DESC LIMIT 1`,
    [storeId],
  );
  const { rows: picked } = await pool.query<{ id: string }>(
    `SELECT id FROM products WHERE store_id = $1 AND active ORDER BY md5(id::text) LIMIT 2001`,
    [storeId],
  );
  const ids = picked.map((r) => r.id);
  await pool.query(
    `WITH up AS (
       UPDATE products SET quantity = quantity + $3
       WHERE store_id = $1 AND id = ANY($2::uuid[])
       RETURNING id, quantity
     )
     INSERT INTO stock_movements (store_id, product_id, delta, reason, note, quantity_after)
     SELECT $1, id, $3, 'adjustment', 'benchmark stock', quantity FROM up`,
    [storeId, ids, TOP_UP],
  );
  const hot = ids[0]!;
  const cold = ids.slice(1);
  const base = `/api/v1/stores/${storeId}`;
  const filterQs = `category=${cats[0]!.id}&lowStock=true&sort=name&limit=20`;
  const searchQs = 'search=chocolate&limit=20';
  const lists = {
    filter: listProductsQuery.parse(Object.fromEntries(new URLSearchParams(filterQs))),
    search: listProductsQuery.parse(Object.fromEntries(new URLSearchParams(searchQs))),
  };
  const productPaths = cold.slice(0, 1000);
  const sale = (productId: string) => JSON.stringify({ items: [{ productId, quantity: 1 }] });
  return {
    lists,
    scenarios: [
      {
        name: 'products: category + lowStock, sort=name',
        app: 'uncached',
        method: 'GET',
        appPaths: [`${base}/products?${filterQs}`],
        barePaths: ['/list/filter'],
      },
      {
        name: 'products: search=chocolate',
        app: 'uncached',
        method: 'GET',
        appPaths: [`${base}/products?${searchQs}`],
        barePaths: ['/list/search'],
      },
      {
        name: 'product by id, cached',
        app: 'cached',
        method: 'GET',
        appPaths: productPaths.map((id) => `${base}/products/${id}`),
        barePaths: productPaths.map((id) => `/product/${id}`),
      },
      {
        name: 'product by id, uncached',
        app: 'uncached',
        method: 'GET',
        appPaths: productPaths.map((id) => `${base}/products/${id}`),
        barePaths: productPaths.map((id) => `/product/${id}`),
      },
      {
        name: 'dashboard, cached',
        app: 'cached',
        method: 'GET',
        appPaths: [`${base}/analytics/dashboard`],
        barePaths: ['/dashboard/x'],
      },
      {
        name: 'dashboard, uncached',
        app: 'uncached',
        method: 'GET',
        appPaths: [`${base}/analytics/dashboard`],
        barePaths: ['/dashboard/x'],
        connections: 2,
        seconds: 15,
      },
      {
        name: 'record sale, one hot product',
        app: 'cached',
        method: 'POST',
        appPaths: [`${base}/sales`],
        barePaths: ['/sale/x'],
        bodies: [sale(hot)],
      },
      {
        name: 'record sale, random products',
        app: 'cached',
        method: 'POST',
        appPaths: [`${base}/sales`],
        barePaths: ['/sale/x'],
        bodies: cold.map(sale),
      },
    ],
  };
}
