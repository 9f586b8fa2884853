import { useTestApp } from '../../test/app';
import {
  countRows,
  createProduct,
  ledgerOf,
  memberOf,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';

/** Reconciling an invoice once: decisions, receipts through the ledger, replays; line corrections. */
const t = useTestApp();

const reconcile = (s: StoreMember, id: string, body: object, key?: string) => {
  const req = s.api.post(`${s.url}/invoices/${id}/reconcile`).set(s.auth);
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};

const ledgerHolds = async (storeId: string) => {
  for (const p of await ledgerOf(t, storeId)) expect(p.quantity).toBe(p.ledger);
};

async function invoiceWithThreeLines() {
  const s = await storeWithMember(t, 'manager');
  const milk = await createProduct(s, {
    name: 'Organic Whole Milk 1L',
    price: 2,
    cost: 1,
    sku: 'MLK-1',
    initialQuantity: 3,
  });
  const eggs = await createProduct(s, {
    name: 'Free Range Eggs 12',
    price: 4,
    cost: 2,
    sku: 'EGG-12',
  });
  const res = await uploadInvoice(
    s,
    csvOf([
      ['SKU', 'Description', 'Qty', 'Unit Cost'],
      ['MLK-1', 'Milk', 12, 1],
      ['', 'Farm eggs dozen', 6, 2.05],
      ['', 'Delivery charge', 1, 15],
    ]),
    'r.csv',
  ).expect(201);
  const lines = res.body.data.matchingResults.lines as Array<{
    lineId: string;
    match: { productId: string | null };
  }>;
  return { s, milk, eggs, invoiceId: res.body.data.invoiceId as string, lines };
}

test('when every line is decided to be received now, then the confirmed quantities are received once, the invoice is reconciled, and a replay answers the same', async () => {
  const { s, milk, eggs, invoiceId, lines } = await invoiceWithThreeLines();
  expect(lines[0]!.match.productId).toBe(milk.id);
  expect(lines[1]!.match.productId).toBeNull();
  // Nothing of it was received before: receiving it now is the person's explicit choice.
  const body = {
    lines: [
      { lineId: lines[0]!.lineId, productId: milk.id, action: 'receive_now' },
      { lineId: lines[1]!.lineId, productId: eggs.id, quantity: 5, action: 'receive_now' },
      { lineId: lines[2]!.lineId, productId: null },
    ],
  };
  const first = await reconcile(s, invoiceId, body, 'rec-1').expect(200);
  const d = first.body.data;
  expect(d.reconciledAt).toEqual(expect.any(String));
  expect(d.reconciledBy).toEqual({ id: s.user.id, name: s.user.name });
  expect(
    d.matchingResults.lines.map(
      (l: { receivedQuantity: number; match: { productId: string; method: string } }) => [
        l.receivedQuantity,
        l.match.productId,
        l.match.method,
      ],
    ),
  ).toEqual([
    [12, milk.id, 'sku'],
    [5, eggs.id, 'manual'],
    [0, null, null],
  ]);
  expect([await quantityOf(t, milk.id), await quantityOf(t, eggs.id)]).toEqual([15, 5]);
  const { rows } = await t.db.pool.query(
    `SELECT product_id, delta, reason FROM stock_movements WHERE store_id = $1 AND reason = 'purchase_receipt' ORDER BY delta`,
    [s.storeId],
  );
  expect(rows).toEqual([
    { product_id: eggs.id, delta: 5, reason: 'purchase_receipt' },
    { product_id: milk.id, delta: 12, reason: 'purchase_receipt' },
  ]);

  // The same key and body: the first answer again, nothing received twice.
  const replay = await reconcile(s, invoiceId, body, 'rec-1').expect(200);
  expect(replay.body).toEqual(first.body);
  // Another attempt: refused, saying when it was done.
  const again = await reconcile(s, invoiceId, body, 'rec-2').expect(409);
  expect(again.body.error.code).toBe('INVALID_STATE');
  expect(again.body.error.message).toMatch(/already reconciled on \d{4}-\d{2}-\d{2}/);
  expect([await quantityOf(t, milk.id), await quantityOf(t, eggs.id)]).toEqual([15, 5]);
  await ledgerHolds(s.storeId);
  // Lines can no longer be corrected.
  await s.api
    .patch(`${s.url}/invoices/${invoiceId}/lines/${lines[2]!.lineId}`)
    .set(s.auth)
    .send({ productId: eggs.id })
    .expect(409);
  const feed = await t.api.get(`${s.url}/events?type=invoice.updated`).set(s.auth).expect(200);
  expect(feed.body.data.map((e: { payload: { change: string } }) => e.payload.change)).toEqual([
    'uploaded',
    'reconciled',
  ]);
});

test('when a line is left undecided, decided twice, or given a product of another store, then 400 names it and nothing changes', async () => {
  const { s, milk, invoiceId, lines } = await invoiceWithThreeLines();
  const other = await storeWithMember(t);
  const foreign = await createProduct(other, { name: 'Foreign', price: 1 });
  const undecided = await reconcile(s, invoiceId, {
    lines: [{ lineId: lines[0]!.lineId, productId: milk.id }],
  }).expect(400);
  expect(undecided.body.error.details).toEqual([
    expect.objectContaining({
      field: 'lines',
      code: 'undecided',
      message: expect.stringMatching(/^line 2 \(Farm eggs dozen\) is not decided/),
    }),
    expect.objectContaining({
      field: 'lines',
      code: 'undecided',
      message: expect.stringMatching(/^line 3 \(Delivery charge\)/),
    }),
  ]);
  const wrong = await reconcile(s, invoiceId, {
    lines: [
      { lineId: lines[0]!.lineId, productId: foreign.id },
      { lineId: lines[0]!.lineId, productId: null },
      { lineId: lines[1]!.lineId, productId: null },
      { lineId: lines[2]!.lineId, productId: null, extra: 1 },
    ],
  }).expect(400);
  expect(wrong.body.error.details.map((x: { field: string }) => x.field)).toEqual(['lines.3']);
  const wrong2 = await reconcile(s, invoiceId, {
    lines: [
      { lineId: lines[0]!.lineId, productId: foreign.id },
      { lineId: lines[0]!.lineId, productId: null },
      { lineId: lines[1]!.lineId, productId: null },
      { lineId: lines[2]!.lineId, productId: null, quantity: -1 },
    ],
  }).expect(400);
  expect(wrong2.body.error.details.map((x: { field: string }) => x.field)).toEqual([
    'lines.3.quantity',
  ]);
  const dup = await reconcile(s, invoiceId, {
    lines: [
      { lineId: lines[0]!.lineId, productId: foreign.id },
      { lineId: lines[0]!.lineId, productId: null },
      { lineId: lines[1]!.lineId, productId: null },
      { lineId: lines[2]!.lineId, productId: null },
    ],
  }).expect(400);
  expect(
    dup.body.error.details.map((x: { field: string; code: string }) => [x.field, x.code]),
  ).toEqual([
    ['lines.1.lineId', 'duplicate'],
    ['lines.0.productId', 'not_found'],
  ]);
  expect(await quantityOf(t, milk.id)).toBe(3);
  const { rows } = await t.db.pool.query('SELECT reconciled_at FROM invoices WHERE id = $1', [
    invoiceId,
  ]);
  expect(rows[0].reconciled_at).toBeNull();
  expect(await countRows(t, 'purchase_receipts', s.storeId)).toBe(0);
  await ledgerHolds(s.storeId);
  // Employees may not reconcile; another store's invoice is not found.
  const employee = await memberOf(t, s.storeId, 'employee');
  await reconcile(employee, invoiceId, { lines: [] }).expect(403);
  await reconcile(other, invoiceId, {
    lines: [{ lineId: lines[0]!.lineId, productId: null }],
  }).expect(404);
});

test('when a line is corrected before reconciling, then its match is saved as manual with its conflicts checked again', async () => {
  const { s, eggs, invoiceId, lines } = await invoiceWithThreeLines();
  const res = await s.api
    .patch(`${s.url}/invoices/${invoiceId}/lines/${lines[1]!.lineId}`)
    .set(s.auth)
    .send({ productId: eggs.id })
    .expect(200);
  const line = res.body.data.matchingResults.lines[1];
  expect(line.match).toEqual({
    productId: eggs.id,
    product: expect.objectContaining({ id: eggs.id, name: 'Free Range Eggs 12' }),
    method: 'manual',
    confidence: 1,
  });
  // 2.05 against the eggs' cost of 2.00: 2.5% off, over the 2% tolerance.
  expect(line.conflicts).toEqual([
    expect.objectContaining({ kind: 'price', expected: 2, actual: 2.05 }),
  ]);
  expect(res.body.data.matchingResults.matched).toBe(2);
  const cleared = await s.api
    .patch(`${s.url}/invoices/${invoiceId}/lines/${lines[1]!.lineId}`)
    .set(s.auth)
    .send({ productId: null })
    .expect(200);
  expect(cleared.body.data.matchingResults.lines[1].match.productId).toBeNull();
  await s.api
    .patch(`${s.url}/invoices/${invoiceId}/lines/${invoiceId}`)
    .set(s.auth)
    .send({ productId: null })
    .expect(404);
});
