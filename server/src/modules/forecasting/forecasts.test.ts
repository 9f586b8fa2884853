import { useTestApp } from '../../test/app';
import { createCategory, createProduct, memberOf, storeWithMember } from '../../test/factories';
import { sellDaily, weeklyPattern } from '../../test/forecasting';

const t = useTestApp();

const forecasts = (
  s: { api: typeof t.api; url: string; auth: Record<string, string> },
  q: string,
) => s.api.get(`${s.url}/forecasts?${q}`).set(s.auth);

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);

test('when a product has months of daily sales, then its daily forecast starts today with intervals, accuracy and the history it saw', async () => {
  const s = await storeWithMember(t, 'employee');
  const p = await createProduct(s, { name: 'Bread' });
  await sellDaily(t, s, p.id, weeklyPattern(120, 10));

  const res = await forecasts(s, `productId=${p.id}&horizon=14`).expect(200);
  const [f] = res.body.data.forecasts;
  expect(f).toEqual(
    expect.objectContaining({
      itemId: p.id,
      itemType: 'product',
      name: 'Bread',
      period: 'day',
      status: 'ok',
      message: null,
      level: 0.8,
    }),
  );
  expect(f.method).toEqual(expect.any(String));
  // daily data are offered the weekly pattern, and the answer says so
  expect(f.seasonLength).toBe(7);
  expect(f.history).toHaveLength(120);
  expect(f.history.at(-1)).toEqual({ date: yesterday(), actual: expect.any(Number) });
  expect(f.predictions).toHaveLength(14);
  expect(f.predictions[0].date).toBe(today());
  for (const point of f.predictions) {
    expect(point.lower).toBeLessThanOrEqual(point.predictedDemand);
    expect(point.upper).toBeGreaterThanOrEqual(point.predictedDemand);
    expect(point.confidence).toBe(0.8);
  }
  // Weekly totals around 7 × 10 units: the forecast is in the right range.
  const week = f.predictions
    .slice(0, 7)
    .reduce((n: number, x: { predictedDemand: number }) => n + x.predictedDemand, 0);
  expect(week).toBeGreaterThan(50);
  expect(week).toBeLessThan(95);
  expect(f.accuracy).toEqual(expect.objectContaining({ rmse: expect.any(Number) }));
});

test('when asked by week or by month, then whole past periods are the history and predictions start with the current period', async () => {
  const admin = await storeWithMember(t);
  const p = await createProduct(admin);
  await sellDaily(t, admin, p.id, new Array(400).fill(3));
  const s = await memberOf(t, admin.storeId, 'viewer');

  const weekly = (await forecasts(s, `productId=${p.id}&period=week&horizon=4`).expect(200)).body
    .data.forecasts[0];
  expect(weekly.period).toBe('week');
  // a year of weeks is too little for a 52-week season (three years are needed)
  expect(weekly.seasonLength).toBe(1);
  expect(weekly.predictions).toHaveLength(4);
  for (const h of weekly.history) {
    expect(new Date(`${h.date}T00:00:00Z`).getUTCDay()).toBe(1); // Mondays
    expect(h.actual).toBe(21);
  }
  expect(weekly.predictions[0].predictedDemand).toBeCloseTo(21, 0);

  const monthly = (await forecasts(s, `productId=${p.id}&period=month&horizon=12`).expect(200)).body
    .data.forecasts[0];
  expect(monthly.predictions).toHaveLength(12);
  expect(monthly.seasonLength).toBe(1);
  expect(monthly.history.every((h: { date: string }) => h.date.endsWith('-01'))).toBe(true);
  // The current month is not over: it is predicted, not history.
  expect(monthly.predictions[0].date).toBe(`${today().slice(0, 8)}01`);
});

test('when a product has three years of sales with a December peak, then by month and by week the yearly season is used and the peak is forecast', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s);
  const days = 3 * 366 + 40;
  const dayAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
  await sellDaily(
    t,
    s,
    p.id,
    Array.from({ length: days }, (_, i) => (dayAgo(days - i).getUTCMonth() === 11 ? 12 : 3)),
  );

  const monthly = (await forecasts(s, `productId=${p.id}&period=month&horizon=12`).expect(200)).body
    .data.forecasts[0];
  expect(monthly.seasonLength).toBe(12);
  expect(monthly.history.length).toBeGreaterThanOrEqual(36);
  const byMonth = new Map<string, number>(
    monthly.predictions.map((x: { date: string; predictedDemand: number }) => [
      x.date.slice(5, 7),
      x.predictedDemand,
    ]),
  );
  // December (about 31 × 12 units) stands well above June (about 30 × 3).
  expect(byMonth.get('12')!).toBeGreaterThan(2.5 * byMonth.get('06')!);

  const weekly = (await forecasts(s, `productId=${p.id}&period=week&horizon=52`).expect(200)).body
    .data.forecasts[0];
  expect(weekly.seasonLength).toBe(52);
  expect(weekly.history.length).toBeGreaterThanOrEqual(156);
});

