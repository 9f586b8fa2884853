import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, storeWithMember } from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import { patchStatus, postOrder, postReceipt } from '../../test/purchasing';

/**
 * Issue 16, defect 9: a price that differs from the order can be accepted as the product's new
 * cost, and paying an invoice that is not reconciled, or whose lines do not add up to its
 * total, asks for a confirmation that is then kept.
 */
const t = useTestApp();

async function cheeseDelivered() {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s, { name: 'Cheese Co' });
  const parmesan = await createProduct(s, {
    name: 'Parmesan 200g',
    sku: 'PARM',
    price: 6,
    cost: 3.33,
  });
  const order = await postOrder(s, {
    supplierId: supplier.id,
    lines: [{ productId: parmesan.id, quantity: 10, unitCost: 3.33 }],
  }).expect(201);
  await patchStatus(s, order.body.data.id, { status: 'processing' }).expect(200);
  await postReceipt(s, order.body.data.id, {
    lines: [{ productId: parmesan.id, quantity: 10 }],
  }).expect(201);
  const up = await uploadInvoice(
    s,
    csvOf([
      ['Vendor', 'Cheese Co', 'Invoice No', 'C-9'],
      ['SKU', 'Description', 'Qty', 'Unit Cost', 'Total'],
      ['PARM', 'Parmesan', 10, 3.65, 36.5],
      ['', '', '', 'Total', 36.5],
    ]),
    'c9.csv',
  ).expect(201);
  return { s, parmesan, order: order.body.data, up: up.body.data };
}

const costOf = async (id: string) =>
  Number((await t.db.pool.query('SELECT cost FROM products WHERE id = $1', [id])).rows[0].cost);

test('when the invoice price differs from the order, then the review says so in words and amounts, and "accept new cost" makes it the product cost', async () => {
  const { s, parmesan, order, up } = await cheeseDelivered();
  const line = up.matchingResults.lines[0];
  const view = (await s.api.get(`${s.url}/invoices/${up.invoiceId}`).set(s.auth).expect(200)).body
    .data.matchingResults.lines[0].threeWay;
  expect(view.variances).toEqual([
    {
      kind: 'price_vs_order',
      expected: 3.33,
      actual: 3.65,
      amount: 3.2,
      message: `Billed at 3.65 a unit, ordered at 3.33 on ${order.orderNumber}: 0.32 more a unit, 3.20 more on 10 units`,
    },
  ]);
  const rec = await s.api
    .post(`${s.url}/invoices/${up.invoiceId}/reconcile`)
    .set(s.auth)
    .send({ lines: [{ lineId: line.lineId, productId: parmesan.id, acceptNewCost: true }] })
    .expect(200);
  expect(rec.body.data.matchingResults.lines[0].threeWay.costAccepted).toBe(true);
  // Before the fix there was no way to accept it: the product stayed at $3.33.
  expect(await costOf(parmesan.id)).toBe(3.65);
  const product = await s.api.get(`${s.url}/products/${parmesan.id}`).set(s.auth).expect(200);
  expect(product.body.data.cost).toBe(3.65);
  const history = await s.api
    .get(`${s.url}/products/${parmesan.id}/history`)
    .set(s.auth)
    .expect(200);
  expect(history.body.data[0]).toEqual(
    expect.objectContaining({ field: 'cost', oldValue: '3.33', newValue: '3.65' }),
  );
  // What the supplier charges last is what the next invoice is compared with.
  const { rows } = await t.db.pool.query(
    'SELECT last_cost FROM supplier_items WHERE product_id = $1',
    [parmesan.id],
  );
  expect(rows).toEqual([{ last_cost: '3.65' }]);
});

test('when the price is not accepted, then the product keeps its cost and the variance stays on the reconciled line', async () => {
  const { s, parmesan, up } = await cheeseDelivered();
  const line = up.matchingResults.lines[0];
  const rec = await s.api
    .post(`${s.url}/invoices/${up.invoiceId}/reconcile`)
    .set(s.auth)
    .send({ lines: [{ lineId: line.lineId, productId: parmesan.id }] })
    .expect(200);
  const done = rec.body.data.matchingResults.lines[0].threeWay;
  expect(done.costAccepted).toBe(false);
  expect(done.variances.map((v: { kind: string }) => v.kind)).toEqual(['price_vs_order']);
  expect(await costOf(parmesan.id)).toBe(3.33);
});

