import { useTestApp } from '../../test/app';
import {
  countRows,
  createProduct,
  memberOf,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { postSale } from '../../test/requests';
import { receiptMail } from './receipt-mail/receipt-html';
import type { Sale } from './sales.repo';

/*
 * A sale rung up offline carries the receipt number the till printed (OFF-<device>-<n>) when the
 * queued sale is sent: the sale keeps it, answers it, is found by it, and its receipt shows it
 * beside the sale's own number (issue 22, migration 053).
 */
const t = useTestApp();

async function shop() {
  const s = await storeWithMember(t, 'employee');
  const milk = await createProduct(s, { name: 'Milk', price: 1.5, initialQuantity: 10 });
  return { s, milk };
}

const search = async (s: StoreMember, text: string) =>
  (
    await s.api
      .get(`${s.url}/sales?search=${encodeURIComponent(text)}`)
      .set(s.auth)
      .expect(200)
  ).body.data.map((x: { id: string }) => x.id);

test('when a queued sale is sent with its provisional number, then the sale keeps it, answers it and a search for it finds the sale', async () => {
  const { s, milk } = await shop();
  const offline = (
    await postSale(s, {
      items: [{ productId: milk.id, quantity: 2 }],
      provisionalNumber: ' off-ab12-3 ',
    }).expect(201)
  ).body.data;
  const online = (await postSale(s, { items: [{ productId: milk.id, quantity: 1 }] }).expect(201))
    .body.data;

  expect(offline.provisionalNumber).toBe('OFF-AB12-3');
  expect(online.provisionalNumber).toBeNull();
  const { rows } = await t.db.pool.query(
    'SELECT id, provisional_number FROM sales WHERE store_id = $1 ORDER BY number',
    [s.storeId],
  );
  expect(rows).toEqual([
    { id: offline.id, provisional_number: 'OFF-AB12-3' },
    { id: online.id, provisional_number: null },
  ]);
  const read = await s.api.get(`${s.url}/sales/${offline.id}`).set(s.auth).expect(200);
  expect(read.body.data.provisionalNumber).toBe('OFF-AB12-3');

  expect(await search(s, 'OFF-AB12-3')).toEqual([offline.id]);
  expect(await search(s, 'off-ab12-3')).toEqual([offline.id]);
  // Exactly: another device's or count's number is another sale's.
  expect(await search(s, 'OFF-AB12-30')).toEqual([]);
});

test('when the provisional number is not one a till makes, then 400 names the field and nothing is sold', async () => {
  const { s, milk } = await shop();
  for (const provisionalNumber of ['S-000001', 'OFF-', 'OFF-AB12-0', 'OFF-AB 12', 42]) {
    const res = await postSale(s, {
      items: [{ productId: milk.id, quantity: 1 }],
      provisionalNumber,
    }).expect(400);
    expect(res.body.error.details[0].field).toBe('provisionalNumber');
  }
  expect(await countRows(t, 'sales', s.storeId)).toBe(0);
  expect(await quantityOf(t, milk.id)).toBe(10);
});

test('when another store searches for the number, or a viewer posts a queued sale, then it finds nothing or gets 403', async () => {
  const { s, milk } = await shop();
  await postSale(s, {
    items: [{ productId: milk.id, quantity: 1 }],
    provisionalNumber: 'OFF-ZZ99-1',
  }).expect(201);
  const other = await storeWithMember(t, 'admin');
  expect(await search(other, 'OFF-ZZ99-1')).toEqual([]);

  const viewer = await memberOf(t, s.storeId, 'viewer');
  const refused = await postSale(viewer, {
    items: [{ productId: milk.id, quantity: 1 }],
    provisionalNumber: 'OFF-ZZ99-2',
  }).expect(403);
  expect(refused.body.error.code).toBe('FORBIDDEN');
  expect(await countRows(t, 'sales', s.storeId)).toBe(1);
  expect(await search(s, 'OFF-ZZ99-2')).toEqual([]);
});

test('when a sale rung up offline is e-mailed, then its receipt shows the provisional number and the sale number', async () => {
  const { s, milk } = await shop();
  const sale: Sale = (
    await postSale(s, {
      items: [{ productId: milk.id, quantity: 1 }],
      provisionalNumber: 'OFF-QW7K-12',
    }).expect(201)
  ).body.data;
  const store = { name: 'Corner Shop', address: null, currency: 'USD', timezone: 'UTC' };
  const label = `S-${String(sale.number).padStart(6, '0')}`;
  const mail = receiptMail(sale, store);
  expect(mail.html).toContain(
    `Provisional number <strong>OFF-QW7K-12</strong><br>Sale number <strong>${label}</strong>`,
  );
  expect(mail.text).toContain(`Provisional number OFF-QW7K-12\nSale number ${label}`);
  // A sale recorded online keeps the one number it always had.
  const online = receiptMail({ ...sale, provisionalNumber: null }, store);
  expect(online.html).toContain(`Receipt <strong>${label}</strong>`);
  expect(online.text).not.toContain('Provisional');
});
