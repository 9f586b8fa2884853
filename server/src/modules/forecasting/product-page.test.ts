import { useTestApp } from '../../test/app';
import {
  createProduct,
  createSupplier,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { sellDaily, weeklyPattern } from '../../test/forecasting';

/**
 * Issue 16, defect 6: the product page asks the API one question each — one reorder point (the
 * product's, with Nimbus's suggestion beside it), one demand figure (the outlook's and the
 * chart's), weekdays by name, history from the first stock movement, and days of stock that
 * never outlast the stock's expiry.
 */
const t = useTestApp();

const DAY = 86_400_000;
const dayIn = (n: number) => new Date(Date.now() + n * DAY).toISOString().slice(0, 10);
const prediction = async (s: StoreMember, id: string) =>
  (await s.api.get(`${s.url}/predictions/${id}`).set(s.auth).expect(200)).body.data;
const forecast = async (s: StoreMember, q: string) =>
  (await s.api.get(`${s.url}/forecasts?${q}`).set(s.auth).expect(200)).body.data.forecasts[0];

test('when milk that sells 2 a day has 382 in stock but expires in 19 days, then its days of stock left are 19, not 191', async () => {
  const s = await storeWithMember(t, 'manager');
  const milk = await createProduct(s, {
    name: 'Milk',
    initialQuantity: 382,
    expiresAt: dayIn(19),
  });
  await sellDaily(t, s, milk.id, new Array(30).fill(2));
  const p = await prediction(s, milk.id);
  expect(p).toEqual(
    expect.objectContaining({
      demandPerDay: 2,
      expiresAt: dayIn(19),
      daysLeft: 19,
      daysLeftLimitedBy: 'expiry',
      stockoutDate: dayIn(19),
    }),
  );
  // The product list reads the same from the stored prediction.
  const listed = (
    await s.api.get(`${s.url}/predictions?productIds=${milk.id}`).set(s.auth).expect(200)
  ).body.data;
  expect(listed[0]).toEqual(p);
  const { rows } = await t.db.pool.query(
    'SELECT demand_per_day FROM product_predictions WHERE product_id = $1',
    [milk.id],
  );
  expect(rows).toEqual([{ demand_per_day: 2 }]);
});

test("when the product's reorder point is 25, then the prediction answers that one, with Nimbus's suggestion and why beside it, and the suggestion to order follows the product's", async () => {
  const s = await storeWithMember(t, 'manager');
  const cheese = await createProduct(s, { name: 'Cheese', initialQuantity: 26, reorderPoint: 25 });
  await sellDaily(t, s, cheese.id, new Array(30).fill(4));
  const above = await prediction(s, cheese.id);
  expect(above.reorderPoint).toBe(25);
  // 4 a day over the default 7-day lead time: 28, no safety stock for a steady demand.
  expect(above.reorder).toEqual(
    expect.objectContaining({
      reorderPoint: 28,
      why: '7 days of lead time at about 4 a day (28); demand has been steady, so no safety stock is needed for 95% of order cycles',
      // 26 is above the product's 25: nothing yet (Nimbus's own 28 would have said reorder).
      suggestedQuantity: 0,
    }),
  );
  await s.api
    .post(`${s.url}/products/${cheese.id}/adjustments`)
    .set(s.auth)
    .send({ delta: -1, reason: 'damaged' })
    .expect(201);
  // At 25: up to 25 plus 14 days of demand.
  expect((await prediction(s, cheese.id)).reorder.suggestedQuantity).toBe(25 + 56 - 25);
});

test("when the product page shows the outlook and the chart, then both use one demand figure: the chart's daily forecast averaged over the next 28 days", async () => {
  const s = await storeWithMember(t, 'manager');
  const bread = await createProduct(s, { name: 'Bread', initialQuantity: 100 });
  await sellDaily(t, s, bread.id, weeklyPattern(120, 10));
  const p = await prediction(s, bread.id);
  const f = await forecast(s, `productId=${bread.id}&horizon=28`);
  const mean =
    f.predictions.reduce((n: number, x: { predictedDemand: number }) => n + x.predictedDemand, 0) /
    28;
  expect(p.demandSource).toBe('forecast');
  expect(p.demandDays).toBe(28);
  expect(p.demandPerDay).toBeCloseTo(mean, 1);
  expect(p.daysLeft).toBeCloseTo(100 / p.demandPerDay, 0);
});

test('when a forecast has a weekly pattern, then its factors name the weekdays and say "a day" or "a week", never "Day 6 of each week" or "a period"', async () => {
  const s = await storeWithMember(t, 'manager');
  const bread = await createProduct(s, { name: 'Bread' });
  await sellDaily(t, s, bread.id, weeklyPattern(120, 10));
  const daily = await forecast(s, `productId=${bread.id}`);
  const words = daily.factors.map((f: { description: string }) => f.description).join(' | ');
  expect(words).not.toMatch(/Day \d of each week|a period/);
  const weekday = daily.factors.find((f: { name: string }) => f.name === 'weekday');
  // weeklyPattern: weekends 1.6×, weekdays 0.8× the mean: a multiplicative season says so in
  // multiples, an additive one in per cent.
  expect(weekday.description).toMatch(
    /^(Saturday|Sunday)s (\+\d+%|about \d(\.\d)?× an average day), (Monday|Tuesday|Wednesday|Thursday|Friday)s (−\d+%|\d(\.\d)?×)$/,
  );
  expect(daily.factors.find((f: { name: string }) => f.name === 'level').description).toMatch(
    / a day$/,
  );
  const weekly = await forecast(s, `productId=${bread.id}&period=week`);
  expect(weekly.factors.find((f: { name: string }) => f.name === 'level').description).toMatch(
    / a week$/,
  );
});

test('when a product was created long before it was first stocked, then its history starts at its first stock movement', async () => {
  const s = await storeWithMember(t, 'manager');
  const jam = await createProduct(s, { name: 'Jam', initialQuantity: 50 });
  // Created 90 days ago, first stocked 40 days ago, sold for the last 30.
  await t.db.pool.query(
    `UPDATE products SET created_at = now() - interval '90 days' WHERE id = $1`,
    [jam.id],
  );
  await t.db.pool.query(
    `UPDATE stock_movements SET created_at = now() - interval '40 days' WHERE product_id = $1`,
    [jam.id],
  );
  await sellDaily(t, s, jam.id, new Array(30).fill(1));
  const f = await forecast(s, `productId=${jam.id}`);
  // Before: 90 days, the first 60 of them zero-sale days from before it was on the shelf.
  expect(f.history).toHaveLength(40);
  expect(f.history[0]).toEqual({ date: dayIn(-40), actual: 0 });
  expect(f.history.filter((h: { actual: number }) => h.actual === 0)).toHaveLength(10);
});

test('when broccoli on hand sells out before its expiry and a delivery is due, then the outlook counts the delivery and does not blame the expiry', async () => {
  const s = await storeWithMember(t, 'manager');
  const greens = await createSupplier(s, { name: 'Greens', leadTimeDays: 2 });
  const broccoli = await createProduct(s, {
    name: 'Broccoli',
    initialQuantity: 60,
    expiresAt: dayIn(6),
    supplierId: greens.id,
  });
  // 12 a day; the last delivery came in 4 days ago, so a delivery keeps 10 days.
  await sellDaily(t, s, broccoli.id, new Array(30).fill(12));
  await t.db.pool.query(
    `UPDATE stock_movements SET created_at = now() - interval '4 days' WHERE product_id = $1`,
    [broccoli.id],
  );
  await s.api
    .post(`${s.url}/purchase-orders`)
    .set(s.auth)
    .send({
      supplierId: greens.id,
      expectedAt: dayIn(2),
      lines: [{ productId: broccoli.id, quantity: 60, unitCost: 1 }],
    })
    .expect(201);
  const p = await prediction(s, broccoli.id);
  // Before: 6 days, limited by the expiry of the stock on hand, which sells out in 5.
  expect(p).toEqual(
    expect.objectContaining({
      daysLeft: 10,
      daysLeftLimitedBy: 'demand',
      expiringStock: null,
      onHandExpiresUnsold: false,
      stockoutDate: dayIn(10),
    }),
  );
});
