import type { Pool } from 'pg';
import { one } from '../../db/rows';
import { useTestApp } from '../../test/app';
import { createDemoAccount } from '../../seed/demo';
import {
  createCategory,
  createProduct,
  DEFAULT_PASSWORD,
  existedBy,
  memberOf,
  type StoreMember,
  uniqueEmail,
} from '../../test/factories';
import { patchStatus, placeOrder, postReceipt } from '../../test/purchasing';
import {
  dashboardOf,
  postAdjustment,
  postCount,
  postRefund,
  postSale,
  postVoid,
  uploadProducts,
} from '../../test/requests';
import { postTransfer, transferAction, twoStores } from '../../test/transfers';
import { foldFigures, keepUpFigures } from './dashboard-upkeep';
import { topMovers } from './top-movers.repo';

const t = useTestApp();
const DAY = 864e5;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();

/**
 * The dashboard as the queries before migration 054 computed it, straight from the products,
 * sales, lines and refunds: the reference the running figures must always equal.
 */
async function fromScratch(pool: Pool, storeId: string) {
  const q = async <R>(sql: string, params: unknown[]) =>
    (await pool.query<R & Record<string, unknown>>(sql, params)).rows;
  const { timezone } = one(
    await q<{ timezone: string }>('SELECT timezone FROM stores WHERE id = $1', [storeId]),
  );
  const cats = await q<Record<string, string>>(
    `WITH b AS (
       SELECT category_id, count(*) AS products, count(*) FILTER (WHERE active) AS active_products,
         coalesce(sum(quantity), 0) AS units, coalesce(sum(quantity * cost), 0) AS value_cost,
         coalesce(sum(quantity * price), 0) AS value_retail,
         count(*) FILTER (WHERE quantity <= reorder_point AND quantity > 0) AS low_stock,
         count(*) FILTER (WHERE quantity = 0) AS out_of_stock,
         count(*) FILTER (WHERE expires_at IS NOT NULL AND expires_at <= current_date + 30) AS expiring
       FROM products WHERE store_id = $1 GROUP BY category_id
     )
     SELECT b.*, coalesce(c.name, 'Uncategorised') AS name
     FROM b LEFT JOIN categories c ON c.id = b.category_id ORDER BY b.value_retail DESC, name`,
    [storeId],
  );
  const sum = (k: string) => cats.reduce((n, r) => n + Number(r[k]), 0);
  const window = `((now() AT TIME ZONE $2)::date - 29)::timestamp AT TIME ZONE $2`;
  const top = await q<{
    product_id: string;
    name: string;
    sku: string;
    units: string;
    revenue: string;
  }>(
    `WITH lines AS (
       SELECT product_id, quantity AS units, line_total - tax_amount AS revenue FROM sale_items
       WHERE store_id = $1 AND sold_at >= ${window}
         AND sale_id NOT IN (SELECT id FROM sales WHERE store_id = $1 AND status = 'voided')
       UNION ALL
       SELECT product_id, -quantity, -(line_total - tax_amount) FROM sale_refund_items
       WHERE store_id = $1 AND refunded_at >= ${window}
     ), top AS (
       SELECT product_id, sum(units) AS units, sum(revenue) AS revenue FROM lines
       GROUP BY product_id HAVING sum(units) > 0
       ORDER BY units DESC, revenue DESC, product_id LIMIT 10
     )
     SELECT t.product_id, p.name, p.sku, t.units, t.revenue FROM top t JOIN products p ON p.id = t.product_id
     ORDER BY t.units DESC, t.revenue DESC, t.product_id`,
    [storeId, timezone],
  );
  const trend = await q<{ date: string; orders: string; units: string; revenue: string }>(
    `WITH days AS (
       SELECT generate_series((now() AT TIME ZONE $2)::date - 29, (now() AT TIME ZONE $2)::date, '1 day')::date AS day
     ), daily AS (
       SELECT (sold_at AT TIME ZONE $2)::date AS day, 1 AS orders, item_count AS units, total - tax_total AS revenue
       FROM sales WHERE store_id = $1 AND status = 'completed'
       UNION ALL
       SELECT (created_at AT TIME ZONE $2)::date, 0, -item_count, -(total - tax_total)
       FROM sale_refunds WHERE store_id = $1
     )
     SELECT to_char(d.day, 'YYYY-MM-DD') AS date, coalesce(sum(orders), 0) AS orders,
       coalesce(sum(units), 0) AS units, coalesce(sum(revenue), 0) AS revenue
     FROM days d LEFT JOIN daily ON daily.day = d.day GROUP BY d.day ORDER BY d.day`,
    [storeId, timezone],
  );
  return {
    totals: {
      products: sum('products'),
      activeProducts: sum('active_products'),
      units: sum('units'),
      inventoryValueCost: Math.round(sum('value_cost') * 100) / 100,
      inventoryValueRetail: Math.round(sum('value_retail') * 100) / 100,
    },
    lowStockCount: sum('low_stock'),
    outOfStockCount: sum('out_of_stock'),
    expiringSoonCount: sum('expiring'),
    categoryBreakdown: cats.map((r) => ({
      categoryId: r.category_id ?? null,
      name: r.name,
      products: Number(r.products),
      units: Number(r.units),
      valueCost: Number(r.value_cost),
      valueRetail: Number(r.value_retail),
    })),
    topMovers: top.map((r) => ({
      productId: r.product_id,
      name: r.name,
      sku: r.sku,
      unitsSold: Number(r.units),
      revenue: Number(r.revenue),
    })),
    salesTrend: trend.map((r) => ({
      date: r.date,
      orders: Number(r.orders),
      units: Number(r.units),
      revenue: Number(r.revenue),
    })),
  };
}

