import { useTestApp } from '../../test/app';
import {
  backdateProduct,
  createProduct,
  createSupplier,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { patchStatus, postOrder, postReceipt } from '../../test/purchasing';
import { postSale } from '../../test/requests';

/**
 * Review of issue 16, finding 10: a sale sent late records the cost in force when it was rung
 * up, not the moving average a receipt (or an edit) has made of it since.
 */
const t = useTestApp({ SALE_BACKDATE_DAYS: '7' });

const HOUR = 3_600_000;

async function receive(s: StoreMember, productId: string, quantity: number, unitCost: number) {
  const supplier = await createSupplier(s);
  const order = await postOrder(s, {
    supplierId: supplier.id,
    lines: [{ productId, quantity, unitCost }],
  }).expect(201);
  await patchStatus(s, order.body.data.id, { status: 'processing' }).expect(200);
  const res = await postReceipt(s, order.body.data.id, {
    lines: [{ productId, quantity }],
  }).expect(201);
  return res.body.data.receipt.id as string;
}

/** The cost a sale's movement and its line recorded, and the product's cost now. */
async function costs(s: StoreMember, saleId: string, productId: string) {
  const { rows } = await t.db.pool.query<{ movement: string; line: string }>(
    `SELECT m.unit_cost AS movement, i.unit_cost AS line FROM stock_movements m
     JOIN sale_items i ON i.sale_id = m.reference_id AND i.product_id = m.product_id
     WHERE m.reason = 'sale' AND m.reference_id = $1`,
    [saleId],
  );
  const product = await s.api.get(`${s.url}/products/${productId}`).set(s.auth).expect(200);
  return { ...rows[0]!, now: product.body.data.cost as number };
}

const sellAt = async (s: StoreMember, productId: string, soldAt: Date) =>
  (
    await postSale(s, {
      items: [{ productId, quantity: 1 }],
      soldAt: soldAt.toISOString(),
    }).expect(201)
  ).body.data.id as string;

test('when a receipt moved the average after a sale was rung up, then the sale sent late records the cost of its time', async () => {
  const s = await storeWithMember(t, 'manager');
  const soldAt = new Date(Date.now() - HOUR);
  const p = await createProduct(s, { name: 'Tea', price: 6, cost: 2, initialQuantity: 10 });
  await backdateProduct(t, p.id, new Date(soldAt.getTime() - HOUR));
  // (10 × 2.00 + 10 × 4.00) / 20 = 3.00, received after the sale was rung up.
  await receive(s, p.id, 10, 4);

  const saleId = await sellAt(s, p.id, soldAt);
  // Before the fix: 3.00, today's average.
  expect(await costs(s, saleId, p.id)).toEqual({ movement: '2.00', line: '2.00', now: 3 });
  const [movement] = (
    await s.api.get(`${s.url}/products/${p.id}/movements?reason=sale`).set(s.auth).expect(200)
  ).body.data;
  expect(movement).toEqual(
    expect.objectContaining({ unitCost: 2, createdAt: soldAt.toISOString() }),
  );
});

test('when receipts came in before and after the sale, then its cost is the average of those before it, to the cent', async () => {
  const s = await storeWithMember(t, 'manager');
  const soldAt = new Date(Date.now() - HOUR);
  const p = await createProduct(s, { name: 'Coffee', price: 9, cost: 2, initialQuantity: 10 });
  await backdateProduct(t, p.id, new Date(soldAt.getTime() - 3 * HOUR));
  // Received two hours before the sale: (10 × 2.00 + 5 × 3.05) / 15 = 2.35.
  const early = await receive(s, p.id, 5, 3.05);
  await t.db.pool.query(`UPDATE stock_movements SET created_at = $2 WHERE reference_id = $1`, [
    early,
    new Date(soldAt.getTime() - 2 * HOUR),
  ]);
  // And after it: (15 × 2.35 + 15 × 5.00) / 30 = 3.675 → 3.68.
  await receive(s, p.id, 15, 5);

  const saleId = await sellAt(s, p.id, soldAt);
  expect(await costs(s, saleId, p.id)).toEqual({ movement: '2.35', line: '2.35', now: 3.68 });
});

test('when the cost was edited after the sale was rung up, then the sale records the cost before the edit; an edit before it counts', async () => {
  const s = await storeWithMember(t, 'manager');
  const soldAt = new Date(Date.now() - HOUR);
  const p = await createProduct(s, { name: 'Jam', price: 5, cost: 2, initialQuantity: 10 });
  await backdateProduct(t, p.id, new Date(soldAt.getTime() - 3 * HOUR));
  // An edit made before the sale (dated back to then)...
  await s.api.patch(`${s.url}/products/${p.id}`).set(s.auth).send({ cost: 2.5 }).expect(200);
  await t.db.pool.query(
    `UPDATE product_history SET changed_at = $2 WHERE product_id = $1 AND field = 'cost'`,
    [p.id, new Date(soldAt.getTime() - 2 * HOUR)],
  );
  // ...then, after it, a receipt ((10 × 2.50 + 10 × 1.00) / 20 = 1.75) and an edit to 5.00: the
  // cost of the time is worked out from the ledger, starting at the edit before the sale.
  await receive(s, p.id, 10, 1);
  await s.api.patch(`${s.url}/products/${p.id}`).set(s.auth).send({ cost: 5 }).expect(200);

  const saleId = await sellAt(s, p.id, soldAt);
  expect(await costs(s, saleId, p.id)).toEqual({ movement: '2.50', line: '2.50', now: 5 });
});

test('when nothing changed the cost since the sale was rung up, then it records the cost now', async () => {
  const s = await storeWithMember(t, 'manager');
  const soldAt = new Date(Date.now() - HOUR);
  const p = await createProduct(s, { name: 'Rice', price: 3, cost: 1.25, initialQuantity: 10 });
  await backdateProduct(t, p.id, new Date(soldAt.getTime() - HOUR));
  const saleId = await sellAt(s, p.id, soldAt);
  const { rows } = await t.db.pool.query(
    `SELECT unit_cost FROM stock_movements WHERE reference_id = $1`,
    [saleId],
  );
  expect(rows).toEqual([{ unit_cost: '1.25' }]);
});

test('when only an edit changed the cost since the sale was rung up, then the sale records the cost it replaced', async () => {
  const s = await storeWithMember(t, 'manager');
  const soldAt = new Date(Date.now() - HOUR);
  const p = await createProduct(s, { name: 'Oil', price: 8, cost: 4.4, initialQuantity: 10 });
  await backdateProduct(t, p.id, new Date(soldAt.getTime() - HOUR));
  await s.api.patch(`${s.url}/products/${p.id}`).set(s.auth).send({ cost: 6 }).expect(200);
  const saleId = await sellAt(s, p.id, soldAt);
  expect(await costs(s, saleId, p.id)).toEqual({ movement: '4.40', line: '4.40', now: 6 });
});
