import { useTestApp } from '../../test/app';
import { createProduct, memberOf, storeWithMember, type StoreMember } from '../../test/factories';
import { postAdjustment } from '../../test/requests';

/*
 * Notifications: an alert that opens reaches each member who should hear of it (role defaults
 * and their preferences) as one in-app notification, made by the outbox publisher's leader from
 * the published `alert.opened`; a resolved alert marks its notifications resolved. Every read
 * and change is the caller's own.
 */
const t = useTestApp({ OUTBOX_POLL_MS: '50' });
beforeAll(() => t.services.outboxPublisher.start());
afterAll(() => t.services.outboxPublisher.stop());

const N = '/api/v1/notifications';

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Waits until the store's events are published (the notifications are made before that). */
async function delivered(storeId: string) {
  t.services.outboxPublisher.poke();
  await until(async () => {
    const { rows } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM outbox_events WHERE store_id = $1 AND published_at IS NULL',
      [storeId],
    );
    return rows[0].n === 0 ? true : undefined;
  }, 'the store events published');
}

const checkNow = async (s: StoreMember) => {
  await s.api.post(`${s.url}/alerts/check`).set(s.auth).expect(200);
  await delivered(s.storeId);
};
const mine = async (s: StoreMember, query = '') =>
  (await s.api.get(`${N}${query}`).set(s.auth).expect(200)).body;
const unread = async (s: StoreMember) =>
  (await s.api.get(`${N}/unread-count`).set(s.auth).expect(200)).body.data;

test('when alerts open, then managers and employees are notified of stock, viewers are not, and a resolved alert marks its notifications resolved', async () => {
  const manager = await storeWithMember(t, 'manager');
  const employee = await memberOf(t, manager.storeId, 'employee');
  const viewer = await memberOf(t, manager.storeId, 'viewer');
  const outsider = await storeWithMember(t, 'admin');
  const milk = await createProduct(manager, { name: 'Milk', initialQuantity: 2, reorderPoint: 5 });
  await createProduct(manager, { name: 'Bread', initialQuantity: 0, reorderPoint: 3 });

  await checkNow(manager);
  const got = await mine(manager);
  expect(got.data).toHaveLength(2);
  expect(got.data).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        storeId: manager.storeId,
        kind: 'low_stock',
        title: 'Milk is low: 2 units left, reorder point 5',
        subject: { type: 'product', id: milk.id },
        readAt: null,
        resolvedAt: null,
      }),
      expect.objectContaining({ kind: 'out_of_stock', title: 'Bread is out of stock' }),
    ]),
  );
  expect((await mine(employee)).data).toHaveLength(2);
  expect((await mine(viewer)).data).toEqual([]);
  expect((await mine(outsider)).data).toEqual([]);
  expect(await unread(manager)).toEqual({
    unread: 2,
    byStore: [{ storeId: manager.storeId, unread: 2 }],
  });

  // Published again (at least once): nothing new.
  const { rows: events } = await t.db.pool.query(
    `SELECT id, store_id AS "storeId", type, payload FROM outbox_events
     WHERE store_id = $1 AND type LIKE 'alert.%'`,
    [manager.storeId],
  );
  await t.services.notifications.afterEvents(events);
  expect((await mine(manager)).data).toHaveLength(2);

  // Restocked: the milk alert is resolved, its notifications say so and stay.
  await postAdjustment(manager, milk.id, { delta: 20, reason: 'return' }).expect(201);
  await checkNow(manager);
  const milkNote = (await mine(employee, '?kind=low_stock')).data;
  expect(milkNote).toEqual([
    expect.objectContaining({ kind: 'low_stock', resolvedAt: expect.any(String), readAt: null }),
  ]);
});

