import { useTestApp } from '../../test/app';
import { createProduct, ledgerOf, quantityOf, storeWithMember } from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import { getOrder, orderingStore, patchStatus, placeOrder } from '../../test/purchasing';

/** An invoice against the supplier's open order: the order chosen, quantity conflicts, receipts against it. */
const t = useTestApp();

test('when the supplier has an open order, then the invoice is matched to it, quantities it does not expect are conflicts, and reconciling receives against it (the rest as a plain receipt)', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const extra = await createProduct(s, {
    name: 'Wooden stirrers',
    price: 1,
    cost: 0.05,
    sku: 'STIR',
  });
  const order = await placeOrder(s, o); // 10 tea at 1.50, 40 cups at 0.25
  await patchStatus(s, order.id, { status: 'processing' }).expect(200);

  const res = await uploadInvoice(
    s,
    csvOf([
      ['Vendor', 'Acme Wholesale', 'Invoice No', 'A-500'],
      ['Item', 'Qty', 'Price'],
      ['Green tea', 12, 1.5],
      ['Paper cups', 40, 0.25],
      ['Stirrers', 100, 0.05],
    ]),
    'acme.csv',
  ).expect(201);
  const data = res.body.data;
  expect(data.invoice.supplier).toEqual({ id: o.supplier.id, name: 'Acme Wholesale' });
  expect(data.invoice.purchaseOrder).toEqual({ id: order.id, orderNumber: order.orderNumber });
  const [tea, cups, stirrers] = data.matchingResults.lines;
  expect(tea.match.productId).toBe(o.tea.id);
  expect(tea.conflicts).toEqual([
    {
      kind: 'quantity',
      expected: 10,
      actual: 12,
      message: `Order ${order.orderNumber} still expects 10; the invoice bills 12`,
    },
  ]);
  expect(cups.conflicts).toEqual([]);
  expect(stirrers.match.productId).toBeNull();

  const rec = await s.api
    .post(`${s.url}/invoices/${data.invoiceId}/reconcile`)
    .set(s.auth)
    .set('Idempotency-Key', 'acme-a500')
    .send({
      lines: [
        { lineId: tea.lineId, productId: o.tea.id, action: 'receive_now' },
        { lineId: cups.lineId, productId: o.cups.id, action: 'receive_now' },
        { lineId: stirrers.lineId, productId: extra.id, unitCost: 0.06, action: 'receive_now' },
      ],
    })
    .expect(200);
  expect(
    rec.body.data.matchingResults.lines.map(
      (l: { receivedQuantity: number }) => l.receivedQuantity,
    ),
  ).toEqual([12, 40, 100]);
  // 10 tea and 40 cups against the order (now complete), 2 tea and 100 stirrers as a plain receipt.
  expect((await getOrder(s, order.id)).status).toBe('completed');
  expect([
    await quantityOf(t, o.tea.id),
    await quantityOf(t, o.cups.id),
    await quantityOf(t, extra.id),
  ]).toEqual([22, 40, 100]);
  const { rows } = await t.db.pool.query(
    `SELECT r.purchase_order_id, r.invoice_id, sum(m.delta)::int AS units FROM purchase_receipts r
     JOIN stock_movements m ON m.reference_type = 'purchase_receipt' AND m.reference_id = r.id
     WHERE r.store_id = $1 GROUP BY r.id ORDER BY units`,
    [s.storeId],
  );
  expect(rows).toEqual([
    { purchase_order_id: order.id, invoice_id: data.invoiceId, units: 50 },
    { purchase_order_id: null, invoice_id: data.invoiceId, units: 102 },
  ]);
  const { rows: costs } = await t.db.pool.query(
    'SELECT product_id, last_cost FROM supplier_items WHERE supplier_id = $1 AND product_id = $2',
    [o.supplier.id, extra.id],
  );
  expect(costs).toEqual([{ product_id: extra.id, last_cost: '0.06' }]);
  for (const p of await ledgerOf(t, s.storeId)) expect(p.quantity).toBe(p.ledger);
});
