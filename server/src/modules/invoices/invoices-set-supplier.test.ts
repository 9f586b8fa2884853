import { useTestApp } from '../../test/app';
import {
  createProduct,
  createSupplier,
  memberOf,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import {
  expectLedgerBalanced,
  feedOf,
  patchStatus,
  postOrder,
  postReceipt,
} from '../../test/purchasing';

/**
 * Review of issue 16, finding 3: an invoice whose supplier was not recognised ("Dairy Direct"
 * for "Dairy Direct Ltd") says so, and the supplier can be set after upload; the lines are then
 * matched three ways against that supplier's deliveries, so "already received" works and no
 * stock is received twice. The same supplier's invoice number stays unique.
 */
const t = useTestApp();

const ddInvoice = (number: string, vendor = 'Dairy Direct') =>
  csvOf([
    ['Vendor', vendor, 'Invoice No', number],
    ['SKU', 'Description', 'Qty', 'Unit Cost', 'Total'],
    ['MILK', 'Whole milk', 10, 2, 20],
    ['', 'Delivery crate deposit', 1, 5, 5],
  ]);

const setSupplier = (s: StoreMember, id: string, body: object) =>
  s.api.patch(`${s.url}/invoices/${id}`).set(s.auth).send(body);

/** 10 milk of an order of Dairy Direct Ltd received at the door, then its invoice, unrecognised. */
async function deliveredThenInvoiced() {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s, { name: 'Dairy Direct Ltd' });
  const milk = await createProduct(s, { name: 'Whole milk 1L', sku: 'MILK', price: 2, cost: 2 });
  const crate = await createProduct(s, { name: 'Milk crate', sku: 'CRATE', price: 5, cost: 5 });
  const order = (
    await postOrder(s, {
      supplierId: supplier.id,
      lines: [{ productId: milk.id, quantity: 10, unitCost: 2 }],
    }).expect(201)
  ).body.data as { id: string; orderNumber: string };
  await patchStatus(s, order.id, { status: 'processing' }).expect(200);
  const receipt = await postReceipt(s, order.id, {
    lines: [{ productId: milk.id, quantity: 10 }],
  }).expect(201);
  const up = (await uploadInvoice(s, ddInvoice('DD-7'), 'dd7.csv').expect(201)).body.data;
  return { s, supplier, milk, crate, order, receiptId: receipt.body.data.receipt.id, up };
}

