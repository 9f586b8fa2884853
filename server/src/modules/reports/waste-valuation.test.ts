import { useTestApp } from '../../test/app';
import { createCategory, createProduct, memberOf, storeWithMember } from '../../test/factories';
import { postAdjustment } from '../../test/requests';
import { sell } from '../../test/shopping-lists';
import { csvRows, dayAgo, reportOf } from '../../test/reports';

const t = useTestApp();

/**
 * Milk (Dairy, cost 2): 16 sold, 3 damaged, 1 expired and reversed. Bread (no category, cost
 * 1): 10 sold, 2 stolen, 5 adjusted (not waste), 4 damaged 40 days ago.
 */
async function shop() {
  const s = await storeWithMember(t, 'manager');
  const dairy = await createCategory(s, { name: 'Dairy' });
  const milk = await createProduct(s, {
    name: 'Milk',
    cost: 2,
    price: 3,
    initialQuantity: 100,
    categoryId: dairy.id,
  });
  const bread = await createProduct(s, {
    name: 'Bread',
    cost: 1,
    price: 2.5,
    initialQuantity: 100,
  });
  await sell(s, milk.id, 16, 1);
  await sell(s, bread.id, 10, 1);
  await postAdjustment(s, milk.id, { delta: -3, reason: 'damaged' }).expect(201);
  const expired = await postAdjustment(s, milk.id, { delta: -1, reason: 'expired' }).expect(201);
  await s.api
    .post(`${s.url}/products/${milk.id}/movements/${expired.body.data.movement.id}/reversal`)
    .set(s.auth)
    .send({})
    .expect(201);
  await postAdjustment(s, bread.id, { delta: -2, reason: 'theft' }).expect(201);
  await postAdjustment(s, bread.id, { delta: -5, reason: 'adjustment' }).expect(201);
  const old = await postAdjustment(s, bread.id, { delta: -4, reason: 'damaged' }).expect(201);
  // Recorded 40 days ago (the API dates a movement now).
  await t.db.pool.query(
    "UPDATE stock_movements SET created_at = now() - interval '40 days' WHERE id = $1",
    [old.body.data.movement.id],
  );
  return { s, dairy, milk, bread };
}

