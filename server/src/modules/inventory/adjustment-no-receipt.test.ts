import { useTestApp } from '../../test/app';
import {
  createProduct,
  createSupplier,
  memberOf,
  quantityOf,
  storeWithMember,
} from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import { expectLedgerBalanced, patchStatus, postOrder, postReceipt } from '../../test/purchasing';
import { postAdjustment } from '../../test/requests';

/**
 * Review of issue 16, finding 4: goods booked by hand as a "purchase receipt" adjustment were
 * invisible to the purchase order and to the invoice match, which then offered to receive them
 * again. A delivery is received on its purchase order or from the supplier's invoice; a manual
 * adjustment with that reason is refused.
 */
const t = useTestApp();

test('when a delivery is booked as a purchase_receipt adjustment, then 400 saying where deliveries are received, nothing moves, and the invoice then matches the receipt on the order', async () => {
  const s = await storeWithMember(t, 'manager');
  const clerk = await memberOf(t, s.storeId, 'employee');
  const supplier = await createSupplier(s, { name: 'Hill Farm' });
  const eggs = await createProduct(s, { name: 'Eggs 12', sku: 'EGG-12', price: 4, cost: 2 });
  const order = (
    await postOrder(s, {
      supplierId: supplier.id,
      lines: [{ productId: eggs.id, quantity: 10, unitCost: 2.5 }],
    }).expect(201)
  ).body.data;
  await patchStatus(s, order.id, { status: 'processing' }).expect(200);

  // Before the fix: 201, stock 10, and the order still open with 10 on order.
  const res = await postAdjustment(clerk, eggs.id, {
    delta: 10,
    reason: 'purchase_receipt',
    note: 'delivery from supplier',
  }).expect(400);
  expect(res.body.error.details).toEqual([
    {
      field: 'reason',
      code: 'invalid_value',
      message: expect.stringMatching(
        /^a delivery is received on its purchase order or from the supplier's invoice, so the invoice can match it/,
      ),
    },
  ]);
  expect(await quantityOf(t, eggs.id)).toBe(0);
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM stock_movements WHERE product_id = $1',
    [eggs.id],
  );
  expect(rows[0].n).toBe(0);

  // Received where it belongs, the invoice matches it and receives nothing again.
  await postReceipt(clerk, order.id, { lines: [{ productId: eggs.id, quantity: 10 }] }).expect(201);
  const up = await uploadInvoice(
    s,
    csvOf([
      ['Vendor', 'Hill Farm', 'Invoice No', 'HF-1'],
      ['SKU', 'Description', 'Qty', 'Unit Cost'],
      ['EGG-12', 'Eggs', 10, 2.5],
    ]),
    'hf.csv',
    { supplierId: supplier.id },
  ).expect(201);
  const invoiceId = up.body.data.invoiceId as string;
  const line = (await s.api.get(`${s.url}/invoices/${invoiceId}`).set(s.auth).expect(200)).body.data
    .matchingResults.lines[0];
  expect(line.threeWay).toEqual(
    expect.objectContaining({
      action: 'already_received',
      receiveNow: 0,
      received: expect.objectContaining({ quantity: 10 }),
    }),
  );
  await s.api
    .post(`${s.url}/invoices/${invoiceId}/reconcile`)
    .set(s.auth)
    .send({ lines: [{ lineId: line.lineId, productId: eggs.id }] })
    .expect(200);
  expect(await quantityOf(t, eggs.id)).toBe(10);
  await expectLedgerBalanced(t, s.storeId);
});

test('when the other reasons are used by hand, then they still work, and the list of reasons leaves out purchase_receipt', async () => {
  const s = await storeWithMember(t, 'employee');
  const p = await createProduct(s, { initialQuantity: 5 });
  await postAdjustment(s, p.id, { delta: 2, reason: 'return' }).expect(201);
  await postAdjustment(s, p.id, { delta: 1, reason: 'adjustment' }).expect(201);
  const wrong = await postAdjustment(s, p.id, { delta: 1, reason: 'delivery' }).expect(400);
  expect(wrong.body.error.details[0].message).toBe(
    'must be one of adjustment, return, damaged, expired, spoiled, lost, theft',
  );
  expect(await quantityOf(t, p.id)).toBe(8);
});

test('when a purchase receipt was booked by hand before such adjustments were refused, then it can still be reversed, once', async () => {
  const s = await storeWithMember(t, 'manager');
  const p = await createProduct(s, { initialQuantity: 5 });
  // As such a booking was written: a purchase_receipt movement referring to nothing.
  const { rows } = await t.db.pool.query<{ id: string }>(
    `WITH up AS (UPDATE products SET quantity = quantity + 10 WHERE id = $2 RETURNING quantity)
     INSERT INTO stock_movements (store_id, product_id, delta, reason, note, quantity_after)
     SELECT $1, $2, 10, 'purchase_receipt', 'delivery', quantity FROM up RETURNING id`,
    [s.storeId, p.id],
  );
  const reverse = () =>
    s.api
      .post(`${s.url}/products/${p.id}/movements/${rows[0]!.id}/reversal`)
      .set(s.auth)
      .send({ note: 'Received on PO-7 instead' });
  const res = await reverse().expect(201);
  expect(res.body.data.movement).toEqual(
    expect.objectContaining({ delta: -10, reason: 'purchase_receipt', referenceType: 'movement' }),
  );
  await reverse().expect(409);
  expect(await quantityOf(t, p.id)).toBe(5);
  await expectLedgerBalanced(t, s.storeId);
});