test('when the supplier named on an invoice is not recognised, then the invoice says so, and once it is set the delivery is matched as already received and stock does not move', async () => {
  const { s, supplier, milk, crate, order, receiptId, up } = await deliveredThenInvoiced();
  const id = up.invoiceId as string;
  expect(up.invoice.supplier).toBeNull();
  expect(up.invoice.supplierName).toBe('Dairy Direct');
  // Before the fix: no warning at all, and nothing could set the supplier.
  expect(up.invoice.supplierWarning).toBe(
    `No supplier is set: "Dairy Direct", as the invoice names it, matched none of this store's suppliers. Set the supplier so its lines can be matched to what was ordered and received from it.`,
  );
  const [milkLine, crateLine] = up.matchingResults.lines;
  expect(milkLine.threeWay).toEqual(
    expect.objectContaining({ action: null, received: { quantity: 0, receipts: [] }, orders: [] }),
  );
  // A line a person matched keeps its product when the supplier is set.
  await s.api
    .patch(`${s.url}/invoices/${id}/lines/${crateLine.lineId}`)
    .set(s.auth)
    .send({ productId: crate.id })
    .expect(200);

  const set = await setSupplier(s, id, { supplierId: supplier.id }).expect(200);
  const inv = set.body.data;
  expect(inv.supplier).toEqual({ id: supplier.id, name: 'Dairy Direct Ltd' });
  expect(inv.supplierWarning).toBeNull();
  expect(inv.purchaseOrder).toEqual({ id: order.id, orderNumber: order.orderNumber });
  const [milkNow, crateNow] = inv.matchingResults.lines;
  expect(crateNow.match).toEqual(
    expect.objectContaining({ productId: crate.id, method: 'manual' }),
  );
  expect(milkNow.threeWay).toEqual(
    expect.objectContaining({
      action: 'already_received',
      receiveNow: 0,
      orderChoiceRequired: false,
      ordered: expect.objectContaining({ purchaseOrderId: order.id }),
      received: {
        quantity: 10,
        receipts: [expect.objectContaining({ receiptId, purchaseOrderId: order.id, quantity: 10 })],
      },
    }),
  );
  const { rows: stored } = await t.db.pool.query(
    'SELECT supplier_id, purchase_order_id FROM invoices WHERE id = $1',
    [id],
  );
  expect(stored).toEqual([{ supplier_id: supplier.id, purchase_order_id: order.id }]);
  expect(await feedOf(s, 'invoice.updated')).toContainEqual({
    invoiceId: id,
    status: 'pending',
    change: 'supplier',
  });

  const done = await s.api
    .post(`${s.url}/invoices/${id}/reconcile`)
    .set(s.auth)
    .send({
      lines: [
        { lineId: milkNow.lineId, productId: milk.id },
        { lineId: crateNow.lineId, productId: null, action: 'skip' },
      ],
    })
    .expect(200);
  expect(done.body.data.settles.orders).toEqual([{ id: order.id, orderNumber: order.orderNumber }]);
  // Before the fix "already received" was refused and "receive now" made 20 of 10 delivered.
  expect(await quantityOf(t, milk.id)).toBe(10);
  const { rows } = await t.db.pool.query(
    'SELECT quantity, invoiced_quantity FROM purchase_receipt_lines WHERE receipt_id = $1',
    [receiptId],
  );
  expect(rows).toEqual([{ quantity: 10, invoiced_quantity: 10 }]);
  await expectLedgerBalanced(t, s.storeId);

  // Reconciled: the supplier can no longer change.
  const late = await setSupplier(s, id, { supplierId: supplier.id }).expect(409);
  expect(late.body.error.code).toBe('INVALID_STATE');
});

test('when the supplier set already has an invoice of that number, then 409 and nothing changes; a bad supplier, role or store is 400, 403 or 404', async () => {
  const { s, supplier, up } = await deliveredThenInvoiced();
  // The same invoice, uploaded again with the supplier picked: its number is now taken.
  await uploadInvoice(s, ddInvoice('DD-7'), 'dd7-again.csv', { supplierId: supplier.id }).expect(
    201,
  );
  const dup = await setSupplier(s, up.invoiceId, { supplierId: supplier.id }).expect(409);
  expect(dup.body.error).toEqual(
    expect.objectContaining({
      code: 'CONFLICT',
      message: 'Invoice DD-7 from this supplier has already been uploaded',
    }),
  );
  const unchanged = async () =>
    (
      await t.db.pool.query('SELECT supplier_id, purchase_order_id FROM invoices WHERE id = $1', [
        up.invoiceId,
      ])
    ).rows;
  expect(await unchanged()).toEqual([{ supplier_id: null, purchase_order_id: null }]);

  const other = await storeWithMember(t, 'manager');
  const foreign = await createSupplier(other, { name: 'Elsewhere Ltd' });
  for (const body of [
    { supplierId: foreign.id },
    { supplierId: 'not-a-uuid' },
    { supplierId: supplier.id, supplierName: 'Dairy Direct Ltd' },
  ]) {
    const bad = await setSupplier(s, up.invoiceId, body).expect(400);
    expect(bad.body.error.details[0].field).toMatch(/^supplier(Id|Name)$/);
  }
  const empty = await setSupplier(s, up.invoiceId, {}).expect(400);
  expect(empty.body.error.details[0].message).toBe('send at least one field to change');
  const employee = await memberOf(t, s.storeId, 'employee');
  await setSupplier(employee, up.invoiceId, { supplierId: supplier.id }).expect(403);
  await setSupplier(other, up.invoiceId, { supplierId: foreign.id }).expect(404);
  expect(await unchanged()).toEqual([{ supplier_id: null, purchase_order_id: null }]);
});
