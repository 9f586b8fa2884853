import { pdfTextLines } from '../../../files/pdf/pdf-text';
import { useTestApp } from '../../../test/app';
import { aisleStore as storeOf, post, record, session, start } from '../../../test/count-sessions';
import { memberOf, quantityOf, storeWithMember } from '../../../test/factories';
import { bytesOrJson, postSale } from '../../../test/requests';

const t = useTestApp();
const aisleStore = () => storeOf(t);

test('when a blind count of an aisle is started, then its products are listed in walking order without expected quantities', async () => {
  const { manager, employee, milk, eggs } = await aisleStore();
  const res = await start(manager, { scope: 'aisle', aisle: '3', blind: true }).expect(201);
  const s = res.body.data;
  expect(s).toEqual(
    expect.objectContaining({ scope: 'aisle', scopeLabel: 'Aisle 3', blind: true, status: 'open' }),
  );
  // Bin 2 before bin 10: the order a counter walks the shelf in.
  expect(s.lines.map((l: { productId: string }) => l.productId)).toEqual([eggs.id, milk.id]);
  const seen = await session(employee, s.id);
  expect(seen.lines.map((l: { expectedQuantity: unknown }) => l.expectedQuantity)).toEqual([
    null,
    null,
  ]);
  const csv = await employee.api
    .get(`${employee.url}/count-sessions/${s.id}/sheet?format=csv`)
    .set(employee.auth)
    .expect(200);
  expect(csv.headers['content-type']).toMatch(/text\/csv/);
  const [header, first] = csv.text.trim().split('\n');
  expect(header).not.toMatch(/expected/i);
  expect(first).toContain('Eggs');
  // A count that is not blind shows the books.
  const open = await start(manager, { scope: 'aisle', aisle: '4' }).expect(201);
  expect(open.body.data.lines[0].expectedQuantity).toBe(100);
});

test('when a line is counted, a sale happens, and the count is posted, then the sale is not lost', async () => {
  const { manager, employee, milk, eggs } = await aisleStore();
  const s = (await start(manager, { scope: 'aisle', aisle: '3', blind: true }).expect(201)).body
    .data;
  // 18 milk on the shelf (2 missing), counted by scanning; eggs picked from the list: 12, right.
  const line = await record(employee, s.id, { barcode: milk.barcode, countedQuantity: 18 }).expect(
    200,
  );
  expect(line.body.data).toEqual(
    expect.objectContaining({ productId: milk.id, countedQuantity: 18, expectedQuantity: null }),
  );
  expect(line.body.data.countedAt).toEqual(expect.any(String));
  await record(employee, s.id, { productId: eggs.id, countedQuantity: 12 }).expect(200);
  // Then 5 milk are sold before the manager posts.
  await postSale(employee, { items: [{ productId: milk.id, quantity: 5 }] }).expect(201);
  expect(await quantityOf(t, milk.id)).toBe(15);

  const review = (
    await manager.api
      .get(`${manager.url}/count-sessions/${s.id}/review`)
      .set(manager.auth)
      .expect(200)
  ).body.data;
  const milkRow = review.lines.find((l: { productId: string }) => l.productId === milk.id);
  expect(milkRow).toEqual(
    expect.objectContaining({
      expectedQuantity: 20,
      stockAtCount: 20,
      difference: -2,
      value: -1.6,
    }),
  );
  expect(review.totals).toEqual(
    expect.objectContaining({ counted: 2, withDifference: 1, unitsUnder: 2, value: -1.6 }),
  );

  const posted = await post(manager, s.id, 'post-1').expect(200);
  expect(posted.body.data.session.status).toBe('posted');
  // 20 − 2 missing − 5 sold: the count corrected the shelf, the sale still counts.
  expect(await quantityOf(t, milk.id)).toBe(13);
  expect(await quantityOf(t, eggs.id)).toBe(12);
  const { rows } = await t.db.pool.query(
    `SELECT product_id, delta, reason, reference_type, reference_id FROM stock_movements
     WHERE store_id = $1 AND reason = 'count'`,
    [manager.storeId],
  );
  expect(rows).toEqual([
    {
      product_id: milk.id,
      delta: -2,
      reason: 'count',
      reference_type: 'count_session',
      reference_id: s.id,
    },
  ]);
  const kept = await t.db.pool.query(
    'SELECT product_id, counted_quantity, books_quantity FROM stock_counts WHERE store_id = $1 ORDER BY counted_quantity',
    [manager.storeId],
  );
  expect(kept.rows).toEqual(
    expect.arrayContaining([
      { product_id: eggs.id, counted_quantity: 12, books_quantity: 12 },
      { product_id: milk.id, counted_quantity: 18, books_quantity: 20 },
    ]),
  );
});

test('when a count is posted twice with one Idempotency-Key, then it posts once; without the key the second is 409', async () => {
  const { manager, admin, milk } = await aisleStore();
  const s = (await start(manager, { scope: 'aisle', aisle: '3' }).expect(201)).body.data;
  await record(admin, s.id, { productId: milk.id, countedQuantity: 25 }).expect(200);
  const first = await post(manager, s.id, 'same-key').expect(200);
  const again = await post(manager, s.id, 'same-key').expect(200);
  expect(again.body).toEqual(first.body);
  expect(await quantityOf(t, milk.id)).toBe(25);
  const refused = await post(manager, s.id).expect(409);
  expect(refused.body.error.code).toBe('INVALID_STATE');
  await record(admin, s.id, { productId: milk.id, countedQuantity: 1 }).expect(409);
  expect(await quantityOf(t, milk.id)).toBe(25);
});

