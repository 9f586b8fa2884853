import { useTestApp } from '../../test/app';
import { createProduct, storeWithMember } from '../../test/factories';
import { postSale } from '../../test/requests';

/*
 * Low stock on crossing the reorder point: the sale's events are published after it commits,
 * and the publisher's leader queues the store's stock check, whose job raises the alert (no
 * wait for the 08:00 check).
 */
const t = useTestApp({ OUTBOX_POLL_MS: '100' });
beforeAll(() => t.services.outboxPublisher.start());
afterAll(() => t.services.outboxPublisher.stop());

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

test('when a sale takes a product to its reorder point, then its low-stock alert opens within seconds, and a sale of another product queues no second check while one waits', async () => {
  const s = await storeWithMember(t, 'manager');
  const broccoli = await createProduct(s, {
    name: 'Broccoli',
    initialQuantity: 8,
    reorderPoint: 5,
  });
  const leeks = await createProduct(s, { name: 'Leeks', initialQuantity: 50, reorderPoint: 5 });
  const checks = async () =>
    (
      await t.db.pool.query(
        "SELECT count(*)::int AS n FROM jobs WHERE store_id = $1 AND type = 'alerts.check' AND status = 'queued'",
        [s.storeId],
      )
    ).rows[0].n as number;
  // The products' creation queued the first check; it runs and finds nothing low.
  await until(async () => ((await checks()) > 0 ? true : undefined), 'the first check');
  await t.services.jobs.drain();

  await postSale(s, { items: [{ productId: broccoli.id, quantity: 3 }] }).expect(201);
  await postSale(s, { items: [{ productId: leeks.id, quantity: 1 }] }).expect(201);
  await until(async () => ((await checks()) > 0 ? true : undefined), 'the stock check');
  expect(await checks()).toBe(1);
  await t.services.jobs.drain();

  const alerts = await until(async () => {
    const res = await s.api.get(`${s.url}/alerts`).set(s.auth).expect(200);
    return res.body.data.length ? res.body.data : undefined;
  }, 'the alert');
  expect(alerts).toEqual([
    expect.objectContaining({
      kind: 'low_stock',
      subject: { type: 'product', id: broccoli.id },
      title: 'Broccoli is low: 5 units left, reorder point 5',
    }),
  ]);
});

test('when a sale leaves a product running out before a delivery could arrive, then the check after the sale opens no running-out alert (it reads no forecast); the scheduled stock check does', async () => {
  const s = await storeWithMember(t, 'manager');
  const tea = await createProduct(s, { name: 'Tea', initialQuantity: 12, reorderPoint: 2 });
  // The last forecast: 2 a day, 7 days to arrive; 12 - 2 sold = 10 units last 5 days.
  await t.db.pool.query(
    `INSERT INTO product_predictions (store_id, product_id, avg_daily_sales, current_stock, lead_time_days)
     VALUES ($1, $2, 2, 12, 7)`,
    [s.storeId, tea.id],
  );
  const queuedChecks = async () =>
    (
      await t.db.pool.query(
        "SELECT payload FROM jobs WHERE store_id = $1 AND type = 'alerts.check' AND status = 'queued'",
        [s.storeId],
      )
    ).rows.map((r) => r.payload);
  await until(async () => ((await queuedChecks()).length ? true : undefined), 'the first check');
  await t.services.jobs.drain();

  await postSale(s, { items: [{ productId: tea.id, quantity: 2 }] }).expect(201);
  expect(
    await until(async () => {
      const q = await queuedChecks();
      return q.length ? q : undefined;
    }, 'the check after the sale'),
  ).toEqual([{ check: 'levels' }]);
  await t.services.jobs.drain();
  const kinds = async () =>
    (await s.api.get(`${s.url}/alerts`).set(s.auth).expect(200)).body.data.map(
      (a: { kind: string }) => a.kind,
    );
  expect(await kinds()).toEqual([]);

  await t.services.alerts.runCheck(s.storeId, 'stock');
  expect(await kinds()).toEqual(['stockout_risk']);
});