describe('waste', () => {
  test('when grouped by reason, then units, cost value and shares come from the loss movements of the period, net of reversals', async () => {
    const { s } = await shop();
    const r = await reportOf(s, 'waste');
    expect(r.period).toEqual({ from: dayAgo(29), to: dayAgo(0), days: 30 });
    // Lost 3 + 2 of 26 sold: 5 / 31 of what left the shelves.
    expect(r.totals).toEqual({ units: 5, costValue: 8, unitsSold: 26, shareOfConsumption: 0.1613 });
    expect(r.rows).toEqual([
      {
        groupId: 'damaged',
        name: 'Damaged',
        units: 3,
        costValue: 6,
        shareOfConsumption: 0.1034,
        shareOfWaste: 0.6,
      },
      {
        groupId: 'theft',
        name: 'Theft',
        units: 2,
        costValue: 2,
        shareOfConsumption: 0.0714,
        shareOfWaste: 0.4,
      },
    ]);
    expect(r.interval).toBe('day');
    expect(r.series).toHaveLength(30);
    expect(r.series.at(-1)).toEqual({ date: dayAgo(0), units: 5, costValue: 8 });
    expect(r.series.slice(0, 29).every((p: { units: number }) => p.units === 0)).toBe(true);
  });

  test('when grouped by product or category, then each share is of that group’s own sales', async () => {
    const { s, milk, bread, dairy } = await shop();
    const byProduct = await reportOf(s, 'waste?groupBy=product');
    expect(byProduct.rows).toEqual([
      {
        groupId: milk.id,
        name: 'Milk',
        units: 3,
        costValue: 6,
        shareOfConsumption: 0.1579,
        shareOfWaste: 0.6,
      },
      {
        groupId: bread.id,
        name: 'Bread',
        units: 2,
        costValue: 2,
        shareOfConsumption: 0.1667,
        shareOfWaste: 0.4,
      },
    ]);
    const byCategory = await reportOf(s, 'waste?groupBy=category');
    expect(
      byCategory.rows.map((r: { groupId: string | null; name: string }) => [r.groupId, r.name]),
    ).toEqual([
      [dairy.id, 'Dairy'],
      [null, 'Uncategorised'],
    ]);
  });

  test('when the period is longer than 92 days, then the series is weekly, starting on Mondays', async () => {
    const { s } = await shop();
    const r = await reportOf(s, `waste?from=${dayAgo(99)}&to=${dayAgo(0)}`);
    expect(r.interval).toBe('week');
    expect(r.totals.units).toBe(9);
    expect(r.series.reduce((n: number, p: { units: number }) => n + p.units, 0)).toBe(9);
    for (const p of r.series) expect(new Date(`${p.date}T00:00:00Z`).getUTCDay()).toBe(1);
  });

  test('when downloaded as CSV, then the file is named after the period; an employee gets 403', async () => {
    const { s } = await shop();
    const res = await s.api.get(`${s.url}/reports/waste?format=csv`).set(s.auth).expect(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="waste-${dayAgo(29)}-${dayAgo(0)}.csv"`,
    );
    expect(csvRows(res.text)).toEqual([
      ['groupId', 'name', 'units', 'costValue', 'shareOfConsumption', 'shareOfWaste'],
      ['damaged', 'Damaged', '3', '6', '0.1034', '0.6'],
      ['theft', 'Theft', '2', '2', '0.0714', '0.4'],
    ]);
    const employee = await memberOf(t, s.storeId, 'employee');
    await t.api.get(`${s.url}/reports/waste`).set(employee.auth).expect(403);
    await t.api.get(`${s.url}/reports/waste?groupBy=supplier`).set(s.auth).expect(400);
  });
});

describe('valuation', () => {
  test('when grouped, then on-hand units are valued at cost and retail, with margins, shares and totals', async () => {
    const s = await storeWithMember(t, 'viewer');
    const owner = await memberOf(t, s.storeId, 'manager');
    const dairy = await createCategory(owner, { name: 'Dairy' });
    const milk = await createProduct(owner, {
      name: 'Milk',
      cost: 2,
      price: 3,
      initialQuantity: 10,
      categoryId: dairy.id,
    });
    await createProduct(owner, {
      name: 'Cheese',
      cost: 5,
      price: 8,
      initialQuantity: 2,
      categoryId: dairy.id,
    });
    await createProduct(owner, { name: 'Bread', price: 2.5, initialQuantity: 4 }); // no cost
    await createProduct(owner, { name: 'Empty', cost: 9, price: 9, initialQuantity: 0 });

    const byCategory = await reportOf(s, 'valuation');
    expect(byCategory.groupBy).toBe('category');
    expect(byCategory.totals).toEqual({
      units: 16,
      costValue: 30,
      retailValue: 56,
      potentialMargin: 26,
    });
    expect(byCategory.rows).toEqual([
      {
        groupId: dairy.id,
        name: 'Dairy',
        sku: null,
        units: 12,
        costValue: 30,
        retailValue: 46,
        potentialMargin: 16,
        shareOfTotal: 1,
      },
      {
        groupId: null,
        name: 'Uncategorised',
        sku: null,
        units: 4,
        costValue: 0,
        retailValue: 10,
        potentialMargin: 10,
        shareOfTotal: 0,
      },
    ]);
    const byProduct = await reportOf(s, 'valuation?groupBy=product');
    expect(byProduct.rows.map((r: { name: string }) => r.name)).toEqual([
      'Milk',
      'Cheese',
      'Bread',
    ]);
    expect(byProduct.rows[0]).toEqual(
      expect.objectContaining({
        groupId: milk.id,
        sku: milk.sku,
        units: 10,
        costValue: 20,
        shareOfTotal: 0.6667,
      }),
    );

    const csv = await s.api
      .get(`${s.url}/reports/valuation?format=csv&groupBy=product`)
      .set(s.auth)
      .expect(200);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="valuation-${dayAgo(0)}-${dayAgo(0)}.csv"`,
    );
    expect(csvRows(csv.text)[1]).toEqual([
      milk.id,
      'Milk',
      milk.sku,
      '10',
      '20',
      '30',
      '10',
      '0.6667',
    ]);
    const employee = await memberOf(t, s.storeId, 'employee');
    await t.api.get(`${s.url}/reports/valuation`).set(employee.auth).expect(403);
  });
});
