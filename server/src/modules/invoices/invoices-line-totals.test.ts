import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, quantityOf, storeWithMember } from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import { patchStatus, postOrder, postReceipt } from '../../test/purchasing';

/**
 * Review of issue 16, finding 16: a line whose total is not its quantity × unit price bills
 * money nothing on it explains. The invoice then does not add up (even when the stated total is
 * the sum of the stated line totals), the review says which line and by how much, and paying it
 * asks for a confirmation that names the line and the amounts.
 */
const t = useTestApp();

test('when a line says 9.00 for 3 × 2.00, then the invoice does not add up, the line and amounts are named, and paying it asks first', async () => {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s, { name: 'Tea Traders' });
  const tea = await createProduct(s, { name: 'Green tea', sku: 'TEA', price: 4, cost: 2 });
  const cups = await createProduct(s, { name: 'Paper cups', sku: 'CUP', price: 1, cost: 0.33 });
  const order = (
    await postOrder(s, {
      supplierId: supplier.id,
      lines: [
        { productId: tea.id, quantity: 3, unitCost: 2 },
        { productId: cups.id, quantity: 3, unitCost: 0.33 },
      ],
    }).expect(201)
  ).body.data;
  await patchStatus(s, order.id, { status: 'processing' }).expect(200);
  await postReceipt(s, order.id, {
    lines: [
      { productId: tea.id, quantity: 3 },
      { productId: cups.id, quantity: 3 },
    ],
  }).expect(201);

  // The stated total is the sum of the stated line totals: only the tea line is wrong. The
  // cups' 1.00 for 3 × 0.33 = 0.99 is a cent of rounding, and adds up.
  const up = await uploadInvoice(
    s,
    csvOf([
      ['Vendor', 'Tea Traders', 'Invoice No', 'TT-1'],
      ['SKU', 'Description', 'Qty', 'Unit Cost', 'Total'],
      ['TEA', 'Green tea', 3, 2, 9],
      ['CUP', 'Paper cups', 3, 0.33, 1],
      ['', '', '', 'Total', 10],
    ]),
    'tt1.csv',
  ).expect(201);
  const id = up.body.data.invoiceId as string;
  const [teaLine, cupLine] = up.body.data.matchingResults.lines;
  const mismatch = {
    lineId: teaLine.lineId,
    position: 0,
    description: 'Green tea',
    quantity: 3,
    unitCost: 2,
    total: 9,
    expected: 6,
    difference: 3,
  };
  // Before the fix: { lines: 10, expected: 10, difference: 0, addsUp: true }.
  expect(up.body.data.invoice.totals).toEqual({
    lines: 10,
    expected: 10,
    difference: 0,
    lineMismatches: [mismatch],
    addsUp: false,
  });
  const shown = await s.api.get(`${s.url}/invoices/${id}`).set(s.auth).expect(200);
  expect(shown.body.data.totals.lineMismatches).toEqual([mismatch]);
  const listed = await s.api.get(`${s.url}/invoices`).set(s.auth).expect(200);
  expect(listed.body.data[0].totals).toEqual(expect.objectContaining({ addsUp: false }));

  // Matched to the delivery (no stock moves): only the line total is left to confirm.
  await s.api
    .post(`${s.url}/invoices/${id}/reconcile`)
    .set(s.auth)
    .send({
      lines: [
        { lineId: teaLine.lineId, productId: tea.id },
        { lineId: cupLine.lineId, productId: cups.id },
      ],
    })
    .expect(200);
  expect([await quantityOf(t, tea.id), await quantityOf(t, cups.id)]).toEqual([3, 3]);

  const pay = (body: object) => s.api.put(`${s.url}/invoices/${id}/status`).set(s.auth).send(body);
  const refused = await pay({ status: 'paid' }).expect(409);
  expect(refused.body.error.code).toBe('CONFIRMATION_REQUIRED');
  expect(refused.body.error.details).toEqual([
    {
      field: 'confirm.totalMismatch',
      code: 'total_mismatch',
      message:
        'Line 1 (Green tea): 3 × 2.00 = 6.00, but the line says 9.00 (3.00 more). Confirm to pay it anyway.',
    },
  ]);
  const unpaid = await t.db.pool.query('SELECT status FROM invoices WHERE id = $1', [id]);
  expect(unpaid.rows[0].status).toBe('pending');

  const paid = await pay({ status: 'paid', confirm: { totalMismatch: true } }).expect(200);
  expect(paid.body.data.paymentConfirmation).toEqual({
    reasons: ['total_mismatch'],
    confirmedBy: { id: s.user.id, name: s.user.name },
    confirmedAt: expect.any(String),
  });
  const { rows } = await t.db.pool.query(
    'SELECT status, paid_confirmed_reasons FROM invoices WHERE id = $1',
    [id],
  );
  expect(rows).toEqual([{ status: 'paid', paid_confirmed_reasons: ['total_mismatch'] }]);
});
