import type { Pool } from 'pg';
import { encodeCursor } from '../core/cursor';
import { listProductsQuery, type ListProductsQuery } from '../modules/products/products.schemas';

export interface Scenario {
  name: string;
  /** Which app instance answers: the normal one, or one whose cache never hits. */
  app: 'cached' | 'uncached';
  method: 'GET' | 'POST';
  appPaths: string[];
  barePaths: string[];
  bodies?: string[];
  /** A mixed profile: each request's method (cycled with the paths), and the bare side's bodies. */
  methods?: Array<'GET' | 'POST' | 'PATCH'>;
  bareBodies?: string[];
  /** Headers of the API requests beyond JSON and the token (a multipart upload's type). */
  headers?: Record<string, string>;
  /** For slow scenarios: fewer connections, a longer window. */
  connections?: number;
  seconds?: number;
}

export interface BenchFixtures {
  scenarios: Scenario[];
  lists: Record<string, ListProductsQuery>;
  /** Keyset positions for the bare handler's cursor pages. */
  afters: Record<string, { value: unknown; id: string }>;
}

const KEYSET_PAGES = 50;

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
  const lists: Record<string, ListProductsQuery> = {
    filter: listProductsQuery.parse(Object.fromEntries(new URLSearchParams(filterQs))),
    search: listProductsQuery.parse(Object.fromEntries(new URLSearchParams(searchQs))),
  };
  // Cursor pages spread over the whole catalogue (different ones, so no two requests share a load).
  const { rows: marks } = await pool.query<{ name: string; id: string }>(
    `SELECT name, id FROM (
       SELECT name, id, row_number() OVER (ORDER BY name, id) AS n, count(*) OVER () AS total
       FROM products WHERE store_id = $1
     ) t WHERE n % greatest(1, total / $2) = 0 ORDER BY n LIMIT $2`,
    [storeId, KEYSET_PAGES],
  );
  const afters: BenchFixtures['afters'] = {};
  const keysetPaths: string[] = [];
  const keysetBare: string[] = [];
  marks.forEach((m, i) => {
    const cursor = encodeCursor(['name:asc', m.name, m.id]);
    lists[`keyset-${i}`] = listProductsQuery.parse({ sort: 'name', limit: '20', cursor });
    afters[`keyset-${i}`] = { value: m.name, id: m.id };
    keysetPaths.push(`${base}/products?sort=name&limit=20&cursor=${cursor}`);
    keysetBare.push(`/list/keyset-${i}`);
  });
  const terms = await typeAheadTerms(pool, storeId);
  terms.forEach((term, i) => {
    lists[`term-${i}`] = listProductsQuery.parse({ search: term, limit: '8' });
  });
  const typeAhead = {
    appPaths: terms.map((q) => `${base}/products/search?q=${encodeURIComponent(q)}&limit=8`),
    barePaths: terms.map((q) => `/typeahead/${encodeURIComponent(q)}`),
  };
  const productPaths = cold.slice(0, 1000);
  const sale = (productId: string) => JSON.stringify({ items: [{ productId, quantity: 1 }] });
  // A basket: five different products, one unit each (400 baskets over the cold products).
  const baskets = Array.from({ length: Math.floor(cold.length / 5) }, (_, i) =>
    JSON.stringify({
      items: cold.slice(i * 5, i * 5 + 5).map((productId) => ({ productId, quantity: 1 })),
    }),
  );
  return {
    lists,
    afters,
    scenarios: [
      {
        name: 'products: keyset pages across the catalogue',
        app: 'uncached',
        method: 'GET',
        appPaths: keysetPaths,
        barePaths: keysetBare,
      },
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
        name: `products: search list, ${terms.length} terms`,
        app: 'uncached',
        method: 'GET',
        appPaths: terms.map((q) => `${base}/products?search=${encodeURIComponent(q)}&limit=8`),
        barePaths: terms.map((_, i) => `/list/term-${i}`),
      },
      {
        name: `type-ahead, ${terms.length} terms`,
        app: 'uncached',
        method: 'GET',
        ...typeAhead,
      },
      {
        // The latency one cashier typing sees (the target: p50 ≤ 30 ms, p99 ≤ 100 ms).
        name: `type-ahead, ${terms.length} terms, one typist`,
        app: 'uncached',
        method: 'GET',
        ...typeAhead,
        connections: 1,
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
      {
        name: 'record sale, 5 random products',
        app: 'cached',
        method: 'POST',
        appPaths: [`${base}/sales`],
        barePaths: ['/sale/x'],
        bodies: baskets,
      },
    ],
  };
}

/**
 * What people type into a picker, from the store's own catalogue (the same 30 on every run of
 * a seeded store): the 4-letter beginnings of its 8 commonest name words, 8 whole words of
 * random products (common and rare alike), 4 two-word beginnings, 4 exact SKUs or barcodes (a
 * scan), 6 words with a letter dropped (a typo).
 */
export async function typeAheadTerms(pool: Pool, storeId: string): Promise<string[]> {
  const { rows: common } = await pool.query<{ w: string }>(
    `SELECT left(w, 4) AS w FROM (
       SELECT lower(w) AS w, count(*) AS n
       FROM products, regexp_split_to_table(name, '\\s+') AS w
       WHERE store_id = $1 AND w ~ '^[A-Za-z]{5,}$' GROUP BY 1
     ) t ORDER BY n DESC, w LIMIT 8`,
    [storeId],
  );
  const { rows: sample } = await pool.query<{ name: string; sku: string; barcode: string | null }>(
    `SELECT name, sku, barcode FROM products WHERE store_id = $1 AND active
     ORDER BY md5(id::text || 'type-ahead') LIMIT 22`,
    [storeId],
  );
  const wordsOf = (name: string) => name.split(/\s+/).filter((w) => /^[A-Za-z]{4,}$/.test(w));
  const terms = common.map((r) => r.w);
  sample.slice(0, 8).forEach((p, i) => {
    const words = wordsOf(p.name);
    terms.push(words[i % words.length] ?? p.name.split(' ')[0]!);
  });
  sample.slice(8, 12).forEach((p) => {
    const [a = '', b = ''] = wordsOf(p.name);
    terms.push(`${a} ${b.slice(0, 3)}`.trim());
  });
  sample.slice(12, 16).forEach((p, i) => terms.push(i % 2 && p.barcode ? p.barcode : p.sku));
  sample.slice(16, 22).forEach((p) => {
    const word = wordsOf(p.name).sort((x, y) => y.length - x.length)[0] ?? p.name;
    terms.push(word.slice(0, 2) + word.slice(3));
  });
  return terms;
}
