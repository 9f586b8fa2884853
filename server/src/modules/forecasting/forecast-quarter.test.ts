import { useTestApp } from '../../test/app';
import { createProduct, storeWithMember } from '../../test/factories';
import { sellDaily } from '../../test/forecasting';
import { aggregate, nextPeriod, periodStart } from './series';

const t = useTestApp();

test('when days are grouped by quarter, then each falls in the quarter starting in January, April, July or October', () => {
  expect(periodStart('2026-02-28', 'quarter')).toBe('2026-01-01');
  expect(periodStart('2026-06-30', 'quarter')).toBe('2026-04-01');
  expect(periodStart('2026-12-31', 'quarter')).toBe('2026-10-01');
  expect(nextPeriod('2026-10-01', 'quarter')).toBe('2027-01-01');
  expect(nextPeriod('2026-04-01', 'quarter', 2)).toBe('2026-10-01');
  // 2026-03-15 … 2026-11-09: the first quarter is entered mid-way and the current one not over.
  const values = Array.from({ length: 240 }, () => 1);
  expect(aggregate({ start: '2026-03-15', values }, 'quarter', '2026-11-10')).toEqual([
    { date: '2026-04-01', actual: 91 },
    { date: '2026-07-01', actual: 92 },
  ]);
});

test('when a product has two years of sales, then period=quarter forecasts whole quarters from whole quarters', async () => {
  const s = await storeWithMember(t, 'employee');
  const p = await createProduct(s, { name: 'Rice' });
  await sellDaily(
    t,
    s,
    p.id,
    Array.from({ length: 800 }, () => 4),
  );

  const res = await s.api
    .get(`${s.url}/forecasts?productId=${p.id}&period=quarter&horizon=4`)
    .set(s.auth)
    .expect(200);
  const [f] = res.body.data.forecasts;
  expect(f).toEqual(expect.objectContaining({ period: 'quarter', status: 'ok' }));
  const current = periodStart(new Date().toISOString().slice(0, 10), 'quarter');
  const history = f.history as { date: string; actual: number }[];
  expect(history.length).toBeGreaterThanOrEqual(7);
  for (const h of history) {
    expect(h.date).toMatch(/^\d{4}-(01|04|07|10)-01$/);
    // a whole quarter of 4 a day: 90 to 92 days
    expect(h.actual).toBeGreaterThanOrEqual(4 * 90);
    expect(h.actual).toBeLessThanOrEqual(4 * 92);
  }
  expect(history.at(-1)!.date).toBe(nextPeriod(current, 'quarter', -1));
  expect(f.predictions.map((x: { date: string }) => x.date)).toEqual(
    [0, 1, 2, 3].map((i) => nextPeriod(current, 'quarter', i)),
  );
  // flat demand: about 4 a day, a quarter's worth each
  for (const x of f.predictions as { predictedDemand: number }[])
    expect(Math.abs(x.predictedDemand - 4 * 91)).toBeLessThan(20);
});

test('when more than four quarters are asked, then 400 naming horizon', async () => {
  const s = await storeWithMember(t, 'employee');
  const p = await createProduct(s);
  const res = await s.api
    .get(`${s.url}/forecasts?productId=${p.id}&period=quarter&horizon=5`)
    .set(s.auth)
    .expect(400);
  expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'horizon' })]);
});

test('when another store’s product is forecast by quarter, then 404', async () => {
  const s = await storeWithMember(t, 'employee');
  const other = await storeWithMember(t, 'employee');
  const theirs = await createProduct(other);
  await s.api
    .get(`${s.url}/forecasts?productId=${theirs.id}&period=quarter`)
    .set(s.auth)
    .expect(404);
});
