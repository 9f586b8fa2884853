import { purgeIdempotencyKeys } from '../../http/idempotency';
import { useTestApp } from '../../test/app';
import { createProduct, memberOf, quantityOf, storeWithMember } from '../../test/factories';
import { postAdjustment, postCount } from '../../test/requests';

const t = useTestApp();

/** The ledger invariant: quantity equals the sum of movements, and no movement left it negative. */
async function expectLedgerConsistent(storeId: string) {
  const { rows } = await t.db.pool.query(
    `SELECT p.id, p.quantity, coalesce(sum(m.delta), 0)::int AS ledger, coalesce(min(m.quantity_after), 0) AS lowest
     FROM products p LEFT JOIN stock_movements m ON m.product_id = p.id WHERE p.store_id = $1 GROUP BY p.id`,
    [storeId],
  );
  for (const r of rows) {
    expect(r.quantity).toBe(r.ledger);
    expect(r.lowest).toBeGreaterThanOrEqual(0);
  }
}

test('when stock is adjusted up and down with reasons, then quantity and movements follow', async () => {
  const s = await storeWithMember(t, 'employee');
  const p = await createProduct(s, { initialQuantity: 10, reorderPoint: 4 });
  const up = await postAdjustment(s, p.id, {
    delta: 5,
    reason: 'return',
    note: 'Returned unopened',
  }).expect(201);
  expect(up.body.data.movement).toEqual(
    expect.objectContaining({
      delta: 5,
      reason: 'return',
      quantityAfter: 15,
      note: 'Returned unopened',
      userId: s.user.id,
    }),
  );
  expect(up.body.data.product.quantity).toBe(15);
  const down = await postAdjustment(s, p.id, { delta: -12, reason: 'damaged' }).expect(201);
  expect(down.body.data.product).toEqual(expect.objectContaining({ quantity: 3, lowStock: true }));
  const events = await t.db.pool.query(
    "SELECT type, payload FROM outbox_events WHERE store_id = $1 AND type = 'alert.low_stock'",
    [s.storeId],
  );
  expect(events.rows).toEqual([
    { type: 'alert.low_stock', payload: { productId: p.id, quantity: 3, reorderPoint: 4 } },
  ]);
  const mv = await t.api
    .get(`${s.url}/products/${p.id}/movements?reason=damaged`)
    .set(s.auth)
    .expect(200);
  expect(mv.body.data.map((m: { delta: number }) => m.delta)).toEqual([-12]);
  await expectLedgerConsistent(s.storeId);
});

test('when an adjustment would go below zero, then 409 INSUFFICIENT_STOCK with details and nothing changes', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 2 });
  const res = await postAdjustment(s, p.id, { delta: -3, reason: 'lost' }).expect(409);
  expect(res.body.error).toEqual(
    expect.objectContaining({
      code: 'INSUFFICIENT_STOCK',
      details: [{ productId: p.id, requested: 3, available: 2 }],
    }),
  );
  expect(await quantityOf(t, p.id)).toBe(2);
  await expectLedgerConsistent(s.storeId);
});

test.each([
  [{ delta: 0, reason: 'adjustment' }, 'delta'],
  [{ delta: 1.5, reason: 'adjustment' }, 'delta'],
  [{ delta: '5', reason: 'adjustment' }, 'delta'],
  [{ delta: 5, reason: 'sale' }, 'reason'],
  [{ delta: 5, reason: 'gift' }, 'reason'],
  [{ delta: 5, reason: 'adjustment', note: 'x'.repeat(501) }, 'note'],
])('when an adjustment is %j, then 400 on %s and the stock is untouched', async (body, field) => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 4 });
  const res = await postAdjustment(s, p.id, body).expect(400);
  expect(res.body.error.details[0].field).toBe(field);
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM stock_movements WHERE product_id = $1',
    [p.id],
  );
  expect(rows[0].n).toBe(1);
});

test('when a shelf is counted, then the difference is one count movement; a matching count changes nothing', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 10 });
  const res = await postCount(s, p.id, { countedQuantity: 7, note: 'Friday count' }).expect(201);
  expect(res.body.data.movement).toEqual(
    expect.objectContaining({ delta: -3, reason: 'count', quantityAfter: 7 }),
  );
  const same = await postCount(s, p.id, { countedQuantity: 7 }).expect(201);
  expect(same.body.data.movement).toBeNull();
  await postCount(s, p.id, { countedQuantity: -1 }).expect(400);
  await expectLedgerConsistent(s.storeId);
});

test('viewers cannot change stock; other stores get 404 and change nothing', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 5 });
  const viewer = await memberOf(t, s.storeId, 'viewer');
  await postAdjustment(viewer, p.id, { delta: -1, reason: 'lost' }).expect(403);
  await postCount(viewer, p.id, { countedQuantity: 0 }).expect(403);
  const other = await storeWithMember(t);
  await postAdjustment(other, p.id, { delta: -1, reason: 'lost' }).expect(404);
  await postCount(other, p.id, { countedQuantity: 0 }).expect(404);
  expect(await quantityOf(t, p.id)).toBe(5);
});

