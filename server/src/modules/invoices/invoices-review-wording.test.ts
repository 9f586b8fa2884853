import { useTestApp } from '../../test/app';
import { createProduct, createSupplier, storeWithMember } from '../../test/factories';
import { csvOf, uploadInvoice } from '../../test/invoices';
import { patchStatus, postOrder, postReceipt } from '../../test/purchasing';

/**
 * Review of issue 16, finding 15: what the review says agrees with what the match does. A
 * second line of a product is warned against what the first leaves; "already received" is not
 * offered when nothing was received; a reconciled invoice is not said to have received stock
 * it only matched.
 */
const t = useTestApp();

async function dairy(receivedAtTheDoor: number) {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s, { name: 'Dairy Co' });
  const milk = await createProduct(s, { name: 'Milk', sku: 'MILK', price: 2, cost: 1 });
  const order = (
    await postOrder(s, {
      supplierId: supplier.id,
      lines: [{ productId: milk.id, quantity: 10, unitCost: 1 }],
    }).expect(201)
  ).body.data as { id: string; orderNumber: string };
  await patchStatus(s, order.id, { status: 'processing' }).expect(200);
  if (receivedAtTheDoor)
    await postReceipt(s, order.id, {
      lines: [{ productId: milk.id, quantity: receivedAtTheDoor }],
    }).expect(201);
  const upload = async (number: string, quantities: number[]) =>
    (
      await uploadInvoice(
        s,
        csvOf([
          ['Vendor', 'Dairy Co', 'Invoice No', number],
          ['SKU', 'Description', 'Qty', 'Unit Cost'],
          ...quantities.map((q) => ['MILK', 'Milk', q, 1]),
        ]),
        `${number}.csv`,
      ).expect(201)
    ).body.data;
  return { s, milk, order, upload };
}

test('when an invoice bills one product on two lines, then the second line is warned against what the first leaves, as the match hands it out', async () => {
  const { order, upload } = await dairy(0);
  const up = await upload('W-1', [10, 4]);
  expect(up.invoice.purchaseOrder).toEqual({ id: order.id, orderNumber: order.orderNumber });
  const [first, second] = up.matchingResults.lines;
  expect(first.conflicts).toEqual([]);
  // Before the fix: "Order … still expects 10; the invoice bills 4", while the match gave it 0.
  expect(second.conflicts).toEqual([
    {
      kind: 'quantity',
      expected: 0,
      actual: 4,
      message: `Order ${order.orderNumber} has 0 left to invoice after the 10 billed on the invoice's earlier lines of this product (10 still open, none received); this line bills 4`,
    },
  ]);
  expect(second.threeWay.receiveNow).toBe(4);
});

test('when nothing was received, then "undecided" offers receive now or skip only; with some received it says how many "already received" matches', async () => {
  const none = await dairy(0);
  const up = await none.upload('W-2', [4]);
  const seen = await none.s.api
    .post(`${none.s.url}/invoices/${up.invoiceId}/reconcile/preview`)
    .set(none.s.auth)
    .send({ lines: [{ lineId: up.matchingResults.lines[0].lineId, productId: none.milk.id }] })
    .expect(200);
  // Before the fix: "… choose receive_now (receives the 4 more), already_received (matches what
  // was received) or skip", with nothing received to match.
  expect(seen.body.data.problems).toEqual([
    {
      field: 'lines.0.action',
      code: 'undecided',
      message:
        'line 1 (Milk): 4 billed, nothing received that is not invoiced yet: choose receive_now (receives the 4) or skip',
    },
  ]);

  const some = await dairy(6);
  const part = await some.upload('W-3', [10]);
  const partly = await some.s.api
    .post(`${some.s.url}/invoices/${part.invoiceId}/reconcile/preview`)
    .set(some.s.auth)
    .send({})
    .expect(200);
  expect(partly.body.data.problems[0].message).toBe(
    'line 1 (Milk): 10 billed, 6 received and not invoiced: choose receive_now (receives the 4 more), already_received (matches the 6 received) or skip',
  );
});

test('when an invoice matched only to deliveries is reconciled again, then 409 says when, without claiming it received stock', async () => {
  const { s, milk, upload } = await dairy(10);
  const up = await upload('W-4', [10]);
  const reconcile = () =>
    s.api
      .post(`${s.url}/invoices/${up.invoiceId}/reconcile`)
      .set(s.auth)
      .send({ lines: [{ lineId: up.matchingResults.lines[0].lineId, productId: milk.id }] });
  const done = await reconcile().expect(200);
  expect(done.body.data.matchingResults.lines[0].receivedQuantity).toBe(0);
  const again = await reconcile().expect(409);
  expect(again.body.error.code).toBe('INVALID_STATE');
  // Before the fix: "…; its stock has been received".
  expect(again.body.error.message).toMatch(
    /^This invoice was already reconciled on \d{4}-\d{2}-\d{2}: its lines were settled then \(matched to deliveries, received or skipped\) and cannot be settled again$/,
  );
});
