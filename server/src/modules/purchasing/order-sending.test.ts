import { pdfTextLines } from '../../files/pdf/pdf-text';
import { buildTestApp, type TestApp } from '../../test/app';
import {
  createProduct,
  createSupplier,
  memberOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { feedOf, getOrder, orderingStore, patchStatus, placeOrder } from '../../test/purchasing';
import { startSmtp } from '../../test/smtp';
import { bytesOrJson } from '../../test/requests';

/*
 * A purchase order as a PDF (its text read back with the invoice reader's pdf.js) and e-mailed
 * to the supplier through a real SMTP server started here.
 */
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Nimbus <orders@nimbus.test>' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const pdfOf = (s: StoreMember, id: string) =>
  s.api.get(`${s.url}/purchase-orders/${id}/pdf`).set(s.auth).buffer(true).parse(bytesOrJson);

const send = (s: StoreMember, id: string, body: object = {}) =>
  s.api.post(`${s.url}/purchase-orders/${id}/send`).set(s.auth).send(body);

const textOf = async (pdf: Buffer, storeId: string) =>
  (await pdfTextLines(pdf, storeId)).pages.flat().join('\n');

/** The PDF attached to a raw MIME mail (nodemailer writes it base64, in 76-column lines). */
function attachedPdf(raw: string): Buffer | undefined {
  const part = /Content-Type: application\/pdf[^]*?\r\n\r\n([A-Za-z0-9+/=\r\n]+)/.exec(raw);
  return part ? Buffer.from(part[1]!.replace(/\s/g, ''), 'base64') : undefined;
}

async function supplierStore(email: string | null = 'orders@acme.test') {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  await s.api
    .patch(`${s.url}/suppliers/${o.supplier.id}`)
    .set(s.auth)
    .send({ email, contactPerson: 'Dana Reyes', address: '12 Mill Road', city: 'Leeds' })
    .expect(200);
  return { s, o };
}

test('when a manager opens an order as a PDF, then it shows the store, the supplier, each line, the total and the dates', async () => {
  const { s, o } = await supplierStore();
  const order = await placeOrder(s, o, { expectedAt: '2026-12-24', notes: 'Use the back door' });
  const res = await pdfOf(s, order.id).expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toBe(`inline; filename="${order.orderNumber}.pdf"`);

  const text = await textOf(res.body as Buffer, s.storeId);
  const store = await s.api.get(s.url).set(s.auth).expect(200);
  expect(text).toContain(store.body.data.name);
  expect(text).toContain(`Purchase order ${order.orderNumber}`);
  for (const field of ['Acme Wholesale', 'Attn: Dana Reyes', '12 Mill Road', 'Leeds']) {
    expect(text).toContain(field);
  }
  expect(text).toContain('orders@acme.test');
  expect(text).toContain('Expected delivery: 2026-12-24');
  expect(text).toMatch(new RegExp(`${o.tea.sku}\\s+Green tea\\s+10\\s+\\$1\\.50\\s+\\$15\\.00`));
  expect(text).toMatch(new RegExp(`${o.cups.sku}\\s+Paper cups\\s+40\\s+\\$0\\.25\\s+\\$10\\.00`));
  expect(text).toContain('Total: $25.00');
  expect(text).toContain('Use the back door');
});

test('when the store has an address and products named in other scripts, then the PDF prints the address under the store name and the names as typed', async () => {
  const { s, o } = await supplierStore();
  const admin = await memberOf(t, s.storeId, 'admin');
  await admin.api
    .patch(`${admin.url}/checkout-settings`)
    .set(admin.auth)
    .send({ address: '4 Quay Street\nGdańsk 80-001' })
    .expect(200);
  const vodka = await createProduct(s, { name: 'Żubrówka Bison Grass', sku: 'ZUB-1', price: 20 });
  const tea = await createProduct(s, { name: 'Čaj zelený', sku: 'CAJ-1', price: 3 });
  const order = await placeOrder(s, o, {
    lines: [
      { productId: vodka.id, quantity: 2, unitCost: 11 },
      { productId: tea.id, quantity: 5, unitCost: 1 },
    ],
  });
  const text = await textOf((await pdfOf(s, order.id).expect(200)).body as Buffer, s.storeId);
  const storeName = (await s.api.get(s.url).set(s.auth).expect(200)).body.data.name;
  const lines = text.split('\n').map((l) => l.trim());
  const at = lines.indexOf(storeName);
  expect(at).toBeGreaterThanOrEqual(0);
  expect(lines.slice(at + 1, at + 3)).toEqual(['4 Quay Street', 'Gdańsk 80-001']);
  expect(lines[at + 3]).toBe(`Purchase order ${order.orderNumber}`);
  expect(text).toContain('Żubrówka Bison Grass');
  expect(text).toContain('Čaj zelený');
});

test('when an employee asks for an order PDF or another store asks for it, then 403 and 404', async () => {
  const { s, o } = await supplierStore();
  const order = await placeOrder(s, o);
  const employee = await memberOf(t, s.storeId, 'employee');
  await pdfOf(employee, order.id).expect(403);
  await send(employee, order.id).expect(403);
  const other = await storeWithMember(t, 'manager');
  await pdfOf(other, order.id).expect(404);
  await other.api
    .post(`${other.url}/purchase-orders/${order.id}/send`)
    .set(other.auth)
    .send({})
    .expect(404);
  expect(smtp.mailsTo('orders@acme.test')).toEqual([]);
  expect((await getOrder(s, order.id)).sentAt).toBeNull();
});

test('when a manager sends an order, then the supplier gets one mail with its PDF, and the order and the feed record it', async () => {
  const { s, o } = await supplierStore('sales@north-mill.test');
  const order = await placeOrder(s, o, { expectedAt: '2026-12-24' });
  const res = await send(s, order.id, { message: 'Please confirm by Friday.' }).expect(200);
  expect(res.body.data).toMatchObject({
    id: order.id,
    status: 'pending',
    sentTo: 'sales@north-mill.test',
    sentAt: expect.any(String),
  });
  expect((await getOrder(s, order.id)).sentTo).toBe('sales@north-mill.test');

  const mails = smtp.mailsTo('sales@north-mill.test');
  expect(mails).toHaveLength(1);
  expect(mails[0]!.subject).toContain(`Purchase order ${order.orderNumber} from `);
  expect(mails[0]!.from).toBe('Nimbus <orders@nimbus.test>');
  expect(mails[0]!.body).toContain('Hello Dana Reyes');
  expect(mails[0]!.body).toContain('Please confirm by Friday.');
  expect(mails[0]!.body).toContain('50 units in 2 lines');

  const raw = smtp.rawTo('sales@north-mill.test')[0]!;
  expect(raw).toContain(`filename=${order.orderNumber}.pdf`);
  const pdf = attachedPdf(raw);
  expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
  expect(await textOf(pdf!, s.storeId)).toContain('Total: $25.00');

  const feed = await feedOf(s, 'purchase_order.updated');
  expect(feed).toContainEqual(
    expect.objectContaining({ purchaseOrderId: order.id, change: 'sent' }),
  );
});

test('when the supplier has no e-mail, then sending is 400 on "to" and nothing goes out; with "to" it goes there', async () => {
  const { s, o } = await supplierStore(null);
  const order = await placeOrder(s, o);
  const res = await send(s, order.id).expect(400);
  expect(res.body.error.details).toEqual([
    expect.objectContaining({ field: 'to', code: 'required' }),
  ]);
  expect((await getOrder(s, order.id)).sentAt).toBeNull();

  await send(s, order.id, { to: 'not an address' }).expect(400);
  await send(s, order.id, { to: 'buyer@acme.test', extra: 1 }).expect(400);
  await send(s, order.id, { to: 'buyer@acme.test' }).expect(200);
  expect(smtp.mailsTo('buyer@acme.test')).toHaveLength(1);
  expect((await getOrder(s, order.id)).sentTo).toBe('buyer@acme.test');
});

test('when an order is cancelled, then it is not sent (409)', async () => {
  const { s, o } = await supplierStore('cancelled@acme.test');
  const order = await placeOrder(s, o);
  await patchStatus(s, order.id, { status: 'cancelled', reason: 'Ordered twice' }).expect(200);
  const res = await send(s, order.id).expect(409);
  expect(res.body.error.code).toBe('INVALID_STATE');
  expect(smtp.mailsTo('cancelled@acme.test')).toEqual([]);
});

test('when the mail server cannot be reached, then sending is 503 and the order is not marked sent', async () => {
  const down = await startSmtp();
  await down.close();
  const app = await buildTestApp({ SMTP_URL: down.url });
  try {
    const s = await storeWithMember(app, 'manager');
    const o = await orderingStore(s);
    const supplier = await createSupplier(s, { name: 'Mill', email: 'mill@acme.test' });
    const order = await placeOrder(s, { ...o, supplier });
    await s.api.post(`${s.url}/purchase-orders/${order.id}/send`).set(s.auth).send({}).expect(503);
    expect((await getOrder(s, order.id)).sentAt).toBeNull();
  } finally {
    await app.close();
  }
});