describe('Idempotency-Key', () => {
  test('when an adjustment is retried with the same key and body, then the first response comes back and stock moves once', async () => {
    const s = await storeWithMember(t);
    const p = await createProduct(s, { initialQuantity: 10 });
    const send = () => postAdjustment(s, p.id, { delta: -4, reason: 'theft' }, 'adj-1');
    const first = await send().expect(201);
    const again = await send().expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await quantityOf(t, p.id)).toBe(6);
  });

  test('when the same key comes with another body, then 422 IDEMPOTENCY_KEY_REUSED and nothing happens', async () => {
    const s = await storeWithMember(t);
    const p = await createProduct(s, { initialQuantity: 10 });
    await postAdjustment(s, p.id, { delta: -1, reason: 'lost' }, 'k2').expect(201);
    const res = await postAdjustment(s, p.id, { delta: -2, reason: 'lost' }, 'k2').expect(422);
    expect(res.body.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await quantityOf(t, p.id)).toBe(9);
  });

  test('when replays race the first request, then exactly one change is made and the others replay or get 409', async () => {
    const s = await storeWithMember(t);
    const p = await createProduct(s, { initialQuantity: 100 });
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        postAdjustment(s, p.id, { delta: -1, reason: 'adjustment' }, 'race'),
      ),
    );
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(results.some((r) => r.status === 201)).toBe(true);
    expect(await quantityOf(t, p.id)).toBe(99);
  });

  test('keys are per caller: another user with the same key makes their own change', async () => {
    const s = await storeWithMember(t);
    const p = await createProduct(s, { initialQuantity: 10 });
    const colleague = await memberOf(t, s.storeId, 'employee');
    await postAdjustment(s, p.id, { delta: -1, reason: 'lost' }, 'same').expect(201);
    const theirs = await postAdjustment(
      colleague,
      p.id,
      { delta: -1, reason: 'lost' },
      'same',
    ).expect(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(await quantityOf(t, p.id)).toBe(8);
  });

  test('a refusal is replayed as well, and a malformed key is 400', async () => {
    const s = await storeWithMember(t);
    const p = await createProduct(s, { initialQuantity: 1 });
    const first = await postAdjustment(s, p.id, { delta: -5, reason: 'lost' }, 'short').expect(409);
    await postAdjustment(s, p.id, { delta: 10, reason: 'return' }).expect(201);
    const replay = await postAdjustment(s, p.id, { delta: -5, reason: 'lost' }, 'short').expect(
      409,
    );
    expect(replay.body).toEqual(first.body);
    await postAdjustment(s, p.id, { delta: 1, reason: 'lost' }, 'x'.repeat(300)).expect(400);
  });
});

test('movements page by keyset cursor, newest first, with nothing skipped or repeated', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 100 });
  for (let i = 1; i <= 6; i++) {
    await postAdjustment(s, p.id, { delta: -i, reason: 'adjustment' }).expect(201);
  }
  const seen: number[] = [];
  let cursor: string | null = null;
  do {
    const res: {
      body: { data: Array<{ delta: number }>; pagination: { nextCursor: string | null } };
    } = await t.api
      .get(`${s.url}/products/${p.id}/movements?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
      .set(s.auth)
      .expect(200);
    seen.push(...res.body.data.map((m) => m.delta));
    cursor = res.body.pagination.nextCursor;
  } while (cursor);
  expect(seen).toEqual([-6, -5, -4, -3, -2, -1, 100]);
});

test('idempotency keys are forgotten after 24 hours, and not before', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 10 });
  await postAdjustment(s, p.id, { delta: -1, reason: 'lost' }, 'old').expect(201);
  await postAdjustment(s, p.id, { delta: -1, reason: 'lost' }, 'fresh').expect(201);
  await t.db.pool.query(
    "UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = 'old'",
  );
  expect(await purgeIdempotencyKeys(t.db.pool)).toBeGreaterThanOrEqual(1);
  const { rows } = await t.db.pool.query(
    "SELECT key FROM idempotency_keys WHERE key IN ('old', 'fresh')",
  );
  expect(rows.map((r) => r.key)).toEqual(['fresh']);
});

test('a request refused as invalid (400) does not use up its Idempotency-Key', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 10 });
  await postAdjustment(s, p.id, { delta: -1, reason: 'oops' }, 'typo').expect(400);
  const fixed = await postAdjustment(s, p.id, { delta: -1, reason: 'lost' }, 'typo').expect(201);
  expect(fixed.headers['idempotent-replayed']).toBeUndefined();
  expect(await quantityOf(t, p.id)).toBe(9);
});

test('an adjustment whose sign contradicts its reason is a 400 and changes nothing', async () => {
  const s = await storeWithMember(t);
  const p = await createProduct(s, { initialQuantity: 10 });
  for (const [delta, reason, message] of [
    [5, 'damaged', /negative for damaged/],
    [1, 'theft', /negative for theft/],
    [-1, 'return', /positive for return/],
  ] as const) {
    const res = await postAdjustment(s, p.id, { delta, reason }).expect(400);
    expect(res.body.error.details).toEqual([
      expect.objectContaining({ field: 'delta', message: expect.stringMatching(message) }),
    ]);
  }
  const after = await t.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
  expect(after.body.data.quantity).toBe(10);
  // The right ways round, and a correction either way, are accepted.
  for (const [delta, reason] of [
    [-2, 'damaged'],
    [4, 'return'],
    [-1, 'adjustment'],
    [1, 'adjustment'],
  ] as const) {
    await postAdjustment(s, p.id, { delta, reason }).expect(201);
  }
  const final = await t.api.get(`${s.url}/products/${p.id}`).set(s.auth).expect(200);
  expect(final.body.data.quantity).toBe(12);
  await expectLedgerConsistent(s.storeId);
});
