import { useTestApp } from '../../test/app';
import { withApiKey } from '../../test/api-keys';
import {
  countRows,
  createProduct,
  ledgerOf,
  outboxTypes,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { postSale } from '../../test/requests';

/*
 * A till posting its sales with its own ids, under an API key: the store's sale with the
 * reference answers a retry (200, no second sale, stock moved once), other lines under a used
 * reference are 409, and the Idempotency-Key keeps working beside it.
 */
const t = useTestApp();

async function till(stock = 10) {
  const admin = await storeWithMember(t, 'admin');
  const pos = await withApiKey(admin, 'employee');
  const milk = await createProduct(admin, { name: 'Milk', price: 1.5, initialQuantity: stock });
  return { admin, pos, milk };
}

const saleMovements = async (s: StoreMember) =>
  (
    await t.db.pool.query(
      "SELECT count(*)::int AS n FROM stock_movements WHERE store_id = $1 AND reason = 'sale'",
      [s.storeId],
    )
  ).rows[0].n as number;

test('when a till posts the same reference twice, then the second answers the first sale with 200 and nothing is sold again', async () => {
  const { pos, milk } = await till();
  const body = { items: [{ productId: milk.id, quantity: 2 }], externalReference: '  POS-1/0001 ' };
  const first = await postSale(pos, body).expect(201);
  expect(first.body.data).toEqual(
    expect.objectContaining({ externalReference: 'POS-1/0001', total: 3, itemCount: 2 }),
  );
  // A retry, later, with another note and time: the sale is the reference's.
  const again = await postSale(pos, {
    ...body,
    items: [{ productId: milk.id, quantity: 2, unitPrice: 1.5 }],
    note: 'retried',
    soldAt: new Date().toISOString(),
  }).expect(200);
  expect(again.body.data).toEqual(first.body.data);
  expect(await quantityOf(t, milk.id)).toBe(8);
  expect(await countRows(t, 'sales', pos.storeId)).toBe(1);
  expect(await saleMovements(pos)).toBe(1);
  expect((await outboxTypes(t, pos.storeId)).filter((x) => x === 'sale.recorded')).toHaveLength(1);

  const found = await pos.api
    .get(`${pos.url}/sales?externalReference=POS-1/0001`)
    .set(pos.auth)
    .expect(200);
  expect(found.body.data.map((s: { id: string }) => s.id)).toEqual([first.body.data.id]);
  const none = await pos.api.get(`${pos.url}/sales?externalReference=POS-1`).set(pos.auth);
  expect(none.body.data).toEqual([]);
});

test('when a used reference comes with other lines, then it is 409 naming the sale and the line, and nothing changes', async () => {
  const { admin, pos, milk } = await till();
  const bread = await createProduct(admin, { name: 'Bread', price: 2, initialQuantity: 5 });
  const sale = (
    await postSale(pos, {
      items: [{ productId: milk.id, quantity: 2 }],
      externalReference: 'R-9',
    }).expect(201)
  ).body.data;
  const variants = [
    [[{ productId: milk.id, quantity: 3 }], 'line 1 sold 2 there, 3 here'],
    [
      [{ productId: milk.id, quantity: 2, unitPrice: 1 }],
      'line 1 was priced 1.50 there, 1.00 here',
    ],
    [[{ productId: bread.id, quantity: 2 }], `line 1 is product ${milk.id}`],
    [
      [
        { productId: milk.id, quantity: 2 },
        { productId: bread.id, quantity: 1 },
      ],
      'it has 1 line(s), this post 2',
    ],
  ] as const;
  for (const [items, why] of variants) {
    const res = await postSale(pos, { items, externalReference: 'R-9' }).expect(409);
    expect(res.body.error.code).toBe('CONFLICT');
    expect(res.body.error.message).toContain(`already names sale S-000001 (${sale.id})`);
    expect(res.body.error.message).toContain(why);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ field: 'externalReference', code: 'reference_taken' }),
    ]);
  }
  expect([await quantityOf(t, milk.id), await quantityOf(t, bread.id)]).toEqual([8, 5]);
  expect(await countRows(t, 'sales', pos.storeId)).toBe(1);
});

