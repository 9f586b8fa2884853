import { useTestApp } from '../../test/app';
import {
  createProduct,
  memberOf,
  outboxTypes,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { postAdjustment, postCount, postSale } from '../../test/requests';

const t = useTestApp();

const reverse = (s: StoreMember, productId: string, movementId: string, body: object = {}) =>
  s.api
    .post(`${s.url}/products/${productId}/movements/${movementId}/reversal`)
    .set(s.auth)
    .send(body);

/** The sum of a product's movements per reason, as a waste report would add them up. */
async function sumsByReason(productId: string) {
  const { rows } = await t.db.pool.query<{ reason: string; total: number }>(
    'SELECT reason, sum(delta)::int AS total FROM stock_movements WHERE product_id = $1 GROUP BY reason',
    [productId],
  );
  return Object.fromEntries(rows.map((r) => [r.reason, r.total]));
}

test('when a damaged write-off is reversed, then a mirror movement of the same reason restores the stock and nothing is deleted', async () => {
  const s = await storeWithMember(t, 'employee');
  const p = await createProduct(s, { initialQuantity: 10 });
  const damaged = await postAdjustment(s, p.id, {
    delta: -8,
    reason: 'damaged',
    note: 'Crate dropped',
  }).expect(201);
  const original = damaged.body.data.movement;

  const res = await reverse(s, p.id, original.id).expect(201);
  expect(res.body.data.movement).toEqual(
    expect.objectContaining({
      delta: 8,
      reason: 'damaged',
      referenceType: 'movement',
      referenceId: original.id,
      note: 'Crate dropped',
      quantityAfter: 10,
      userId: s.user.id,
    }),
  );
  expect(res.body.data.product.quantity).toBe(10);
  expect(await quantityOf(t, p.id)).toBe(10);
  // Both movements stay in the ledger; the waste they add up to is zero.
  const { rows } = await t.db.pool.query(
    'SELECT delta FROM stock_movements WHERE product_id = $1 ORDER BY created_at',
    [p.id],
  );
  expect(rows.map((r) => r.delta)).toEqual([10, -8, 8]);
  expect(await sumsByReason(p.id)).toEqual({ initial: 10, damaged: 0 });
  expect(
    (await outboxTypes(t, s.storeId)).filter((x) => x === 'inventory.stock_updated'),
  ).toHaveLength(3);
});

test('when an adjustment is reversed twice, at once or one after the other, then it is reversed once', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 5 });
  const returned = await postAdjustment(s, p.id, { delta: 4, reason: 'return' }).expect(201);
  const id = returned.body.data.movement.id;

  const both = await Promise.all([reverse(s, p.id, id), reverse(s, p.id, id)]);
  expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  const refused = both.find((r) => r.status === 409)!;
  expect(refused.body.error).toEqual(
    expect.objectContaining({ code: 'INVALID_STATE', message: expect.stringMatching(/already/) }),
  );
  await reverse(s, p.id, id).expect(409);
  expect(await quantityOf(t, p.id)).toBe(5);
});

test('when the stock has been counted since the adjustment, then it cannot be reversed', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 10 });
  const lost = await postAdjustment(s, p.id, { delta: -3, reason: 'lost' }).expect(201);
  await postCount(s, p.id, { countedQuantity: 6 }).expect(201);

  const res = await reverse(s, p.id, lost.body.data.movement.id).expect(409);
  expect(res.body.error.code).toBe('INVALID_STATE');
  expect(res.body.error.message).toMatch(/count/);
  expect(await quantityOf(t, p.id)).toBe(6);
});

test('sales, counts, initial stock and reversals are not adjustments, so they cannot be reversed', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 10, price: 2 });
  await postSale(s, { items: [{ productId: p.id, quantity: 1 }] }).expect(201);
  const adjusted = await postAdjustment(s, p.id, { delta: 2, reason: 'adjustment' }).expect(201);
  const reversal = await reverse(s, p.id, adjusted.body.data.movement.id).expect(201);
  const { rows } = await t.db.pool.query<{ id: string; reason: string }>(
    "SELECT id, reason FROM stock_movements WHERE product_id = $1 AND reason IN ('sale', 'initial')",
    [p.id],
  );
  const count = await postCount(s, p.id, { countedQuantity: 4 }).expect(201);
  for (const id of [
    ...rows.map((r) => r.id),
    reversal.body.data.movement.id,
    count.body.data.movement.id,
  ]) {
    const res = await reverse(s, p.id, id).expect(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
  }
  expect(await quantityOf(t, p.id)).toBe(4);
});

test('when the units returned have been sold meanwhile, then reversing the return is 409 INSUFFICIENT_STOCK', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { price: 1 });
  const returned = await postAdjustment(s, p.id, { delta: 3, reason: 'return' }).expect(201);
  await postSale(s, { items: [{ productId: p.id, quantity: 2 }] }).expect(201);
  const res = await reverse(s, p.id, returned.body.data.movement.id).expect(409);
  expect(res.body.error).toEqual(
    expect.objectContaining({
      code: 'INSUFFICIENT_STOCK',
      details: [{ productId: p.id, requested: 3, available: 1 }],
    }),
  );
  expect(await quantityOf(t, p.id)).toBe(1);
});

test('viewers cannot reverse; another product, store or movement id is 404; a retry with the same Idempotency-Key answers the first result', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 10 });
  const other = await createProduct(s, { initialQuantity: 1 });
  const { id } = (await postAdjustment(s, p.id, { delta: -1, reason: 'theft' }).expect(201)).body
    .data.movement;

  const viewer = await memberOf(t, s.storeId, 'viewer');
  await reverse(viewer, p.id, id).expect(403);
  await reverse(s, other.id, id).expect(404);
  await reverse(s, p.id, '00000000-0000-4000-8000-000000000000').expect(404);
  const stranger = await storeWithMember(t);
  // Not a member: 403; in the stranger's own store the ids do not exist: 404.
  await s.api
    .post(`${s.url}/products/${p.id}/movements/${id}/reversal`)
    .set(stranger.auth)
    .send({})
    .expect(403);
  await reverse(stranger, p.id, id).expect(404);
  await reverse(s, p.id, 'not-a-uuid').expect(400);

  const key = 'undo-theft-1';
  const send = () =>
    s.api
      .post(`${s.url}/products/${p.id}/movements/${id}/reversal`)
      .set(s.auth)
      .set('Idempotency-Key', key)
      .send({ note: 'Found it' });
  const first = await send().expect(201);
  const again = await send().expect(201);
  expect(again.body.data.movement.id).toBe(first.body.data.movement.id);
  expect(first.body.data.movement.note).toBe('Found it');
  expect(await quantityOf(t, p.id)).toBe(10);
});
