import { useTestApp } from '../../test/app';
import {
  createProduct,
  memberOf,
  outboxTypes,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { orderingStore, patchStatus, placeOrder } from '../../test/purchasing';
import { postAdjustment } from '../../test/requests';

/*
 * Alerts: a check makes the store's open alerts exactly the conditions holding now, once per
 * condition, resolved when it ends and opened anew when it comes back; the schedules queue the
 * checks at the store's local time.
 */
const t = useTestApp();

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

const checkNow = (s: StoreMember) => s.api.post(`${s.url}/alerts/check`).set(s.auth).expect(200);
const alertsOf = async (s: StoreMember, query = '') =>
  (await s.api.get(`${s.url}/alerts${query}`).set(s.auth).expect(200)).body;

test('when stock falls to the reorder point or to zero, then one alert each, resolved when restocked and opened anew when it falls again', async () => {
  const s = await storeWithMember(t, 'manager');
  const milk = await createProduct(s, { name: 'Milk', initialQuantity: 2, reorderPoint: 5 });
  const bread = await createProduct(s, { name: 'Bread', initialQuantity: 0, reorderPoint: 3 });
  await createProduct(s, { name: 'Jam', initialQuantity: 10, reorderPoint: 5 });

  const first = await checkNow(s);
  expect(first.body.data).toEqual({
    open: 2,
    byKind: expect.objectContaining({ low_stock: 1, out_of_stock: 1, expired: 0 }),
  });
  const open = await alertsOf(s);
  expect(open.data).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        kind: 'low_stock',
        subject: { type: 'product', id: milk.id },
        title: 'Milk is low: 2 units left, reorder point 5',
        resolvedAt: null,
      }),
      expect.objectContaining({
        kind: 'out_of_stock',
        subject: { type: 'product', id: bread.id },
        title: 'Bread is out of stock',
      }),
    ]),
  );

  // Checked again with nothing changed: the same two alerts, nothing new, nothing written.
  const before = (await outboxTypes(t, s.storeId)).length;
  await checkNow(s);
  expect((await alertsOf(s, '?status=all')).data).toHaveLength(2);
  expect(await outboxTypes(t, s.storeId)).toHaveLength(before);

  // Restocked: the milk alert is resolved.
  await postAdjustment(s, milk.id, { delta: 20, reason: 'return' }).expect(201);
  expect((await checkNow(s)).body.data.open).toBe(1);
  const resolved = await alertsOf(s, '?status=resolved');
  expect(resolved.data).toEqual([
    expect.objectContaining({ kind: 'low_stock', resolvedAt: expect.any(String) }),
  ]);

  // Low again: a new alert, not the old one reopened.
  await postAdjustment(s, milk.id, { delta: -21, reason: 'damaged' }).expect(201);
  await checkNow(s);
  const again = (await alertsOf(s, '?kind=low_stock')).data;
  expect(again).toHaveLength(1);
  expect(again[0].id).not.toBe(resolved.data[0].id);
  expect(again[0].title).toBe('Milk is low: 1 unit left, reorder point 5');

  // Each change was announced through the outbox, in its transaction.
  const types = await outboxTypes(t, s.storeId);
  expect(types.filter((x) => x === 'alert.opened')).toHaveLength(3);
  expect(types.filter((x) => x === 'alert.resolved')).toHaveLength(1);
  // And the feed gives them as the contract describes (the test client checks every answer).
  const feed = await s.api.get(`${s.url}/events?type=alert.resolved`).set(s.auth).expect(200);
  expect(feed.body.data).toEqual([
    expect.objectContaining({
      type: 'alert.resolved',
      payload: { alertId: resolved.data[0].id, kind: 'low_stock', subjectId: milk.id },
    }),
  ]);
});

