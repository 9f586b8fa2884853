import { useTestApp } from '../../../test/app';
import { withApiKey } from '../../../test/api-keys';
import { countRows, createProduct, quantityOf, storeWithMember } from '../../../test/factories';

/*
 * Syncs at once: the same new products from two requests are made once, with one opening
 * stock each; a sync and a sale of the products it changes lock them in the same order.
 */
const t = useTestApp();

test('when two identical syncs of new products race, then each product is made once with one opening movement, and the other answers it unchanged', async () => {
  const admin = await storeWithMember(t, 'admin');
  const [shop1, shop2] = [await withApiKey(admin, 'manager'), await withApiKey(admin, 'admin')];
  const items = Array.from({ length: 20 }, (_, i) => ({
    sku: `RACE-${i}`,
    name: `Racer ${i}`,
    price: 2,
    initialQuantity: 3,
  }));
  // The second sends them in the opposite order: no deadlock either way.
  const [one, two] = await Promise.all([
    shop1.api.post(`${shop1.url}/products/sync`).set(shop1.auth).send({ items }),
    shop2.api
      .post(`${shop2.url}/products/sync`)
      .set(shop2.auth)
      .send({ items: [...items].reverse() }),
  ]);
  expect([one.status, two.status]).toEqual([200, 200]);
  const summaries = [one, two].map((r) => r.body.data.summary);
  expect(summaries).toEqual(
    expect.arrayContaining([
      { total: 20, created: 20, updated: 0, unchanged: 0, rejected: 0 },
      { total: 20, created: 0, updated: 0, unchanged: 20, rejected: 0 },
    ]),
  );
  expect(await countRows(t, 'products', admin.storeId)).toBe(20);
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n, sum(delta)::int AS units FROM stock_movements WHERE store_id = $1',
    [admin.storeId],
  );
  expect(rows[0]).toEqual({ n: 20, units: 60 });
});

test('when a sale holds one of the products a sync changes, then the sync waits for it without holding another (id order, as a sale locks): no deadlock', async () => {
  const admin = await storeWithMember(t, 'admin');
  const shop = await withApiKey(admin, 'manager');
  const made = [
    await createProduct(admin, { sku: 'P-1', name: 'P1', price: 1, initialQuantity: 5 }),
    await createProduct(admin, { sku: 'P-2', name: 'P2', price: 1, initialQuantity: 5 }),
  ].sort((x, y) => (x.id < y.id ? -1 : 1));
  const [low, high] = made as [{ id: string; sku: string }, { id: string; sku: string }];
  // A sale's transaction, by hand: it locks its products in id order, the lower one first.
  const sale = await t.db.pool.connect();
  try {
    await sale.query('BEGIN');
    await sale.query("SET LOCAL lock_timeout = '3s'");
    await sale.query('SELECT 1 FROM products WHERE id = $1 FOR UPDATE', [low.id]);
    // The sync names the higher one first.
    const syncing = shop.api
      .post(`${shop.url}/products/sync`)
      .set(shop.auth)
      .send({
        items: [
          { sku: high.sku, name: 'Higher', price: 2 },
          { sku: low.sku, name: 'Lower', price: 2 },
        ],
      })
      .then((r) => r);
    // Until the sync waits on the lower product's lock.
    for (let waited = 0; ; waited += 20) {
      const { rows } = await t.db.pool.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'",
      );
      if (rows[0].n > 0) break;
      if (waited > 5000) throw new Error('the sync never waited for the lock');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The sale takes its second product: free, since the sync holds nothing yet.
    await sale.query('SELECT 1 FROM products WHERE id = $1 FOR UPDATE', [high.id]);
    await sale.query('COMMIT');
    const res = await syncing;
    expect(res.status).toBe(200);
    expect(res.body.data.summary.updated).toBe(2);
  } finally {
    await sale.query('ROLLBACK').catch(() => undefined);
    sale.release();
  }
  expect([await quantityOf(t, low.id), await quantityOf(t, high.id)]).toEqual([5, 5]);
});
