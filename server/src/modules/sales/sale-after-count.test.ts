import { useTestApp } from '../../test/app';
import {
  backdateProduct,
  createProduct,
  quantityOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { expectLedgerBalanced } from '../../test/purchasing';
import { postCount, postRefund, postSale, postVoid } from '../../test/requests';

/**
 * Review of issue 16, finding 1: a count captures the shelf at its moment, so a sale dated
 * before a later count of its product (a till that kept it offline and sent it after the
 * count) was already reflected by that count. The sale is recorded as usual and a `count`
 * correction referring to it puts its units back, so the stock stays as counted; a void of
 * such a sale puts nothing back twice.
 */
const t = useTestApp({ SALE_BACKDATE_DAYS: '7' });

const HOUR = 3_600_000;
/** A moment earlier today (UTC, the store's zone), so the sale can still be voided today. */
const earlierToday = () => new Date(Date.now() - Math.min(HOUR, (Date.now() % (24 * HOUR)) / 2));

interface Row {
  reason: string;
  delta: number;
  reference_type: string | null;
  reference_id: string | null;
  note: string | null;
  created_at: Date;
  recorded_at: Date | null;
}

/** The product's movements in the order they are dated (then written). */
const ledger = async (productId: string) =>
  (
    await t.db.pool.query<Row>(
      `SELECT reason, delta, reference_type, reference_id, note, created_at, recorded_at
       FROM stock_movements WHERE product_id = $1 ORDER BY created_at, coalesce(recorded_at, created_at), delta DESC`,
      [productId],
    )
  ).rows;

/** A product with `stock` on hand that was in the catalogue an hour before `soldAt`. */
async function shelf(s: StoreMember, soldAt: Date, stock: number, extra: object = {}) {
  const p = await createProduct(s, {
    name: 'Oat milk',
    price: 3,
    initialQuantity: stock,
    ...extra,
  });
  await backdateProduct(t, p.id, new Date(soldAt.getTime() - HOUR));
  return p as { id: string; name: string };
}

const countedAt = async (productId: string) =>
  (
    await t.db.pool.query<{ created_at: Date }>(
      `SELECT created_at FROM stock_movements WHERE product_id = $1 AND reason = 'count' AND reference_type IS NULL`,
      [productId],
    )
  ).rows[0]!.created_at;

test('when a sale rung up before a stock count is sent after it, then the stock stays as counted, the ledger shows the sale and a count correction, and a void the same day puts nothing back twice', async () => {
  const s = await storeWithMember(t, 'manager');
  const soldAt = earlierToday();
  const p = await shelf(s, soldAt, 20, { cost: 2 });
  // One unit left with the offline sale: the shelf holds 19.
  await postCount(s, p.id, { countedQuantity: 19, note: 'shelf count' }).expect(201);
  const count = await countedAt(p.id);

  const res = await postSale(
    s,
    { items: [{ productId: p.id, quantity: 1 }], soldAt: soldAt.toISOString() },
    'till-kept-1',
  ).expect(201);
  const sale = res.body.data;
  expect(sale).toEqual(
    expect.objectContaining({ soldAt: soldAt.toISOString(), itemCount: 1, total: 3 }),
  );
  // Before the fix: 18, one unit deducted twice (by the count and by the sale).
  expect(await quantityOf(t, p.id)).toBe(19);
  expect(await ledger(p.id)).toEqual([
    expect.objectContaining({ reason: 'initial', delta: 20 }),
    expect.objectContaining({
      reason: 'sale',
      delta: -1,
      reference_id: sale.id,
      created_at: soldAt,
    }),
    expect.objectContaining({ reason: 'count', delta: -1, reference_type: null }),
    expect.objectContaining({
      reason: 'count',
      delta: 1,
      reference_type: 'sale',
      reference_id: sale.id,
      created_at: count,
      recorded_at: expect.any(Date),
      note: expect.stringMatching(/^The stock count of .+ already reflected this sale/),
    }),
  ]);
  await expectLedgerBalanced(t, s.storeId);

  // The movements as the API shows them: recordedAt says when the correction was written.
  const moves = (
    await s.api.get(`${s.url}/products/${p.id}/movements?reason=count`).set(s.auth).expect(200)
  ).body.data;
  const correction = moves.find((m: { referenceType: string }) => m.referenceType === 'sale');
  expect(correction).toEqual(
    expect.objectContaining({ createdAt: count.toISOString(), unitCost: 2, quantityAfter: 20 }),
  );
  expect(new Date(correction.recordedAt).getTime()).toBeGreaterThan(count.getTime());

  // The sale never happened after all: the count had found these units, so nothing comes back.
  const voided = await postVoid(s, sale.id, { reason: 'Scanned twice' }, 'void-1').expect(200);
  expect(voided.body.data.status).toBe('voided');
  expect(await quantityOf(t, p.id)).toBe(19);
  const after = await ledger(p.id);
  expect(after.slice(4)).toEqual([
    expect.objectContaining({
      reason: 'count',
      delta: -1,
      reference_id: sale.id,
      created_at: count,
      note: expect.stringMatching(/the stock count of .+ had already found these units/),
    }),
    expect.objectContaining({ reason: 'void', delta: 1, reference_id: sale.id }),
  ]);
  // The count's own day nets to what it really found: nothing missing once the sale is void.
  expect(after.filter((m) => m.reason === 'count').reduce((sum, m) => sum + m.delta, 0)).toBe(-1);
  await expectLedgerBalanced(t, s.storeId);
});

test('when the count matched the books, then it still reflected a sale dated before it', async () => {
  const s = await storeWithMember(t, 'employee');
  const soldAt = earlierToday();
  const p = await shelf(s, soldAt, 20);
  // An unrecorded unit and the offline sale cancel out: the shelf holds what the books say.
  const counted = await postCount(s, p.id, { countedQuantity: 20 }).expect(201);
  expect(counted.body.data.movement).toBeNull();

  await postSale(s, {
    items: [{ productId: p.id, quantity: 1 }],
    soldAt: soldAt.toISOString(),
  }).expect(201);
  expect(await quantityOf(t, p.id)).toBe(20);
  await expectLedgerBalanced(t, s.storeId);
});

test('when two lines of one product were sold before a count that found the shelf empty, then the sale needs no stock and the product stays at 0', async () => {
  const s = await storeWithMember(t, 'employee');
  const soldAt = earlierToday();
  const p = await shelf(s, soldAt, 3);
  await postCount(s, p.id, { countedQuantity: 0 }).expect(201);

  // Before the fix: 409 INSUFFICIENT_STOCK, the till's sale refused though it happened.
  const res = await postSale(s, {
    items: [
      { productId: p.id, quantity: 1 },
      { productId: p.id, quantity: 2 },
    ],
    soldAt: soldAt.toISOString(),
  }).expect(201);
  expect(res.body.data.itemCount).toBe(3);
  expect(await quantityOf(t, p.id)).toBe(0);
  const mine = (await ledger(p.id)).filter((m) => m.reference_id === res.body.data.id);
  expect(mine.map((m) => [m.reason, m.delta])).toEqual([
    ['sale', -3],
    ['count', 3],
  ]);
  await expectLedgerBalanced(t, s.storeId);
});

test('when a sale reflected by a count is refunded with restock, then the units come back once', async () => {
  const s = await storeWithMember(t, 'manager');
  const soldAt = earlierToday();
  const p = await shelf(s, soldAt, 10);
  await postCount(s, p.id, { countedQuantity: 8 }).expect(201);
  const sale = (
    await postSale(s, {
      items: [{ productId: p.id, quantity: 2 }],
      soldAt: soldAt.toISOString(),
    }).expect(201)
  ).body.data;
  expect(await quantityOf(t, p.id)).toBe(8);
  // The customer brings one back now, after the count: it goes back on the shelf.
  await postRefund(s, sale.id, {
    lines: [{ saleLineId: sale.items[0].id, quantity: 1 }],
    reason: 'Changed their mind',
  }).expect(201);
  expect(await quantityOf(t, p.id)).toBe(9);
  await expectLedgerBalanced(t, s.storeId);
});

test('when a sale recorded at once is voided after a count of its product, then the count had found the units and the void does not add them again', async () => {
  const s = await storeWithMember(t, 'manager');
  const p = await createProduct(s, { name: 'Rye', price: 4, initialQuantity: 20 });
  const sale = (await postSale(s, { items: [{ productId: p.id, quantity: 1 }] }).expect(201)).body
    .data;
  // A mis-scan: the loaf never left, so the count finds 20 against 19 on the books.
  await postCount(s, p.id, { countedQuantity: 20 }).expect(201);
  await postVoid(s, sale.id, { reason: 'Mis-scan' }).expect(200);
  // Before the fix: 21, the unit put back by the count and again by the void.
  expect(await quantityOf(t, p.id)).toBe(20);
  await expectLedgerBalanced(t, s.storeId);
});

test('when a sale is dated before one of its products existed, then 400 naming that line, and nothing is sold', async () => {
  const s = await storeWithMember(t, 'employee');
  const soldAt = new Date(Date.now() - 2 * HOUR);
  const old = await shelf(s, soldAt, 5);
  const added = await createProduct(s, { name: 'New line', price: 2, initialQuantity: 5 });
  const res = await postSale(s, {
    items: [
      { productId: old.id, quantity: 1 },
      { productId: added.id, quantity: 1 },
    ],
    soldAt: soldAt.toISOString(),
  }).expect(400);
  expect(res.body.error.details).toEqual([
    {
      field: 'items.1.productId',
      code: 'before_product_existed',
      message: expect.stringMatching(
        /^was added to the catalogue at .+, after this sale's soldAt .+: a sale cannot be dated before its product existed$/,
      ),
    },
  ]);
  expect([await quantityOf(t, old.id), await quantityOf(t, added.id)]).toEqual([5, 5]);
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM sales WHERE store_id = $1',
    [s.storeId],
  );
  expect(rows[0].n).toBe(0);
});