test('when a category is asked, then its series is the sum of its products', async () => {
  const s = await storeWithMember(t);
  const dairy = await createCategory(s, { name: 'Dairy' });
  const milk = await createProduct(s, { categoryId: dairy.id });
  const cheese = await createProduct(s, { categoryId: dairy.id });
  await sellDaily(t, s, milk.id, new Array(60).fill(4));
  await sellDaily(t, s, cheese.id, new Array(60).fill(1));

  const f = (await forecasts(s, `category=${dairy.id}&horizon=3`).expect(200)).body.data
    .forecasts[0];
  expect(f).toEqual(
    expect.objectContaining({ itemId: dairy.id, itemType: 'category', name: 'Dairy' }),
  );
  expect(f.history.map((h: { actual: number }) => h.actual)).toEqual(new Array(60).fill(5));
});

test('when a product sold for only a few days, then the answer says the history is too short, with no predictions', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s);
  await sellDaily(t, s, p.id, [2, 3, 1]);
  const f = (await forecasts(s, `productId=${p.id}`).expect(200)).body.data.forecasts[0];
  expect(f).toEqual(
    expect.objectContaining({
      status: 'insufficient_history',
      method: null,
      seasonLength: null,
      predictions: [],
      accuracy: null,
      accuracySummary: null,
    }),
  );
  expect(f.message).toMatch(/history/);
});

test.each([
  ['horizon=0', 'horizon'],
  ['horizon=10000', 'horizon'],
  ['period=week&horizon=53', 'horizon'],
  ['period=month&horizon=13', 'horizon'],
  ['period=year', 'period'],
  ['horizon=abc', 'horizon'],
  ['level=2', 'level'],
])('when the query has %s, then it is 400 naming %s', async (q, field) => {
  const s = await storeWithMember(t);
  const p = await createProduct(s);
  const res = await forecasts(s, `productId=${p.id}&${q}`).expect(400);
  expect(res.body.error.code).toBe('VALIDATION_ERROR');
  expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
});

test('when neither or both of productId and category are given, or an id is SQL, then it is 400', async () => {
  const s = await storeWithMember(t);
  const c = await createCategory(s);
  const p = await createProduct(s);
  await forecasts(s, 'period=day').expect(400);
  await forecasts(s, `productId=${p.id}&category=${c.id}`).expect(400);
  const sql = await forecasts(s, `productId=${encodeURIComponent("1' OR '1'='1")}`).expect(400);
  expect(sql.body.error.details[0].field).toBe('productId');
});

test("when the product or category is unknown or another store's, then it is 404", async () => {
  const s = await storeWithMember(t);
  const other = await storeWithMember(t);
  const theirs = await createProduct(other);
  const theirCategory = await createCategory(other);
  await forecasts(s, `productId=${theirs.id}`).expect(404);
  await forecasts(s, `category=${theirCategory.id}`).expect(404);
  await forecasts(s, 'productId=00000000-0000-4000-8000-000000000000').expect(404);
});

test('when the caller is not a member of the store, then it is 403', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s);
  const outsider = await storeWithMember(t);
  await t.api.get(`${s.url}/forecasts?productId=${p.id}`).set(outsider.auth).expect(403);
  // Every role reads forecasts.
  const viewer = await memberOf(t, s.storeId, 'viewer');
  await forecasts(viewer, `productId=${p.id}`).expect(200);
});

test("when the store is in another time zone, then sales fall on the store's days and today's (local) are not history yet", async () => {
  const zone = 'Pacific/Kiritimati'; // UTC+14: noon UTC is 02:00 the next day there
  const s = await storeWithMember(t);
  await t.db.pool.query(`UPDATE stores SET timezone = $2 WHERE id = $1`, [s.storeId, zone]);
  const p = await createProduct(s);
  await sellDaily(t, s, p.id, [...new Array(40).fill(1), 7, 9]);
  const local = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(d);
  const noonUtc = (daysAgo: number) => {
    const d = new Date(Date.now() - daysAgo * 86_400_000);
    d.setUTCHours(12, 0, 0, 0);
    return d;
  };
  const localToday = local(new Date());
  const f = (await forecasts(s, `productId=${p.id}`).expect(200)).body.data.forecasts[0];
  const byDate = new Map(
    f.history.map((h: { date: string; actual: number }) => [h.date, h.actual]),
  );
  // Each sale is on its store-local day, and only before the store's today.
  for (const [daysAgo, units] of [
    [2, 7],
    [1, 9],
  ] as const) {
    const day = local(noonUtc(daysAgo));
    expect(day).not.toBe(noonUtc(daysAgo).toISOString().slice(0, 10));
    expect(byDate.get(day)).toBe(day < localToday ? units : undefined);
  }
  expect(f.history.at(-1).date < localToday).toBe(true);
  expect(f.predictions[0].date).toBe(localToday);
});
