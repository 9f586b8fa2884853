import { buildTestApp, type TestApp } from '../../../test/app';
import {
  createProduct,
  memberOf,
  storeWithMember,
  type StoreMember,
} from '../../../test/factories';
import { postSale } from '../../../test/requests';
import { startSmtp } from '../../../test/smtp';
import { settle, taxRate } from '../checkout/checkout-test-helpers';

/* A sale's receipt e-mailed through a real SMTP server started here (issue 22). */
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtp();
  t = await buildTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Nimbus <receipts@nimbus.test>' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const emailReceipt = (s: StoreMember, saleId: string, body?: object) => {
  const req = s.api.post(`${s.url}/sales/${saleId}/receipt/email`).set(s.auth);
  return body === undefined ? req : req.send(body);
};

/** A store with a 10% tax, an address, coffee and tea, and a sale with cash, change and a customer. */
async function saleWithCustomer(customerEmail: string | null = 'ada@example.com') {
  const s = await storeWithMember(t, 'admin');
  const rate = await taxRate(s, { name: 'VAT', rateBps: 1000 });
  await settle(s, { defaultTaxRateId: rate.id, address: '1 Harbour Street, Leith' });
  const coffee = await createProduct(s, {
    name: 'Coffee <beans>',
    price: 8.5,
    initialQuantity: 20,
  });
  const tea = await createProduct(s, { name: 'Green tea', price: 4, initialQuantity: 20 });
  const sale = (
    await postSale(s, {
      items: [
        { productId: coffee.id, quantity: 2, discount: { percent: 10 } },
        { productId: tea.id, quantity: 1, unitPrice: 3, priceOverrideReason: 'Dented tin' },
      ],
      payments: [{ method: 'cash', amount: 25 }],
      customer: customerEmail ? { name: 'Ada', email: customerEmail } : { name: 'Ada' },
    }).expect(201)
  ).body.data;
  return { s, sale };
}

test('when an employee e-mails a receipt, then the customer gets an HTML receipt with the store, lines, tax per rate, payments, change and number', async () => {
  const { s, sale } = await saleWithCustomer('ada.receipt@example.com');
  // 2 × 8.50 = 17.00 − 1.70 = 15.30, tea 3.00: 18.30 + 10% VAT 1.83 = 20.13; cash 25 → 4.87.
  expect(sale.total).toBe(20.13);
  expect(sale.change).toBe(4.87);
  const employee = await memberOf(t, s.storeId, 'employee');

  const res = await emailReceipt(employee, sale.id).expect(200);
  expect(res.body.data).toMatchObject({
    saleId: sale.id,
    number: sale.number,
    sentTo: 'ada.receipt@example.com',
  });
  const label = `S-${String(sale.number).padStart(6, '0')}`;
  const raw = smtp.rawTo('ada.receipt@example.com');
  expect(raw).toHaveLength(1);
  expect(raw[0]).toContain('Content-Type: text/html');
  const [mail] = smtp.mailsTo('ada.receipt@example.com');
  expect(mail!.from).toContain('receipts@nimbus.test');
  expect(mail!.subject).toContain(label);
  const body = mail!.body;
  const store = (await s.api.get(s.url).set(s.auth).expect(200)).body.data;
  for (const part of [
    store.name,
    '1 Harbour Street, Leith',
    `Receipt <strong>${label}</strong>`,
    'Coffee &lt;beans&gt;', // escaped in the HTML
    'Green tea',
    'Discount',
    'Dented tin',
    'VAT 10% on $18.30',
    '$1.83',
    'Total (3 items)',
    '$20.13',
    'Cash',
    '$25.00',
    'Change',
    '$4.87',
  ])
    expect(body).toContain(part);
  const html = body.slice(body.indexOf('<!doctype html>'));
  expect(html).toContain('</html>');
  expect(html).not.toContain('Coffee <beans>');
  // The plain-text copy has the same figures.
  expect(body).toContain('2 x Coffee <beans> @ $8.50  $17.00');
  expect(body).toContain('Change: $4.87');
});

test('when a receipt is sent to a given address, then it goes there; with no address anywhere it is a 400 that sends nothing', async () => {
  const { s, sale } = await saleWithCustomer(null);
  const refused = await emailReceipt(s, sale.id, {}).expect(400);
  expect(refused.body.error.code).toBe('VALIDATION_ERROR');
  expect(refused.body.error.details[0]).toMatchObject({ field: 'email', code: 'required' });
  await emailReceipt(s, sale.id, { email: 'not an address' }).expect(400);
  await emailReceipt(s, sale.id, { email: 'x@example.com', extra: 1 }).expect(400);

  await emailReceipt(s, sale.id, { email: 'Other.Person@Example.com' }).expect(200);
  expect(smtp.mailsTo('other.person@example.com')).toHaveLength(1);
});

test('when another store, a viewer or a missing sale asks, then 403 or 404 and nothing is sent', async () => {
  const { s, sale } = await saleWithCustomer('guarded@example.com');
  const viewer = await memberOf(t, s.storeId, 'viewer');
  expect((await emailReceipt(viewer, sale.id).expect(403)).body.error.code).toBe('FORBIDDEN');
  const other = await storeWithMember(t, 'admin');
  // Its own store's URL: the sale is not there. The first store's URL: not a member.
  await emailReceipt(other, sale.id).expect(404);
  await other.api
    .post(`${s.url}/sales/${sale.id}/receipt/email`)
    .set(other.auth)
    .send({})
    .expect(403);
  await emailReceipt(s, '00000000-0000-4000-8000-000000000000').expect(404);
  await emailReceipt(s, 'not-a-uuid').expect(400);
  expect(smtp.mailsTo('guarded@example.com')).toHaveLength(0);
});

test('when one sale’s receipt is e-mailed over and over, then the fourth within the hour is 429 with Retry-After', async () => {
  const { s, sale } = await saleWithCustomer('often@example.com');
  for (let i = 0; i < 3; i++) await emailReceipt(s, sale.id).expect(200);
  const limited = await emailReceipt(s, sale.id).expect(429);
  expect(limited.body.error.code).toBe('RATE_LIMITED');
  expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  expect(smtp.mailsTo('often@example.com')).toHaveLength(3);
});
