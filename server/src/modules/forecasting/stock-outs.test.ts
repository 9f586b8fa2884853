import { inventoryReads, wholeDaysWithoutStock } from '../inventory/inventory.reads';
import { useTestApp } from '../../test/app';
import { createProduct, storeWithMember } from '../../test/factories';
import { sellDaily, weeklyPattern } from '../../test/forecasting';

const t = useTestApp();

test('when the ledger shows a day that began at 0 and nothing came in, then it is a day without stock; a day restocked or sold out during it is not', () => {
  const ledger = {
    opening: 0,
    days: new Map([
      ['2026-03-02', { high: 20, closing: 20 }], // first stock, mid-morning
      ['2026-03-04', { high: 20, closing: 0 }], // sold out during the day
      ['2026-03-07', { high: 5, closing: 5 }], // restocked
    ]),
  };
  expect(wholeDaysWithoutStock(ledger, '2026-03-01', '2026-03-09')).toEqual([
    '2026-03-01', // before the first stock
    '2026-03-05',
    '2026-03-06',
  ]);
});

const daysAgo = (n: number, hour: number) =>
  new Date(
    Date.UTC(
      new Date().getUTCFullYear(),
      new Date().getUTCMonth(),
      new Date().getUTCDate() - n,
      hour,
    ),
  );

/**
 * A product stocked 120 days ago, emptied 20 days ago in the morning and restocked 10 days ago
 * (its ledger), with 120 days of sales ending yesterday and none on the nine days without
 * stock (19 … 11 days ago).
 */
async function emptiedForNineDays(s: Awaited<ReturnType<typeof storeWithMember>>) {
  const p = await createProduct(s, { name: 'Oat milk' });
  const moves: [number, number, number][] = [
    [120, 1000, 1000],
    [20, -1000, 0],
    [10, 500, 500],
  ];
  for (const [ago, delta, after] of moves)
    await t.db.pool.query(
      `INSERT INTO stock_movements (store_id, product_id, delta, reason, quantity_after, created_at)
       VALUES ($1, $2, $3, 'adjustment', $4, $5)`,
      [s.storeId, p.id, delta, after, daysAgo(ago, 8)],
    );
  const units = weeklyPattern(120, 10).map((u, i) => (120 - i >= 11 && 120 - i <= 19 ? 0 : u));
  await sellDaily(t, s, p.id, units);
  return p;
}

test('when a product was out of stock for nine days by its ledger, then its forecast leaves those days out (and says so) instead of counting them as no demand', async () => {
  const s = await storeWithMember(t, 'employee');
  const p = await emptiedForNineDays(s);

  const res = await s.api
    .get(`${s.url}/forecasts?productId=${p.id}&horizon=14`)
    .set(s.auth)
    .expect(200);
  const [f] = res.body.data.forecasts;
  expect(f.status).toBe('ok');
  expect(f.factors).toContainEqual(
    expect.objectContaining({
      name: 'cleaning',
      description: expect.stringContaining('9 days out of stock left out'),
    }),
  );
  // the nine zero days did not pull the level down: about 10 a day on average
  const week = f.predictions
    .slice(0, 7)
    .reduce((n: number, x: { predictedDemand: number }) => n + x.predictedDemand, 0);
  expect(week).toBeGreaterThan(60);
});

test('when the nightly recalculation looks for anomalies, then the nine days without stock are not demand drops', async () => {
  const s = await storeWithMember(t, 'manager');
  const p = await emptiedForNineDays(s);
  // One day that sold nothing with stock on the shelf, 5 days ago: that one is a drop.
  await t.db.pool.query(
    `DELETE FROM sale_items WHERE product_id = $1
       AND (sold_at AT TIME ZONE 'UTC')::date = (now() AT TIME ZONE 'UTC')::date - 5`,
    [p.id],
  );
  await t.services.forecasting.recalculateNow(s.storeId);

  const res = await s.api.get(`${s.url}/anomalies?type=demand_drop`).set(s.auth).expect(200);
  const dropDays = res.body.data
    .filter((a: { productId: string }) => a.productId === p.id)
    .map((a: { date: string }) => a.date);
  const day = (n: number) => daysAgo(n, 12).toISOString().slice(0, 10);
  expect(dropDays).toContain(day(5));
  for (let n = 11; n <= 19; n++) expect(dropDays).not.toContain(day(n));
});

test('when another store asks, then the stock-out days of a product it cannot see are not read', async () => {
  const s = await storeWithMember(t, 'employee');
  const other = await storeWithMember(t, 'employee');
  const p = await createProduct(s);
  await t.db.pool.query(
    `INSERT INTO stock_movements (store_id, product_id, delta, reason, quantity_after, created_at)
     VALUES ($1, $2, 5, 'adjustment', 5, $3)`,
    [s.storeId, p.id, daysAgo(5, 8)],
  );
  const from = daysAgo(10, 0).toISOString().slice(0, 10);
  const to = daysAgo(0, 0).toISOString().slice(0, 10);
  expect(
    (await inventoryReads.zeroStockDays(t.db.pool, other.storeId, 'UTC', [p.id], from, to)).size,
  ).toBe(0);
  const mine = await inventoryReads.zeroStockDays(t.db.pool, s.storeId, 'UTC', [p.id], from, to);
  expect(mine.get(p.id)).toHaveLength(5);
});
