import request from 'supertest';
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
  getOrder,
  patchStatus,
  postOrder,
  postReceipt,
} from '../../test/purchasing';

/**
 * Issue 16: reconciling under concurrency leaves the ledger exact (stock = sum of movements)
 * and every receipt invoiced once — two people reconciling one invoice, two invoices matching
 * one delivery, and an invoice reconciled while its order is being received at the door.
 */
const t = useTestApp();

async function dairy() {
  const s = await storeWithMember(t, 'manager');
  const supplier = await createSupplier(s, { name: 'Dairy Co' });
  return { s, supplier };
}

async function sentOrder(s: StoreMember, supplierId: string, productId: string, quantity = 10) {
  const res = await postOrder(s, {
    supplierId,
    lines: [{ productId, quantity, unitCost: 1 }],
  }).expect(201);
  await patchStatus(s, res.body.data.id, { status: 'processing' }).expect(200);
  return res.body.data as { id: string; orderNumber: string };
}

async function invoiceFor(s: StoreMember, number: string, sku: string, qty = 10) {
  const res = await uploadInvoice(
    s,
    csvOf([
      ['Vendor', 'Dairy Co', 'Invoice No', number],
      ['SKU', 'Description', 'Qty', 'Unit Cost'],
      [sku, sku, qty, 1],
    ]),
    `${number}.csv`,
  ).expect(201);
  return {
    id: res.body.data.invoiceId as string,
    lineId: res.body.data.matchingResults.lines[0].lineId as string,
  };
}

/** The requests at once, on one listening server (each on its own connection). */
async function atOnce(fire: Array<(server: ReturnType<typeof t.app.listen>) => request.Test>) {
  const server = t.app.listen(0);
  try {
    return await Promise.all(fire.map((f) => f(server)));
  } finally {
    server.close();
  }
}

const receiptLinesOf = async (productId: string) =>
  (
    await t.db.pool.query<{ quantity: number; invoiced: number; links: number }>(
      `SELECT sum(rl.quantity)::int AS quantity, sum(rl.invoiced_quantity)::int AS invoiced,
         (SELECT coalesce(sum(x.quantity), 0)::int FROM invoice_line_receipts x
          JOIN purchase_receipt_lines y ON y.id = x.receipt_line_id WHERE y.product_id = $1) AS links
       FROM purchase_receipt_lines rl WHERE rl.product_id = $1`,
      [productId],
    )
  ).rows[0]!;

test('when two people reconcile the same invoice at once, then one does it and the other is told it is done; stock moves once', async () => {
  const { s, supplier } = await dairy();
  const other = await memberOf(t, s.storeId, 'admin');
  const cream = await createProduct(s, { name: 'Cream', sku: 'CREAM', price: 3, cost: 1 });
  await sentOrder(s, supplier.id, cream.id);
  const inv = await invoiceFor(s, 'R-1', 'CREAM');
  const body = { lines: [{ lineId: inv.lineId, productId: cream.id, action: 'receive_now' }] };
  const results = await atOnce(
    [s, other].map(
      (who) => (server) =>
        request(server).post(`${who.url}/invoices/${inv.id}/reconcile`).set(who.auth).send(body),
    ),
  );
  expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  expect(results.find((r) => r.status === 409)!.body.error.code).toBe('INVALID_STATE');
  expect(await quantityOf(t, cream.id)).toBe(10);
  expect(await receiptLinesOf(cream.id)).toEqual({ quantity: 10, invoiced: 10, links: 10 });
  await expectLedgerBalanced(t, s.storeId);
});

test('when two invoices match the same delivery at once, then only one settles it; the other is refused and nothing is received twice', async () => {
  const { s, supplier } = await dairy();
  const milk = await createProduct(s, { name: 'Milk', sku: 'MILK', price: 2, cost: 1 });
  const order = await sentOrder(s, supplier.id, milk.id);
  await postReceipt(s, order.id, { lines: [{ productId: milk.id, quantity: 10 }] }).expect(201);
  const a = await invoiceFor(s, 'M-1', 'MILK');
  const b = await invoiceFor(s, 'M-2', 'MILK');
  const results = await atOnce(
    [a, b].map(
      (inv) => (server) =>
        request(server)
          .post(`${s.url}/invoices/${inv.id}/reconcile`)
          .set(s.auth)
          .send({
            lines: [{ lineId: inv.lineId, productId: milk.id, action: 'already_received' }],
          }),
    ),
  );
  expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  // The second found nothing left to match once the first had settled the delivery.
  expect(results.find((r) => r.status === 400)!.body.error.details[0].code).toBe(
    'nothing_received',
  );
  expect(await quantityOf(t, milk.id)).toBe(10);
  expect(await receiptLinesOf(milk.id)).toEqual({ quantity: 10, invoiced: 10, links: 10 });
  await expectLedgerBalanced(t, s.storeId);
});

test('when an invoice is reconciled while its order is being received at the door, then the goods come in once, whichever lands first, and the receipt is invoiced once', async () => {
  const { s, supplier } = await dairy();
  const outcomes: string[] = [];
  for (let round = 0; round < 6; round++) {
    const butter = await createProduct(s, {
      name: `Butter ${round}`,
      sku: `BUTTER-${round}`,
      price: 4,
      cost: 1,
    });
    const order = await sentOrder(s, supplier.id, butter.id);
    const inv = await invoiceFor(s, `B-${round}`, `BUTTER-${round}`);
    const door = (server: ReturnType<typeof t.app.listen>) =>
      request(server)
        .post(`${s.url}/purchase-orders/${order.id}/receive`)
        .set(s.auth)
        .send({ lines: [{ productId: butter.id, quantity: 10 }] });
    const desk = (server: ReturnType<typeof t.app.listen>) =>
      request(server)
        .post(`${s.url}/invoices/${inv.id}/reconcile`)
        .set(s.auth)
        .send({
          lines: [
            {
              lineId: inv.lineId,
              productId: butter.id,
              action: 'receive_now',
              purchaseOrderId: order.id,
            },
          ],
        });
    // Fired in either order, round by round.
    const fire = round % 2 ? [door, desk] : [desk, door];
    const results = await atOnce(fire);
    const atDoor = results[fire.indexOf(door)];
    const atDesk = results[fire.indexOf(desk)];
    expect(atDesk!.status).toBe(200);
    // The door either received first (the invoice then matched its receipt) or found the
    // order already received by the invoice (409: it is completed).
    expect([201, 409]).toContain(atDoor!.status);
    const received = atDesk!.body.data.matchingResults.lines[0].receivedQuantity;
    outcomes.push(
      atDoor!.status === 201 ? `door first, invoice received ${received}` : 'invoice first',
    );
    expect(received).toBe(atDoor!.status === 201 ? 0 : 10);
    expect(await quantityOf(t, butter.id)).toBe(10);
    const o = await getOrder(s, order.id);
    expect([o.status, o.lines[0].receivedQuantity]).toEqual(['completed', 10]);
    expect(await receiptLinesOf(butter.id)).toEqual({ quantity: 10, invoiced: 10, links: 10 });
  }
  expect(outcomes.length).toBe(6);
  await expectLedgerBalanced(t, s.storeId);
});