test('when a product is in an open count, then another count leaves it out until the first is cancelled', async () => {
  const { manager, milk, eggs, nails } = await aisleStore();
  const aisle = (await start(manager, { scope: 'aisle', aisle: '3' }).expect(201)).body.data;
  const whole = (await start(manager, { scope: 'store' }).expect(201)).body.data;
  expect(whole.skipped).toBe(2);
  expect(whole.lines.map((l: { productId: string }) => l.productId)).toEqual([nails.id]);
  const again = await start(manager, { scope: 'aisle', aisle: '3' }).expect(400);
  expect(again.body.error.details[0]).toEqual(
    expect.objectContaining({
      field: 'aisle',
      message: expect.stringMatching(/another open count/),
    }),
  );
  await manager.api
    .post(`${manager.url}/count-sessions/${aisle.id}/cancel`)
    .set(manager.auth)
    .send({})
    .expect(200);
  const retry = (await start(manager, { scope: 'aisle', aisle: '3' }).expect(201)).body.data;
  expect(retry.lines.map((l: { productId: string }) => l.productId).sort()).toEqual(
    [milk.id, eggs.id].sort(),
  );
  const list = await manager.api
    .get(`${manager.url}/count-sessions?status=cancelled`)
    .set(manager.auth)
    .expect(200);
  expect(list.body.data.map((x: { id: string }) => x.id)).toEqual([aisle.id]);
  expect(await quantityOf(t, milk.id)).toBe(20);
});

test('when a count is recorded wrongly, then 400 names the field and the line is unchanged', async () => {
  const { manager, employee, nails } = await aisleStore();
  const s = (await start(manager, { scope: 'aisle', aisle: '3' }).expect(201)).body.data;
  const unknown = await record(employee, s.id, {
    barcode: '0000000000000',
    countedQuantity: 1,
  }).expect(400);
  expect(unknown.body.error.details[0].field).toBe('barcode');
  await record(employee, s.id, { productId: nails.id, countedQuantity: 1 }).expect(400);
  await record(employee, s.id, { countedQuantity: 1 }).expect(400);
  await record(employee, s.id, { productId: nails.id, countedQuantity: -1 }).expect(400);
  const after = await session(employee, s.id);
  expect(after.lines.every((l: { countedQuantity: unknown }) => l.countedQuantity === null)).toBe(
    true,
  );
});

test('when an employee or viewer manages a count, then 403; an employee may count and a viewer may not', async () => {
  const { manager, employee, milk } = await aisleStore();
  const viewer = await memberOf(t, manager.storeId, 'viewer');
  await start(employee, { scope: 'store' }).expect(403);
  const s = (await start(manager, { scope: 'aisle', aisle: '3' }).expect(201)).body.data;
  await record(viewer, s.id, { productId: milk.id, countedQuantity: 1 }).expect(403);
  await record(employee, s.id, { productId: milk.id, countedQuantity: 1 }).expect(200);
  await post(employee, s.id).expect(403);
  await employee.api
    .get(`${employee.url}/count-sessions/${s.id}/review`)
    .set(employee.auth)
    .expect(403);
  await employee.api
    .post(`${employee.url}/count-sessions/${s.id}/cancel`)
    .set(employee.auth)
    .send({})
    .expect(403);
  expect(await quantityOf(t, milk.id)).toBe(20);
  expect((await session(viewer, s.id)).status).toBe('open');
});

test("when another store's member reaches for a count, then 403 in their URL and 404 in theirs", async () => {
  const { manager, milk } = await aisleStore();
  const s = (await start(manager, { scope: 'aisle', aisle: '3' }).expect(201)).body.data;
  const other = await storeWithMember(t, 'admin');
  // Their own store's URL with this store's count: no such count there.
  await other.api.get(`${other.url}/count-sessions/${s.id}`).set(other.auth).expect(404);
  await post(other, s.id).expect(404);
  await record(other, s.id, { productId: milk.id, countedQuantity: 1 }).expect(404);
  // This store's URL: not a member.
  await other.api.get(`${manager.url}/count-sessions/${s.id}`).set(other.auth).expect(403);
  await other.api
    .post(`${manager.url}/count-sessions/${s.id}/post`)
    .set(other.auth)
    .send({})
    .expect(403);
  expect((await session(manager, s.id)).status).toBe('open');
});

test('when the count sheet is printed, then the PDF lists the products by location, without expected quantities when blind', async () => {
  const { manager, employee } = await aisleStore();
  const s = (await start(manager, { scope: 'aisle', aisle: '3', blind: true }).expect(201)).body
    .data;
  const res = await employee.api
    .get(`${employee.url}/count-sessions/${s.id}/sheet`)
    .set(employee.auth)
    .buffer(true)
    .parse(bytesOrJson)
    .expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  const text = (await pdfTextLines(res.body as Buffer, manager.storeId)).pages.flat().join('\n');
  expect(text).toContain('Count sheet: Aisle 3');
  expect(text.indexOf('Eggs')).toBeLessThan(text.indexOf('Milk'));
  expect(text).not.toContain('Expected');
  await employee.api
    .get(`${employee.url}/count-sessions/${s.id}/sheet?format=xls`)
    .set(employee.auth)
    .expect(400);
});

test('when a line is counted again, then the last count and its time are the ones posted', async () => {
  const { manager, employee, eggs } = await aisleStore();
  const s = (await start(manager, { scope: 'aisle', aisle: '3' }).expect(201)).body.data;
  const first = await record(employee, s.id, { productId: eggs.id, countedQuantity: 3 }).expect(
    200,
  );
  const second = await record(employee, s.id, { productId: eggs.id, countedQuantity: 10 }).expect(
    200,
  );
  expect(second.body.data.countedAt >= first.body.data.countedAt).toBe(true);
  await post(manager, s.id).expect(200);
  expect(await quantityOf(t, eggs.id)).toBe(10);
});