test('when a user reads one or all, then only their own change, and another user’s notification is 404', async () => {
  const a = await storeWithMember(t, 'admin');
  const b = await memberOf(t, a.storeId, 'manager');
  const second = await storeWithMember(t, 'admin');
  const aInSecond = await memberOf(t, second.storeId, 'manager');
  await createProduct(a, { name: 'Eggs', initialQuantity: 0, reorderPoint: 2 });
  await createProduct(a, { name: 'Flour', initialQuantity: 1, reorderPoint: 2 });
  await createProduct(second, { name: 'Salt', initialQuantity: 0, reorderPoint: 2 });
  await checkNow(a);
  await checkNow(second);
  const [first] = (await mine(a)).data;

  // Not b's: 404, and a's stays unread.
  await b.api.post(`${N}/${first.id}/read`).set(b.auth).expect(404);
  await aInSecond.api.post(`${N}/${first.id}/read`).set(aInSecond.auth).expect(404);
  expect((await unread(a)).unread).toBe(2);

  const read = await a.api.post(`${N}/${first.id}/read`).set(a.auth).expect(200);
  expect(read.body.data).toEqual(
    expect.objectContaining({ id: first.id, readAt: expect.any(String) }),
  );
  const again = await a.api.post(`${N}/${first.id}/read`).set(a.auth).expect(200);
  expect(again.body.data.readAt).toBe(read.body.data.readAt);
  expect((await unread(a)).unread).toBe(1);
  expect((await mine(a, '?unread=true')).data.map((n: { id: string }) => n.id)).not.toContain(
    first.id,
  );
  expect((await unread(b)).unread).toBe(2);

  // Mark all read in another's store: 404; in one's own: only one's own.
  await a.api.post(`${N}/read-all`).set(a.auth).send({ storeId: second.storeId }).expect(404);
  const all = await a.api.post(`${N}/read-all`).set(a.auth).send({}).expect(200);
  expect(all.body.data).toEqual({ marked: 1 });
  expect((await unread(a)).unread).toBe(0);
  expect((await unread(b)).unread).toBe(2);
  expect((await unread(aInSecond)).unread).toBe(1);
  const some = await b.api.post(`${N}/read-all`).set(b.auth).send({ storeId: a.storeId });
  expect(some.body.data).toEqual({ marked: 2 });

  // A filter on a store one does not belong to: 404.
  await a.api.get(`${N}?storeId=${second.storeId}`).set(a.auth).expect(404);
  await a.api.post(`${N}/not-an-id/read`).set(a.auth).expect(400);
  await t.api.get(N).expect(401);
});

test('when a user has many, then keyset pages newest first, filtered by store and kind', async () => {
  const s = await storeWithMember(t, 'manager');
  for (let i = 0; i < 5; i++) await createProduct(s, { name: `P${i}`, initialQuantity: 0 });
  await checkNow(s);
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: {
      data: { id: string; createdAt: string }[];
      pagination: { nextCursor: string | null };
    } = await mine(s, `?limit=2&storeId=${s.storeId}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.data.length).toBeLessThanOrEqual(2);
    seen.push(...page.data.map((n) => n.id));
    cursor = page.pagination.nextCursor;
  } while (cursor);
  expect(seen).toHaveLength(5);
  expect(new Set(seen).size).toBe(5);
  expect((await mine(s, '?kind=low_stock')).data).toEqual([]);
  expect((await mine(s, '?kind=out_of_stock')).data).toHaveLength(5);

  for (const bad of ['?limit=0', '?unread=yes', '?kind=nope', '?storeId=x', '?cursor=zzz', '?x=1'])
    await s.api.get(`${N}${bad}`).set(s.auth).expect(400);
});

test('when a member leaves a store, then its notifications are no longer theirs to see', async () => {
  const admin = await storeWithMember(t, 'admin');
  const leaver = await memberOf(t, admin.storeId, 'manager');
  await createProduct(admin, { name: 'Tea', initialQuantity: 0 });
  await checkNow(admin);
  const [note] = (await mine(leaver)).data;
  await admin.api.delete(`${admin.url}/members/${leaver.user.id}`).set(admin.auth).expect(204);
  expect((await mine(leaver)).data).toEqual([]);
  expect(await unread(leaver)).toEqual({ unread: 0, byStore: [] });
  await leaver.api.post(`${N}/${note.id}/read`).set(leaver.auth).expect(404);
});