async function expectFromScratch(s: StoreMember) {
  const { slowMovers: _slow, generatedAt: _at, ...shown } = await dashboardOf(s);
  expect(shown).toEqual(await fromScratch(t.db.pool, s.storeId));
}

const sell = async (s: StoreMember, items: Array<[string, number]>, soldAt?: string) => {
  if (soldAt) for (const [id] of items) await existedBy(s, id, soldAt);
  const body = { items: items.map(([productId, quantity]) => ({ productId, quantity })) };
  return (await postSale(s, soldAt ? { ...body, soldAt } : body).expect(201)).body.data;
};

test('when stock and sales move every way there is, then the dashboard equals a count from scratch, before and after its rows are folded and its floor raised', async () => {
  const { a, b, tea, cups, teaB } = await twoStores(t, 'manager');
  const drinks = await createCategory(a, { name: 'Drinks' });
  const snacks = await createCategory(a, { name: 'Snacks' });
  const soon = new Date(Date.now() + 5 * DAY).toISOString().slice(0, 10);
  const cola = await createProduct(a, {
    name: 'Cola',
    price: 2,
    cost: 1.2,
    initialQuantity: 50,
    reorderPoint: 45,
    categoryId: drinks.id,
    expiresAt: soon,
  });
  const crisps = await createProduct(a, {
    name: 'Crisps',
    price: 1.5,
    cost: 0.6,
    initialQuantity: 30,
    categoryId: snacks.id,
  });
  await expectFromScratch(a);

  // Sales today and back-dated (in the window, before it, before the floor), a void, refunds.
  const today = await sell(a, [
    [cola.id, 3],
    [crisps.id, 2],
    [tea.id, 1],
  ]);
  await sell(a, [[cola.id, 4]], daysAgo(3));
  await sell(a, [[crisps.id, 6]], daysAgo(31));
  await sell(a, [[tea.id, 2]], daysAgo(45));
  const voided = await sell(a, [[crisps.id, 5]]);
  await postVoid(a, voided.id, { reason: 'Wrong basket' }).expect(200);
  await postRefund(a, today.id, {
    lines: [{ saleLineId: today.items[0].id, quantity: 2 }],
    reason: 'Dented cans',
  }).expect(201);
  await expectFromScratch(a);

  // A delivery at a new cost (the moving average), an adjustment, a shelf count.
  const order = await placeOrder(a, {
    supplier: (
      await a.api.post(`${a.url}/suppliers`).set(a.auth).send({ name: 'Acme' }).expect(201)
    ).body.data,
    tea,
    cups,
  });
  await patchStatus(a, order.id, { status: 'processing' }).expect(200);
  await postReceipt(a, order.id, { lines: [{ productId: tea.id, quantity: 10 }] }).expect(201);
  await postAdjustment(a, cups.id, { delta: -40, reason: 'damaged' }).expect(201);
  await postCount(a, cola.id, { countedQuantity: 41 }).expect(201);
  await expectFromScratch(a);

  // An import (new products, and existing ones' fields and stock), edits, deletes.
  const csv = `sku,name,price,cost,quantity\nIMP-1,Lemonade,3,1,12\n${crisps.sku},Crisps salted,1.75,0.7,9\n`;
  const imported = await uploadProducts(a, Buffer.from(csv), 'p.csv', {
    fields: { updateExisting: 'true', updateStock: 'true' },
  }).expect(200);
  expect(imported.body.data.summary).toEqual(expect.objectContaining({ created: 1, updated: 1 }));
  await a.api
    .patch(`${a.url}/products/${cola.id}`)
    .set(a.auth)
    .send({ price: 2.4, categoryId: snacks.id, active: false })
    .expect(200);
  const spare = await createProduct(a, {
    name: 'Spare',
    price: 9,
    initialQuantity: 0,
    categoryId: drinks.id,
  });
  await a.api.delete(`${a.url}/products/${spare.id}`).set(a.auth).expect(204);
  await a.api.delete(`${a.url}/categories/${snacks.id}`).set(a.auth).expect(204);
  await expectFromScratch(a);

  // A transfer: out of A when sent, into B when received.
  const transfer = (
    await postTransfer(a, {
      toStoreId: b.storeId,
      lines: [{ productId: tea.id, quantity: 5 }],
    }).expect(201)
  ).body.data;
  const sent = (await transferAction(a, transfer.id, 'send').expect(200)).body.data;
  await transferAction(b, transfer.id, 'receive', {
    lines: sent.lines.map((l: { id: string; quantity: number }) => ({
      lineId: l.id,
      receivedQuantity: l.quantity,
    })),
  }).expect(200);
  await sell(b, [[teaB.id, 3]]);
  await expectFromScratch(a);
  await expectFromScratch(b);

  // A new time zone recounts the days; folding and raising the floor change no figure.
  const admin = await memberOf(t, a.storeId, 'admin');
  await a.api.patch(a.url).set(admin.auth).send({ timezone: 'Pacific/Kiritimati' }).expect(200);
  await expectFromScratch(a);
  const deltas = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM dashboard_stock WHERE store_id = $1',
    [a.storeId],
  );
  expect(await foldFigures(t.db.pool, a.storeId)).toBe(true);
  const folded = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM dashboard_stock WHERE store_id = $1',
    [a.storeId],
  );
  expect(folded.rows[0].n).toBeLessThan(deltas.rows[0].n);
  await keepUpFigures(t.db.pool);
  await sell(a, [[tea.id, 1]]);
  await postAdjustment(a, tea.id, { delta: 1, reason: 'return' }).expect(201);
  await expectFromScratch(a);
  await expectFromScratch(b);
});

