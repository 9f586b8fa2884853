import { useTestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember, type StoreMember } from '../../test/factories';

/*
 * Notification preferences: per alert kind and channel, with the role's defaults for what the
 * user leaves unset; what they choose decides who is notified of the next alert.
 */
const t = useTestApp({ OUTBOX_POLL_MS: '50' });
beforeAll(() => t.services.outboxPublisher.start());
afterAll(() => t.services.outboxPublisher.stop());

const P = '/api/v1/me/notification-preferences';
const getPrefs = async (s: StoreMember) => (await s.api.get(P).set(s.auth).expect(200)).body.data;
const putPrefs = (s: StoreMember, body: object) => s.api.put(P).set(s.auth).send(body);

async function delivered(storeId: string) {
  t.services.outboxPublisher.poke();
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM outbox_events WHERE store_id = $1 AND published_at IS NULL',
      [storeId],
    );
    if (rows[0].n === 0) return;
    if (Date.now() > deadline) throw new Error('timed out waiting for the events');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
const kindsOf = async (s: StoreMember) =>
  (await s.api.get('/api/v1/notifications').set(s.auth).expect(200)).body.data
    .map((n: { kind: string }) => n.kind)
    .sort();

test('when nothing is set, then the role defaults apply in each store: digest e-mail for managers, stock kinds in the app for employees, nothing for viewers', async () => {
  const manager = await storeWithMember(t, 'manager');
  const prefs = await getPrefs(manager);
  expect(prefs.emailDelivery).toBeNull();
  expect(prefs.kinds.low_stock).toEqual({ inApp: null, email: null, push: null });
  expect(prefs.stores).toEqual([
    expect.objectContaining({ storeId: manager.storeId, role: 'manager', emailDelivery: 'digest' }),
  ]);
  expect(prefs.stores[0].kinds.invoice_overdue).toEqual({ inApp: true, email: true, push: true });

  const employee = await memberOf(t, manager.storeId, 'employee');
  const e = (await getPrefs(employee)).stores[0];
  expect(e.emailDelivery).toBe('immediate');
  expect(e.kinds.low_stock).toEqual({ inApp: true, email: false, push: true });
  expect(e.kinds.invoice_due).toEqual({ inApp: false, email: false, push: false });

  // Everyone hears of their own jobs' outcomes (in the app and by push, not by mail).
  expect(e.kinds.job_finished).toEqual({ inApp: true, email: false, push: true });
  expect(prefs.stores[0].kinds.job_finished).toEqual({ inApp: true, email: false, push: true });
  expect(prefs.stores[0].weeklySummary).toBe(true);
  expect(e.weeklySummary).toBe(false);

  // Viewers hear of no alert.
  const viewer = await memberOf(t, manager.storeId, 'viewer');
  const v = (await getPrefs(viewer)).stores[0];
  const { job_finished: _own, ...alertKinds } = v.kinds;
  expect(Object.values(alertKinds).every((c) => !Object.values(c as object).some(Boolean))).toBe(
    true,
  );
});

test('when a user sets preferences, then the next alerts follow them, and null goes back to the role default', async () => {
  const admin = await storeWithMember(t, 'admin');
  const employee = await memberOf(t, admin.storeId, 'employee');
  const viewer = await memberOf(t, admin.storeId, 'viewer');

  const saved = await putPrefs(employee, {
    kinds: { low_stock: { inApp: false } },
    emailDelivery: 'digest',
  }).expect(200);
  expect(saved.body.data.kinds.low_stock).toEqual({ inApp: false, email: null, push: null });
  expect(saved.body.data.stores[0]).toEqual(
    expect.objectContaining({
      emailDelivery: 'digest',
      kinds: expect.objectContaining({
        low_stock: { inApp: false, email: false, push: true },
        out_of_stock: { inApp: true, email: false, push: true },
      }),
    }),
  );
  await putPrefs(viewer, { kinds: { out_of_stock: { inApp: true } } }).expect(200);
  expect((await getPrefs(viewer)).kinds.out_of_stock).toEqual({
    inApp: true,
    email: null,
    push: null,
  });

  await createProduct(admin, { name: 'Low', initialQuantity: 1, reorderPoint: 5 });
  await createProduct(admin, { name: 'Out', initialQuantity: 0, reorderPoint: 5 });
  await admin.api.post(`${admin.url}/alerts/check`).set(admin.auth).expect(200);
  await delivered(admin.storeId);
  expect(await kindsOf(admin)).toEqual(['low_stock', 'out_of_stock']);
  expect(await kindsOf(employee)).toEqual(['out_of_stock']);
  expect(await kindsOf(viewer)).toEqual(['out_of_stock']);

  // Replaced: what the body leaves out is the default again.
  const reset = await putPrefs(employee, {}).expect(200);
  expect(reset.body.data.kinds.low_stock).toEqual({ inApp: null, email: null, push: null });
  expect(reset.body.data.emailDelivery).toBeNull();
});

test('when preferences are not valid, then 400 naming the field, and nothing changes', async () => {
  const s = await storeWithMember(t, 'manager');
  await putPrefs(s, { kinds: { expired: { email: false } } }).expect(200);
  const before = await getPrefs(s);
  const bad: [object, string][] = [
    [{ kinds: { nope: { inApp: true } } }, 'kinds'],
    [{ kinds: { low_stock: { sms: true } } }, 'kinds.low_stock'],
    [{ kinds: { low_stock: { inApp: 'yes' } } }, 'kinds.low_stock.inApp'],
    [{ kinds: [] }, 'kinds'],
    [{ emailDelivery: 'hourly' }, 'emailDelivery'],
    [{ channels: {} }, 'channels'],
  ];
  for (const [body, field] of bad) {
    const res = await putPrefs(s, body).expect(400);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ field })]),
    );
  }
  expect(await getPrefs(s)).toEqual(before);
  await t.api.get(P).expect(401);
  await t.api.put(P).send({}).expect(401);
});
