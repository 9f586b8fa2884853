import { createReads } from '../../reads';
import { useTestApp } from '../../test/app';
import { createProduct, storeWithMember } from '../../test/factories';
import { sellDaily, weeklyPattern } from '../../test/forecasting';
import { dailyDemand } from '../shopping-lists/demand';

const t = useTestApp();
const sources = createReads().forecasting;

test('when a product has months of history, then reorder-list demand is its forecast, and one with a few days of sales keeps the 30-day average', async () => {
  const s = await storeWithMember(t);
  const flat = await createProduct(s);
  const young = await createProduct(s);
  await sellDaily(t, s, flat.id, new Array(90).fill(5));
  await sellDaily(t, s, young.id, [3, 3, 3]); // too short to forecast: the 30-day average

  const demand = await dailyDemand(sources, t.db.pool, s.storeId, [flat.id, young.id], 10);
  expect(demand.get(flat.id)).toBeCloseTo(5, 1);
  expect(demand.get(young.id)).toBeCloseTo(9 / 30, 6);
});

test('when a fresh stored forecast exists, then reorder-list demand is its mean over the horizon; a stale one is ignored', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s);
  await sellDaily(t, s, p.id, new Array(60).fill(2));
  const today = new Date().toISOString().slice(0, 10);
  const store = (calculatedAt: string) =>
    t.db.pool.query(
      `INSERT INTO product_forecasts (store_id, product_id, status, method, start_date, level, mean, lower, upper, sigma, calculated_at)
       VALUES ($1, $2, 'ok', 'simple_exponential', $3, 0.8, $4, $4, $4, 1, $5)
       ON CONFLICT (store_id, product_id) DO UPDATE SET calculated_at = excluded.calculated_at`,
      [s.storeId, p.id, today, [10, 10, 10, 40, 40, 40], calculatedAt],
    );
  await store(new Date().toISOString());
  expect((await dailyDemand(sources, t.db.pool, s.storeId, [p.id], 3)).get(p.id)).toBe(10);
  expect((await dailyDemand(sources, t.db.pool, s.storeId, [p.id], 6)).get(p.id)).toBe(25);

  await store(new Date(Date.now() - 3 * 86_400_000).toISOString());
  expect((await dailyDemand(sources, t.db.pool, s.storeId, [p.id], 6)).get(p.id)).toBeCloseTo(2, 1);
});

test("when a product without a stored forecast has a weekly pattern, then the reorder list's expected demand is the product page's forecast over the same horizon", async () => {
  const s = await storeWithMember(t, 'manager');
  const bread = await createProduct(s, { name: 'Bread', initialQuantity: 100 });
  await sellDaily(t, s, bread.id, weeklyPattern(120, 10));
  const page = (await s.api.get(`${s.url}/predictions/${bread.id}`).set(s.auth).expect(200)).body
    .data;
  const chart = (
    await s.api.get(`${s.url}/forecasts?productId=${bread.id}&horizon=90`).set(s.auth).expect(200)
  ).body.data.forecasts[0].predictions.map((p: { predictedDemand: number }) => p.predictedDemand);
  const chartMean = (days: number) =>
    chart.slice(0, days).reduce((n: number, v: number) => n + v, 0) / days;
  expect(page.demandSource).toBe('forecast');

  // The product page's figure is its forecast's mean over 28 days: the list's at 28 days is it.
  const at28 = (await dailyDemand(sources, t.db.pool, s.storeId, [bread.id], 28)).get(bread.id)!;
  expect(at28).toBeCloseTo(page.demandPerDay, 2); // as the page shows it, to the hundredth
  // Shorter and longer horizons read the same forecast (a week, and beyond the 28-day figure):
  // the chart's means over those days, not a forecast of their own.
  for (const days of [3, 7, 45]) {
    const listed = (await dailyDemand(sources, t.db.pool, s.storeId, [bread.id], days)).get(
      bread.id,
    )!;
    expect(listed).toBeCloseTo(chartMean(days), 2);
  }
  // A 3-day horizon is not the 28-day figure: the weekday pattern shows.
  const at3 = (await dailyDemand(sources, t.db.pool, s.storeId, [bread.id], 3)).get(bread.id)!;
  expect(Math.abs(at3 - at28)).toBeGreaterThan(0.1);
});