test('when the best sellers by bound are not the best in the window, then the ranking reads further and still equals a count from scratch', async () => {
  const { a } = await twoStores(t, 'manager');
  const products = [];
  for (let i = 0; i < 12; i++) {
    products.push(
      await createProduct(a, { name: `P${i}`, price: 1 + i / 10, initialQuantity: 500 }),
    );
  }
  // Big sellers before the window (after the floor) outrank every product in their bound.
  for (const [i, p] of products.slice(0, 8).entries()) await sell(a, [[p.id, 40 + i]], daysAgo(31));
  for (const [i, p] of products.entries()) await sell(a, [[p.id, 1 + (i % 5)]], daysAgo(i % 3));
  const expected = (await fromScratch(t.db.pool, a.storeId)).topMovers;
  for (const limit of [1, 2, 3, 10]) {
    const got = await topMovers(t.db.pool, a.storeId, 'UTC', 30, limit);
    expect(got).toEqual(expected.slice(0, limit));
  }
});

test('when many sales of one category commit at once, then every one is counted once (each adds its own delta rows)', async () => {
  const { a } = await twoStores(t, 'manager');
  const drinks = await createCategory(a, { name: 'Drinks' });
  const products = await Promise.all(
    ['Cola', 'Lemonade', 'Water'].map((name) =>
      createProduct(a, { name, price: 2, cost: 1, initialQuantity: 100, categoryId: drinks.id }),
    ),
  );
  const before = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM dashboard_stock WHERE store_id = $1',
    [a.storeId],
  );
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      sell(a, [
        [products[i % 3]!.id, 1 + (i % 4)],
        [products[(i + 1) % 3]!.id, 1],
      ]),
    ),
  );
  const after = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM dashboard_stock WHERE store_id = $1',
    [a.storeId],
  );
  // Appended, never updated in place: one delta row per sale for the one category touched.
  expect(after.rows[0].n - before.rows[0].n).toBe(20);
  await expectFromScratch(a);
});

test('when a demo store is generated (written with the triggers off), then its dashboard equals a count from scratch and it has best sellers', async () => {
  const { storeId } = await createDemoAccount(t.db.pool, t.services, {
    email: uniqueEmail('demo'),
    password: DEFAULT_PASSWORD,
    name: 'Demo Owner',
    storeName: 'Demo figures',
    products: 40,
    days: 45,
    seed: 5,
  });
  const owner = await memberOf(t, storeId, 'admin');
  await expectFromScratch(owner);
  const { timezone } = one(
    (await t.db.pool.query('SELECT timezone FROM stores WHERE id = $1', [storeId])).rows,
  );
  expect((await topMovers(t.db.pool, storeId, timezone, 30, 5)).length).toBe(5);
});
