import { buildTestApp, type TestApp } from '../../test/app';
import { backdateProduct, createProduct, memberOf, storeWithMember } from '../../test/factories';
import { orderingStore, placeOrder } from '../../test/purchasing';
import { postSale } from '../../test/requests';
import { startSmtp } from '../../test/smtp';

/*
 * The weekly summary against a real SMTP server started here: queued by the store's schedule
 * on Mondays at 09:00 local time, its job mails the admins and managers who want it the last
 * seven local days against the seven before, from the owning modules' reads.
 */
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;
beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Nimbus <alerts@nimbus.test>',
    PUBLIC_URL: 'https://nimbus.example',
    SALE_BACKDATE_DAYS: '30',
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

test('when Monday 09:00 comes, then the store’s admins and managers who want it get the week’s figures; others get nothing', async () => {
  const admin = await storeWithMember(t, 'admin');
  await t.db.pool.query(
    "UPDATE stores SET name = 'Corner Shop', timezone = 'UTC', created_at = '2026-01-01T00:00:00Z' WHERE id = $1",
    [admin.storeId],
  );
  const manager = await memberOf(t, admin.storeId, 'manager');
  const optedOut = await memberOf(t, admin.storeId, 'manager');
  const employee = await memberOf(t, admin.storeId, 'employee');
  for (const [m, weeklySummary] of [
    [optedOut, false],
    [employee, true],
  ] as const) {
    await m.api
      .put('/api/v1/me/notification-preferences')
      .set(m.auth)
      .send({ weeklySummary })
      .expect(200);
  }

  const o = await orderingStore(admin); // tea: 10 in stock at 4.00
  const jam = await createProduct(admin, { name: 'Jam', price: 3, initialQuantity: 20 });
  for (const p of [o.tea, jam]) await backdateProduct(t, p.id, new Date(daysAgo(20)));
  const sell = (productId: string, quantity: number, soldAt: string) =>
    postSale(admin, { items: [{ productId, quantity }], soldAt }).expect(201);
  // This week: 3 sales, 5 jam and 2 tea (23.00); the week before: one sale of 1 jam (3.00).
  await sell(jam.id, 3, daysAgo(2));
  await sell(jam.id, 2, daysAgo(3));
  await sell(o.tea.id, 2, daysAgo(4));
  await sell(jam.id, 1, daysAgo(10));
  // Out of stock this week (yeast and the paper cups); a delivery late; an invoice overdue.
  await createProduct(admin, { name: 'Yeast', initialQuantity: 0 });
  await admin.api.post(`${admin.url}/alerts/check`).set(admin.auth).expect(200);
  const order = await placeOrder(admin, o);
  await t.db.pool.query('UPDATE purchase_orders SET expected_at = $2 WHERE id = $1', [
    order.id,
    daysAgo(2).slice(0, 10),
  ]);
  await t.db.pool.query(
    `INSERT INTO invoices (store_id, invoice_number, due_date, file_name, file_type, file_size)
     VALUES ($1, 'INV-9', $2, 'i.csv', 'csv', 10)`,
    [admin.storeId, daysAgo(5).slice(0, 10)],
  );

  // Monday 7 September 2026, 08:59 and 09:00 UTC: the weekly task runs at 09:00 only.
  const weekly = async (at: string) =>
    (await t.services.schedules.tick(new Date(at)))
      .filter((r) => r.storeId === admin.storeId && r.task === 'weekly-summary')
      .map((r) => r.dueAt.toISOString());
  await t.services.schedules.tick(new Date('2026-09-07T08:58:00Z')); // catches the rest up
  expect(await weekly('2026-09-07T08:59:00Z')).toEqual([]);
  expect(await weekly('2026-09-07T09:00:20Z')).toEqual(['2026-09-07T09:00:00.000Z']);
  expect(await weekly('2026-09-08T09:00:20Z')).toEqual([]); // Tuesday: nothing
  await t.services.jobs.drain();

  for (const m of [admin, manager]) {
    const mails = smtp.mailsTo(m.user.email);
    expect(mails.map((x) => x.subject)).toEqual([
      'Nimbus weekly summary: Corner Shop, 3 sales, $23.00',
    ]);
    const body = mails[0]!.body;
    expect(body).toContain('Sales: 3 (+200% on the week before; 1 the week before)');
    expect(body).toContain('Revenue: $23.00 (+667% on the week before; $3.00 the week before)');
    expect(body).toContain('1. Jam: 5 units, $15.00\n2. Green tea: 2 units, $8.00');
    expect(body).toContain('- Out of stock: 2 opened, 2 still open');
    expect(body).toContain(`Late deliveries: 1\n- ${order.orderNumber}, expected`);
    expect(body).toContain('Overdue invoices: 1\n- INV-9, due');
    expect(body).toContain(`https://nimbus.example/stores/${admin.storeId}`);
  }
  // The manager who said no, and the employee (no money figures by mail), get nothing.
  expect(smtp.mailsTo(optedOut.user.email)).toEqual([]);
  expect(smtp.mailsTo(employee.user.email)).toEqual([]);

  // Settings lists the weekly task with its weekday.
  const list = await admin.api.get(`${admin.url}/schedules`).set(admin.auth).expect(200);
  expect(list.body.data.find((x: { task: string }) => x.task === 'weekly-summary')).toEqual(
    expect.objectContaining({ cadence: 'weekly', weekday: 'monday', at: '09:00' }),
  );
});
