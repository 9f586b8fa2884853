import { useTestApp } from '../../test/app';
import { createSupplier, storeWithMember } from '../../test/factories';
import { orderingStore, patchStatus, placeOrder } from '../../test/purchasing';

/** Listing purchase orders: filters, pages and cursors. */
const t = useTestApp();

test('the list is newest first and filters by one or several statuses, supplier, order date and due date; cursors walk it without repeats', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const other = await createSupplier(s, { name: 'Other Co' });
  const a = await placeOrder(s, o);
  const b = await placeOrder(s, o);
  const c = await placeOrder(s, { ...o, supplier: other });
  await patchStatus(s, b.id, { status: 'processing' }).expect(200);
  await patchStatus(s, c.id, { status: 'cancelled' }).expect(200);
  // a was ordered last year (imported history).
  await t.db.pool.query(
    "UPDATE purchase_orders SET ordered_at = '2025-03-01T12:00:00Z' WHERE id = $1",
    [a.id],
  );

  const ids = async (query: string) =>
    (await s.api.get(`${s.url}/purchase-orders${query}`).set(s.auth).expect(200)).body.data.map(
      (x: { id: string }) => x.id,
    );
  expect(await ids('')).toEqual([c.id, b.id, a.id]);
  expect(await ids('?status=pending')).toEqual([a.id]);
  expect(await ids('?status=pending,processing')).toEqual([b.id, a.id]);
  expect(await ids('?status=cancelled,processing')).toEqual([c.id, b.id]);
  expect(await ids(`?supplierId=${other.id}`)).toEqual([c.id]);
  expect(await ids('?dateFrom=2025-01-01&dateTo=2025-12-31')).toEqual([a.id]);
  // Due by a day: expected on or before it; an order with no expected date is never due.
  await t.db.pool.query(
    `UPDATE purchase_orders SET expected_at = CASE id WHEN $1 THEN DATE '2026-03-10'
       WHEN $2 THEN DATE '2026-03-11' ELSE NULL END WHERE id IN ($1, $2, $3)`,
    [a.id, b.id, c.id],
  );
  expect(await ids('?expectedBy=2026-03-10')).toEqual([a.id]);
  expect(await ids('?expectedBy=2026-03-11')).toEqual([b.id, a.id]);
  expect(await ids('?expectedBy=2026-03-11&status=processing')).toEqual([b.id]);

  const first = await s.api.get(`${s.url}/purchase-orders?limit=2`).set(s.auth).expect(200);
  expect(first.body.pagination).toEqual(
    expect.objectContaining({ total: 3, hasNext: true, nextCursor: expect.any(String) }),
  );
  const second = await s.api
    .get(`${s.url}/purchase-orders?limit=2&cursor=${first.body.pagination.nextCursor}`)
    .set(s.auth)
    .expect(200);
  expect(second.body.data.map((x: { id: string }) => x.id)).toEqual([a.id]);
  expect(second.body.pagination).toEqual({ limit: 2, hasNext: false, nextCursor: null });

  for (const bad of [
    '?status=sent',
    '?status=pending&status=shipped',
    '?supplierId=x',
    '?dateFrom=2025-02-01&dateTo=2025-01-01',
    '?cursor=abc',
    '?sort=total',
    '?expectedBy=tomorrow',
    '?expectedBy=2026-03-10T00:00:00Z',
  ]) {
    const res = await s.api.get(`${s.url}/purchase-orders${bad}`).set(s.auth).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  }
});
