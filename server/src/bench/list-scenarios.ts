/* eslint-disable no-restricted-imports -- the bare side runs the repositories' own SQL. */
import type { Pool } from 'pg';
import { encodeCursor } from '../core/cursor';
import { withTransaction } from '../db/pool';
import { one } from '../db/rows';
import { insertEvents } from '../modules/events/events.repo';
import * as products from '../modules/products/products.repo';
import { listProductsQuery } from '../modules/products/products.schemas';
import type { BareHandler } from './bare';
import type { BenchFixtures, Scenario } from './scenarios';

/** One product list as a client asks for it; `after` is a cursor page's keyset position. */
export interface ListCase {
  name: string;
  qs: string;
  after?: { value: unknown; id: string };
}

const PAGES = 50;

/** The store's commonest category and supplier, the ids the filtered lists use. */
async function commonest(pool: Pool, storeId: string, column: 'category_id' | 'supplier_id') {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT ${column} AS id FROM products WHERE store_id = $1 AND ${column} IS NOT NULL
     GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    [storeId],
  );
  return one(rows).id;
}

/**
 * The lists the issue names (category, supplier, low stock, expiring, sorts; page and keyset
 * mode), each a group of requests: one list, or many pages of one list.
 */
export async function listCases(pool: Pool, storeId: string): Promise<Record<string, ListCase[]>> {
  const category = await commonest(pool, storeId, 'category_id');
  const supplier = await commonest(pool, storeId, 'supplier_id');
  // Price-descending cursor positions spread over the whole catalogue.
  const { rows: marks } = await pool.query<{ price: string; id: string }>(
    `SELECT price::text AS price, id FROM (
       SELECT price, id, row_number() OVER (ORDER BY price DESC, id DESC) AS n, count(*) OVER () AS total
       FROM products WHERE store_id = $1
     ) t WHERE n % greatest(1, total / $2) = 0 ORDER BY n LIMIT $2`,
    [storeId, PAGES],
  );
  const pages = (name: string, qs: string) =>
    Array.from({ length: PAGES }, (_, i) => ({
      name: `${name}-${i + 1}`,
      qs: `${qs}&page=${i + 1}`,
    }));
  return {
    'list: category, sort=name': [{ name: 'cat', qs: `category=${category}&sort=name&limit=20` }],
    'list: category, pages 1-50': pages('catpage', `category=${category}&sort=name&limit=20`),
    'list: supplier, sort=name': [{ name: 'sup', qs: `supplier=${supplier}&sort=name&limit=20` }],
    'list: lowStock, sort=name': [{ name: 'low', qs: 'lowStock=true&sort=name&limit=20' }],
    'list: expiring in 30 days, sort=expiresAt': [
      { name: 'exp', qs: 'expiringWithinDays=30&sort=expiresAt&limit=20' },
    ],
    'list: status=expired, sort=expiresAt': [
      { name: 'expired', qs: 'status=expired&sort=expiresAt&limit=20' },
    ],
    'list: sort=updatedAt desc': [{ name: 'upd', qs: 'sort=updatedAt&order=desc&limit=20' }],
    'list: sort=price desc, keyset pages': marks.map((m, i) => ({
      name: `price-${i}`,
      qs: `sort=price&order=desc&limit=20&cursor=${encodeCursor(['price:desc', m.price, m.id])}`,
      after: { value: m.price, id: m.id },
    })),
  };
}

/**
 * The list scenarios, two at 100 connections, and the mixed profile (70% reads, 20% creates
 * and updates, 10% sales), added to `fixtures`; returns the bare handlers they need.
 */
export async function addListScenarios(
  pool: Pool,
  storeId: string,
  userId: string,
  fixtures: BenchFixtures,
): Promise<Record<string, BareHandler>> {
  const base = `/api/v1/stores/${storeId}`;
  const cases = await listCases(pool, storeId);
  for (const [name, group] of Object.entries(cases)) {
    for (const c of group) {
      fixtures.lists[c.name] = listProductsQuery.parse(
        Object.fromEntries(new URLSearchParams(c.qs)),
      );
      if (c.after) fixtures.afters[c.name] = c.after;
    }
    fixtures.scenarios.push({
      name,
      app: 'uncached',
      method: 'GET',
      appPaths: group.map((c) => `${base}/products?${c.qs}`),
      barePaths: group.map((c) => `/list/${c.name}`),
    });
  }
  const byName = (n: string) => fixtures.scenarios.find((s) => s.name === n)!;
  const at100 = (s: Scenario): Scenario => ({
    ...s,
    name: `${s.name}, 100 connections`,
    connections: 100,
  });
  fixtures.scenarios.push(
    at100(byName('product by id, uncached')),
    at100(byName('list: category, sort=name')),
  );
  const mixed = mixedProfile(fixtures, base, await sellable(pool, storeId));
  fixtures.scenarios.push(mixed, at100(mixed));
  return bareWrites(pool, storeId, userId);
}