test('when stock plus what is on order runs out before a new order could arrive, or demand was unusual this week, then an alert; an order in time resolves it', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s); // tea: 10 in stock
  const leeks = await createProduct(s, { name: 'Leeks', initialQuantity: 30 });
  // What the last forecast calculation found (the nightly job writes these).
  await t.db.pool.query(
    `INSERT INTO product_predictions (store_id, product_id, avg_daily_sales, current_stock, lead_time_days)
     VALUES ($1, $2, 2, 10, 7), ($1, $3, 1, 30, 7)`,
    [s.storeId, o.tea.id, leeks.id],
  );
  await t.db.pool.query(
    `INSERT INTO demand_anomalies (store_id, product_id, day, kind, severity, observed, expected, lower, upper)
     VALUES ($1, $2, $3, 'demand_spike', 'high', 40, 12, 4, 20),
            ($1, $2, $4, 'demand_spike', 'low', 22, 12, 4, 20),
            ($1, $2, $5, 'demand_drop', 'high', 0, 12, 4, 20)`,
    [s.storeId, leeks.id, day(-2), day(-1), day(-30)],
  );

  await checkNow(s);
  const byKind = Object.fromEntries(
    (await alertsOf(s)).data.map((a: { kind: string }) => [a.kind, a]),
  );
  // 10 tea at 2 a day last 5 days; an order takes 7.
  expect(byKind.stockout_risk).toEqual(
    expect.objectContaining({
      subject: { type: 'product', id: o.tea.id },
      title: 'Green tea runs out in about 5 days; a new order takes 7 days to arrive',
      detail: { quantity: 10, onOrder: 0, perDay: 2, daysLeft: 5, leadTimeDays: 7 },
    }),
  );
  // The most notable day of the week: the high spike, not the low one or last month's drop.
  expect(byKind.demand_anomaly).toEqual(
    expect.objectContaining({
      subject: { type: 'product', id: leeks.id },
      title: `Leeks sold far more than usual on ${day(-2)}: 40, about 12 expected`,
    }),
  );

  // 10 more tea on order: 20 units last 10 days, longer than the lead time.
  await placeOrder(s, o);
  await checkNow(s);
  expect((await alertsOf(s, '?kind=stockout_risk')).data).toEqual([]);
});

test('when stock expires within a week or has expired, then it is an alert while any is in stock', async () => {
  const s = await storeWithMember(t, 'manager');
  // The store's calendar is UTC; dates around today.
  const soon = await createProduct(s, { name: 'Yoghurt', initialQuantity: 4, expiresAt: day(3) });
  const gone = await createProduct(s, { name: 'Ham', initialQuantity: 2, expiresAt: day(-1) });
  await createProduct(s, { name: 'Cheese', initialQuantity: 4, expiresAt: day(30) });
  await createProduct(s, { name: 'Cream', initialQuantity: 0, expiresAt: day(-2) });

  await checkNow(s);
  // (The cream, at 0, is out of stock: the stock check's alert, not the expiry check's.)
  const items = (await alertsOf(s)).data.filter((a: { kind: string }) =>
    ['expiring', 'expired'].includes(a.kind),
  );
  expect(items).toHaveLength(2);
  expect(items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        kind: 'expiring',
        subject: { type: 'product', id: soon.id },
        title: `Yoghurt expires on ${day(3)}: 4 units in stock`,
      }),
      expect.objectContaining({
        kind: 'expired',
        subject: { type: 'product', id: gone.id },
        title: `Ham expired on ${day(-1)}: 2 units still in stock`,
      }),
    ]),
  );
  // The expired ham is written off: its alert ends.
  await postAdjustment(s, gone.id, { delta: -2, reason: 'expired' }).expect(201);
  await checkNow(s);
  expect((await alertsOf(s, '?kind=expired')).data).toEqual([]);
});