test('when two identical posts of one reference race, then one sale is made and one movement: one answer is 201, the other 200 with the same sale', async () => {
  const { pos, milk } = await till(5);
  for (let round = 0; round < 4; round++) {
    const body = {
      items: [{ productId: milk.id, quantity: 1 }],
      externalReference: `RACE-${round}`,
    };
    // Different Idempotency-Keys (or none): only the reference makes them one.
    const answers = await Promise.all([
      postSale(pos, body, `race-${round}-a`),
      postSale(pos, body, `race-${round}-b`),
      postSale(pos, body),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((r) => r.body.data.id)).size).toBe(1);
  }
  expect(await countRows(t, 'sales', pos.storeId)).toBe(4);
  expect(await saleMovements(pos)).toBe(4);
  expect(await quantityOf(t, milk.id)).toBe(1);
  expect(await ledgerOf(t, pos.storeId)).toEqual([
    expect.objectContaining({ id: milk.id, quantity: 1, ledger: 1 }),
  ]);
});

test('when the reference and an Idempotency-Key meet, then the key replays its own answer, another key finds the sale, and the key with another body is 422', async () => {
  const { pos, milk } = await till();
  const body = { items: [{ productId: milk.id, quantity: 1 }], externalReference: 'K-1' };
  const first = await postSale(pos, body, 'key-1').expect(201);
  const replay = await postSale(pos, body, 'key-1').expect(201);
  expect(replay.headers['idempotent-replayed']).toBe('true');
  const other = await postSale(pos, body, 'key-2').expect(200);
  expect(other.body.data.id).toBe(first.body.data.id);
  // The 200 is stored for its key like any answer.
  const otherAgain = await postSale(pos, body, 'key-2').expect(200);
  expect(otherAgain.headers['idempotent-replayed']).toBe('true');
  const reused = await postSale(pos, { ...body, externalReference: 'K-2' }, 'key-1').expect(422);
  expect(reused.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect(await quantityOf(t, milk.id)).toBe(9);
  expect(await countRows(t, 'sales', pos.storeId)).toBe(1);
});

test('when another store has the same reference, then each store has its own sale and neither sees the other', async () => {
  const a = await till();
  const b = await till();
  const body = (p: { id: string }) => ({
    items: [{ productId: p.id, quantity: 1 }],
    externalReference: 'SHARED-1',
  });
  const saleA = (await postSale(a.pos, body(a.milk)).expect(201)).body.data;
  // B's product under A's reference in B: a sale of B's, not a conflict with A's.
  const saleB = (await postSale(b.pos, body(b.milk)).expect(201)).body.data;
  expect(saleB.id).not.toBe(saleA.id);
  const listB = await b.pos.api
    .get(`${b.pos.url}/sales?externalReference=SHARED-1`)
    .set(b.pos.auth)
    .expect(200);
  expect(listB.body.data.map((s: { id: string }) => s.id)).toEqual([saleB.id]);
  await b.pos.api.get(`${b.pos.url}/sales/${saleA.id}`).set(b.pos.auth).expect(404);
  // A's key in B's store, and A's product in a sale of B's, are refused.
  await a.pos.api.get(`${b.pos.url}/sales/${saleB.id}`).set(a.pos.auth).expect(403);
  const foreign = await postSale(b.pos, { ...body(a.milk), externalReference: 'X-2' }).expect(400);
  expect(foreign.body.error.details[0].field).toBe('items.0.productId');
});

test('when the reference is bad or the key may not sell, then it is a 4xx and nothing is sold', async () => {
  const { admin, pos, milk } = await till();
  const items = [{ productId: milk.id, quantity: 1 }];
  for (const externalReference of ['   ', 'x'.repeat(101), 'A\nB', 42, null]) {
    const res = await postSale(pos, { items, externalReference }).expect(400);
    expect(res.body.error.details[0].field).toBe('externalReference');
  }
  const long = await pos.api
    .get(`${pos.url}/sales?externalReference=${'y'.repeat(101)}`)
    .set(pos.auth)
    .expect(400);
  expect(long.body.error.details[0].field).toBe('externalReference');
  const viewer = await withApiKey(admin, 'viewer');
  await postSale(viewer, { items, externalReference: 'V-1' }).expect(403);
  expect(await countRows(t, 'sales', admin.storeId)).toBe(0);
  expect(await quantityOf(t, milk.id)).toBe(10);
});