/** Products with stock topped up by prepareFixtures (the 1,000,000 units), to sell and edit. */
async function sellable(pool: Pool, storeId: string) {
  const { rows } = await pool.query<{ id: string; category_id: string | null }>(
    `SELECT id, category_id FROM products WHERE store_id = $1 AND quantity >= 1000000
     ORDER BY md5(id::text || 'mixed') LIMIT 200`,
    [storeId],
  );
  return rows;
}

/**
 * 100 requests, cycled: 30 product reads, 20 lists (keyset pages, category, low stock),
 * 20 type-ahead searches; 10 creates, 10 price updates; 10 one-line sales.
 */
function mixedProfile(
  fixtures: BenchFixtures,
  base: string,
  stock: Array<{ id: string; category_id: string | null }>,
): Scenario {
  const app: Array<['GET' | 'POST' | 'PATCH', string, string]> = [];
  const bare: Array<[string, string]> = [];
  const reads = (s: Scenario, n: number) => {
    for (let i = 0; i < n; i++) {
      app.push(['GET', s.appPaths[i % s.appPaths.length]!, '']);
      bare.push([s.barePaths[i % s.barePaths.length]!, '']);
    }
  };
  const product = fixtures.scenarios.find((s) => s.name === 'product by id, uncached')!;
  reads(product, 30);
  reads(
    fixtures.scenarios.find((s) => s.name === 'products: keyset pages across the catalogue')!,
    10,
  );
  reads(
    fixtures.scenarios.find((s) => s.name === 'list: category, sort=name')!,
    5,
  );
  reads(
    fixtures.scenarios.find((s) => s.name === 'list: lowStock, sort=name')!,
    5,
  );
  reads(
    fixtures.scenarios.find((s) => s.name.startsWith('type-ahead'))!,
    20,
  );
  for (let i = 0; i < 10; i++) {
    const p = stock[i]!;
    const create = JSON.stringify({
      name: `Mixed Bench Item ${i}`,
      price: 2.49,
      categoryId: p.category_id,
    });
    app.push(['POST', `${base}/products`, create]);
    bare.push(['/create/x', create]);
    const price = JSON.stringify({ price: 3 + (i % 7) / 10 });
    app.push(['PATCH', `${base}/products/${stock[20 + i]!.id}`, price]);
    bare.push([`/update/${stock[20 + i]!.id}`, price]);
    const sale = JSON.stringify({ items: [{ productId: stock[50 + i * 10]!.id, quantity: 1 }] });
    app.push(['POST', `${base}/sales`, sale]);
    bare.push(['/sale/x', sale]);
  }
  // Spread the writes among the reads (a fixed shuffle, the same on every run).
  const order = app.map((_, i) => i).sort((a, b) => ((a * 37) % 101) - ((b * 37) % 101));
  return {
    name: 'mixed: 70% reads, 20% creates/updates, 10% sales',
    app: 'uncached',
    method: 'POST',
    methods: order.map((i) => app[i]![0]),
    appPaths: order.map((i) => app[i]![1]),
    bodies: order.map((i) => app[i]![2]),
    barePaths: order.map((i) => bare[i]![0]),
    bareBodies: order.map((i) => bare[i]![1]),
  };
}

/** A create and a PATCH as the API runs them: the repositories' statements in one transaction. */
function bareWrites(pool: Pool, storeId: string, userId: string): Record<string, BareHandler> {
  return {
    create: (_arg, body) =>
      withTransaction(pool, async (tx) => {
        const input = JSON.parse(body) as {
          name: string;
          price: number;
          categoryId: string | null;
        };
        const sku =
          `MIX-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
        const id = await products.insert(tx, storeId, { ...input, sku });
        await insertEvents(tx, storeId, [
          { type: 'product.created', payload: { productId: id, name: input.name, source: 'api' } },
        ]);
        return products.find(tx, storeId, id);
      }),
    update: (id, body) =>
      withTransaction(pool, async (tx) => {
        const input = JSON.parse(body) as { price: number };
        const before = (await products.find(tx, storeId, id, true))!;
        await products.update(tx, storeId, id, input);
        const after = (await products.find(tx, storeId, id))!;
        if (String(before.price) !== String(after.price)) {
          await products.insertHistory(
            tx,
            storeId,
            id,
            userId,
            [{ field: 'price', oldValue: String(before.price), newValue: String(after.price) }],
            'update',
          );
          await insertEvents(tx, storeId, [
            { type: 'product.updated', payload: { productId: id, fields: ['price'] } },
          ]);
        }
        return after;
      }),
  };
}
