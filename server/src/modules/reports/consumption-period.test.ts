import { useTestApp } from '../../test/app';
import { createCategory, createProduct, storeWithMember } from '../../test/factories';
import { sell } from '../../test/shopping-lists';
import { dayAgo, reportOf } from '../../test/reports';
import type { StoreMember } from '../../test/factories';

const t = useTestApp();

/** Noon (UTC, the test stores' zone) `n` days ago. */
const noonAgo = (n: number) => new Date(`${dayAgo(n)}T12:00:00Z`);

async function ledger(s: StoreMember, productId: string, moves: [number, number, number][]) {
  for (const [ago, delta, after] of moves)
    await t.db.pool.query(
      `INSERT INTO stock_movements (store_id, product_id, delta, reason, quantity_after, created_at)
       VALUES ($1, $2, $3, 'adjustment', $4, $5)`,
      [s.storeId, productId, delta, after, noonAgo(ago)],
    );
}

/**
 * In the 10 days up to today: Cola (Drinks) stocked 9 days ago, sold out 5 days ago, restocked 2
 * days ago (8 days with stock), 8 units sold. Juice (Drinks) had stock 4 to 2 days ago only, 1
 * sold (its first stock, in the API, is today's). Chips (no category) 3 sold.
 */
async function shop() {
  const s = await storeWithMember(t, 'manager');
  const drinks = await createCategory(s, { name: 'Drinks' });
  const cola = await createProduct(s, {
    name: 'Cola',
    initialQuantity: 100,
    categoryId: drinks.id,
  });
  const juice = await createProduct(s, {
    name: 'Juice',
    initialQuantity: 10,
    categoryId: drinks.id,
  });
  const chips = await createProduct(s, { name: 'Chips', initialQuantity: 10 });
  await sell(s, cola.id, 4, 6);
  await sell(s, cola.id, 4, 1);
  await sell(s, juice.id, 1, 3);
  await sell(s, chips.id, 3, 1);
  await ledger(s, cola.id, [
    [9, 10, 10],
    [5, -10, 0],
    [2, 10, 10],
  ]);
  await ledger(s, juice.id, [
    [4, 5, 5],
    [2, -5, 0],
  ]);
  return { s, drinks, cola, juice, chips, from: dayAgo(9), to: dayAgo(0) };
}

type Row = { groupId: string | null; units: number; stockDays: number; averageVelocity: number };

test('when a product was out of stock for part of the period, then stockDays counts the days it had stock and averageVelocity is units per such day', async () => {
  const { s, cola, juice, from, to } = await shop();
  const r = await reportOf(s, `consumption?from=${from}&to=${to}`);
  const row = (id: string) => r.rows.find((x: Row) => x.groupId === id);
  // 9…5 days ago (sold out during the 5th) and 2 days ago to today: 5 + 3 days.
  expect(row(cola.id)).toEqual(
    expect.objectContaining({ units: 8, stockDays: 8, averageVelocity: 1 }),
  );
  // 4 and 3 days ago, 2 days ago (emptied during it) and today (its first stock, today).
  expect(row(juice.id)).toEqual(
    expect.objectContaining({ units: 1, stockDays: 4, averageVelocity: 0.25 }),
  );
});

test('when grouped by category, then a day counts when any of its products had stock', async () => {
  const { s, drinks, from, to } = await shop();
  const r = await reportOf(s, `consumption?from=${from}&to=${to}&groupBy=category`);
  const row = r.rows.find((x: Row) => x.groupId === drinks.id);
  // Juice fills Cola's gap (4 and 3 days ago): all 10 days, 9 units.
  expect(row).toEqual(expect.objectContaining({ units: 9, stockDays: 10, averageVelocity: 0.9 }));
});

test('when filtered by a category, then only its products are counted; another store’s category matches nothing', async () => {
  const { s, drinks, cola, juice, from, to } = await shop();
  const r = await reportOf(s, `consumption?from=${from}&to=${to}&category=${drinks.id}`);
  expect(r.category).toBe(drinks.id);
  expect(r.rows.map((x: Row) => x.groupId).sort()).toEqual([cola.id, juice.id].sort());
  expect(r.totals.units).toBe(9);

  const other = await storeWithMember(t, 'manager');
  const theirs = await createCategory(other, { name: 'Drinks' });
  const mine = await reportOf(s, `consumption?from=${from}&to=${to}&category=${theirs.id}`);
  expect(mine.rows).toEqual([]);
  expect(mine.totals.units).toBe(0);
});

/** The first day of the current week (Monday), month, quarter and year, by UTC. */
function startsOfNow() {
  const today = dayAgo(0);
  const now = new Date(`${today}T00:00:00Z`);
  const m = now.getUTCMonth();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    today,
    week: iso(new Date(now.getTime() - ((now.getUTCDay() + 6) % 7) * 86_400_000)),
    month: iso(new Date(Date.UTC(now.getUTCFullYear(), m, 1))),
    quarter: iso(new Date(Date.UTC(now.getUTCFullYear(), m - (m % 3), 1))),
    year: iso(new Date(Date.UTC(now.getUTCFullYear(), 0, 1))),
  };
}

test('when a period is named, then the report covers the current one from its first day to today', async () => {
  const s = await storeWithMember(t, 'viewer');
  const starts = startsOfNow();
  for (const kind of ['week', 'month', 'quarter', 'year'] as const) {
    for (const report of ['consumption', 'waste']) {
      const r = await reportOf(s, `${report}?period=${kind}`);
      expect([report, r.period.from, r.period.to]).toEqual([report, starts[kind], starts.today]);
    }
    // Vendor performance counts whole months: from the first one the period touches.
    const v = await reportOf(s, `vendor-performance?period=${kind}`);
    expect(v.period.from).toBe(`${starts[kind].slice(0, 7)}-01`);
  }
});

test('when a period is named with dates, or is not one of the four, then 400 naming period', async () => {
  const s = await storeWithMember(t, 'manager');
  for (const q of [`period=month&from=${dayAgo(3)}`, 'period=month&to=2026-01-01', 'period=decade'])
    for (const report of ['consumption', 'waste', 'vendor-performance']) {
      const res = await s.api.get(`${s.url}/reports/${report}?${q}`).set(s.auth).expect(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'period' })]);
    }
  const res = await s.api.get(`${s.url}/reports/consumption?category=nope`).set(s.auth).expect(400);
  expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'category' })]);
});

test('when an employee asks for a named period, then 403 (reports:view)', async () => {
  const s = await storeWithMember(t, 'employee');
  await s.api.get(`${s.url}/reports/consumption?period=week`).set(s.auth).expect(403);
});