test('when an invoice that is not reconciled or does not add up is paid, then 409 names what needs confirming, and a confirmed payment keeps who confirmed what and when', async () => {
  const { s, up } = await cheeseDelivered();
  const short = await uploadInvoice(
    s,
    csvOf([
      ['Vendor', 'Cheese Co', 'Invoice No', 'C-10'],
      ['SKU', 'Description', 'Qty', 'Unit Cost', 'Total'],
      ['PARM', 'Parmesan', 2, 3.65, 7.3],
      ['', '', '', 'Total', 50],
    ]),
    'c10.csv',
  ).expect(201);
  const id = short.body.data.invoiceId as string;
  expect(short.body.data.invoice.totals).toEqual({
    lines: 7.3,
    expected: 50,
    difference: -42.7,
    lineMismatches: [],
    addsUp: false,
  });
  const pay = (body: object) => s.api.put(`${s.url}/invoices/${id}/status`).set(s.auth).send(body);

  const refused = await pay({ status: 'paid' }).expect(409);
  expect(refused.body.error.code).toBe('CONFIRMATION_REQUIRED');
  expect(refused.body.error.details).toEqual([
    expect.objectContaining({ field: 'confirm.unreconciled', code: 'unreconciled' }),
    expect.objectContaining({
      field: 'confirm.totalMismatch',
      code: 'total_mismatch',
      message: expect.stringContaining('7.30'),
    }),
  ]);
  // Half a confirmation is not one.
  await pay({ status: 'paid', confirm: { unreconciled: true } }).expect(409);
  const before = await t.db.pool.query('SELECT status FROM invoices WHERE id = $1', [id]);
  expect(before.rows[0].status).toBe('pending');

  const paid = await pay({
    status: 'paid',
    confirm: { unreconciled: true, totalMismatch: true },
  }).expect(200);
  expect(paid.body.data.status).toBe('paid');
  expect(paid.body.data.paymentConfirmation).toEqual({
    reasons: ['unreconciled', 'total_mismatch'],
    confirmedBy: { id: s.user.id, name: s.user.name },
    confirmedAt: expect.any(String),
  });
  const { rows } = await t.db.pool.query(
    'SELECT paid_confirmed_reasons, paid_confirmed_by FROM invoices WHERE id = $1',
    [id],
  );
  expect(rows).toEqual([
    { paid_confirmed_reasons: ['unreconciled', 'total_mismatch'], paid_confirmed_by: s.user.id },
  ]);

  // A reconciled invoice whose lines add up is paid without any confirmation.
  await s.api
    .post(`${s.url}/invoices/${up.invoiceId}/reconcile`)
    .set(s.auth)
    .send({
      lines: [
        {
          lineId: up.matchingResults.lines[0].lineId,
          productId: up.matchingResults.lines[0].match.productId,
        },
      ],
    })
    .expect(200);
  const clean = await s.api
    .put(`${s.url}/invoices/${up.invoiceId}/status`)
    .set(s.auth)
    .send({ status: 'paid' })
    .expect(200);
  expect(clean.body.data.paymentConfirmation).toBeNull();
});

test('when a skipped line asks for its price to become the cost, then 400 names lines.N.acceptNewCost, the cost stays and nothing is reconciled', async () => {
  const { s, parmesan, up } = await cheeseDelivered();
  const line = up.matchingResults.lines[0];
  const skip = { lineId: line.lineId, productId: parmesan.id, action: 'skip', acceptNewCost: true };
  const seen = await s.api
    .post(`${s.url}/invoices/${up.invoiceId}/reconcile/preview`)
    .set(s.auth)
    .send({ lines: [skip] })
    .expect(200);
  expect(seen.body.data.ready).toBe(false);
  expect(seen.body.data.problems).toEqual([
    expect.objectContaining({ field: 'lines.0.acceptNewCost', code: 'cost_on_skip' }),
  ]);
  for (const decision of [skip, { lineId: line.lineId, productId: null, acceptNewCost: true }]) {
    const refused = await s.api
      .post(`${s.url}/invoices/${up.invoiceId}/reconcile`)
      .set(s.auth)
      .send({ lines: [decision] })
      .expect(400);
    expect(refused.body.error.details).toEqual([
      {
        field: 'lines.0.acceptNewCost',
        code: 'cost_on_skip',
        message: expect.stringMatching(/skipped line's price does not become the product's cost/),
      },
    ]);
  }
  // Before the fix: 200, the cost went 3.33 → 3.65 and the line said costAccepted.
  expect(await costOf(parmesan.id)).toBe(3.33);
  const { rows } = await t.db.pool.query('SELECT reconciled_at FROM invoices WHERE id = $1', [
    up.invoiceId,
  ]);
  expect(rows).toEqual([{ reconciled_at: null }]);
  const history = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM product_history WHERE product_id = $1 AND field = 'cost'",
    [parmesan.id],
  );
  expect(history.rows[0].n).toBe(0);
});