test('when a late sale and a count of its product arrive at once, then in either order the stock ends as counted and the ledger adds up', async () => {
  const s = await storeWithMember(t, 'employee');
  const soldAt = earlierToday();
  const products = await Promise.all([1, 2, 3].map(() => shelf(s, soldAt, 20)));
  await Promise.all(
    products.flatMap((p) => [
      postCount(s, p.id, { countedQuantity: 17 }).expect(201),
      postSale(s, {
        items: [{ productId: p.id, quantity: 3 }],
        soldAt: soldAt.toISOString(),
      }).expect(201),
    ]),
  );
  for (const p of products) expect(await quantityOf(t, p.id)).toBe(17);
  await expectLedgerBalanced(t, s.storeId);
});

test('when a till clock a few minutes slow dates a sale just before its product was added, then it is recorded when the product was added', async () => {
  const s = await storeWithMember(t, 'employee');
  const p = await createProduct(s, { name: 'Fresh in', price: 2, initialQuantity: 5 });
  const res = await postSale(s, {
    items: [{ productId: p.id, quantity: 1 }],
    soldAt: new Date(new Date(p.createdAt).getTime() - 2 * 60_000).toISOString(),
  }).expect(201);
  expect(new Date(res.body.data.soldAt).getTime()).toBe(new Date(p.createdAt).getTime());
  expect(await quantityOf(t, p.id)).toBe(4);
});