test('when a delivery is late or an invoice falls due, then an alert until it arrives or is paid', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const order = await placeOrder(s, o);
  // Expected yesterday (orders cannot be placed for the past through the API).
  await t.db.pool.query('UPDATE purchase_orders SET expected_at = $2 WHERE id = $1', [
    order.id,
    day(-1),
  ]);
  const invoice = async (number: string, due: string) =>
    (
      await t.db.pool.query(
        `INSERT INTO invoices (store_id, invoice_number, due_date, file_name, file_type, file_size)
         VALUES ($1, $2, $3, 'i.csv', 'csv', 10) RETURNING id`,
        [s.storeId, number, due],
      )
    ).rows[0].id as string;
  const overdue = await invoice('INV-1', day(-2));
  const due = await invoice('INV-2', day(2));
  await invoice('INV-3', day(20));

  const summary = (await checkNow(s)).body.data;
  expect(summary.byKind).toEqual(
    expect.objectContaining({ delivery_late: 1, invoice_overdue: 1, invoice_due: 1 }),
  );
  const byKind = Object.fromEntries(
    (await alertsOf(s)).data.map((a: { kind: string }) => [a.kind, a]),
  );
  expect(byKind.delivery_late).toEqual(
    expect.objectContaining({
      subject: { type: 'purchase_order', id: order.id },
      title: `${order.orderNumber} was expected on ${day(-1)} and has not arrived`,
    }),
  );
  expect(byKind.invoice_overdue.subject).toEqual({ type: 'invoice', id: overdue });
  expect(byKind.invoice_due.title).toBe(`Invoice INV-2 is due on ${day(2)}`);
  expect(byKind.invoice_due.subject.id).toBe(due);

  await patchStatus(s, order.id, { status: 'cancelled', reason: 'Supplier out of stock' }).expect(
    200,
  );
  expect((await checkNow(s)).body.data.byKind.delivery_late).toBe(0);
});

test('when the store’s 08:00 comes, then the schedule queues the stock check and its job opens the alerts', async () => {
  const s = await storeWithMember(t, 'manager');
  await t.db.pool.query(
    "UPDATE stores SET timezone = 'Asia/Tokyo', created_at = '2026-01-01T00:00:00Z' WHERE id = $1",
    [s.storeId],
  );
  await createProduct(s, { name: 'Rice', initialQuantity: 0, reorderPoint: 2 });
  // 08:00 in Tokyo (UTC+9) is 23:00 UTC the day before.
  await t.services.schedules.tick(new Date('2026-09-01T22:59:00Z'));
  const ran = await t.services.schedules.tick(new Date('2026-09-01T23:00:30Z'));
  expect(ran.filter((r) => r.storeId === s.storeId).map((r) => r.task)).toEqual(['stock']);
  await t.services.jobs.drain();
  expect((await alertsOf(s)).data).toEqual([
    expect.objectContaining({ kind: 'out_of_stock', title: 'Rice is out of stock' }),
  ]);
});

test('pages of alerts follow their cursor without repeats; bad queries are 400; viewers read but do not check; other stores are refused', async () => {
  const s = await storeWithMember(t, 'admin');
  for (const name of ['A', 'B', 'C']) await createProduct(s, { name, initialQuantity: 0 });
  await checkNow(s);
  const first = await alertsOf(s, '?limit=2');
  expect(first.data).toHaveLength(2);
  expect(first.pagination).toEqual({ limit: 2, hasNext: true, nextCursor: expect.any(String) });
  const second = await alertsOf(s, `?limit=2&cursor=${first.pagination.nextCursor}`);
  expect(second.data).toHaveLength(1);
  expect(second.pagination.hasNext).toBe(false);
  const ids = [...first.data, ...second.data].map((a: { id: string }) => a.id);
  expect(new Set(ids).size).toBe(3);

  for (const query of ['?status=closed', '?kind=fire', '?limit=0', '?cursor=nope']) {
    const res = await s.api.get(`${s.url}/alerts${query}`).set(s.auth).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  }
  const viewer = await memberOf(t, s.storeId, 'viewer');
  await viewer.api.get(`${s.url}/alerts/summary`).set(viewer.auth).expect(200);
  await viewer.api.post(`${s.url}/alerts/check`).set(viewer.auth).expect(403);
  const other = await storeWithMember(t, 'admin');
  await other.api.get(`${s.url}/alerts`).set(other.auth).expect(403);
  await other.api.post(`${s.url}/alerts/check`).set(other.auth).expect(403);
});
