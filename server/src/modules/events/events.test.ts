import { EVENT_NAMES } from '../../core/events';
import { loadOpenApi } from '../../ops/docs';
import { useTestApp } from '../../test/app';
import {
  createCategory,
  createProduct,
  createSupplier,
  memberOf,
  storeWithMember,
  type StoreMember,
} from '../../test/factories';
import { postCount, postSale } from '../../test/requests';

const t = useTestApp();

interface StoreEvent {
  id: string;
  type: string;
  payload: Record<string, unknown>;
}

/** The whole feed, a few events per page, and the cursor it ends at. */
async function readFeed(s: StoreMember, from?: string, query = '') {
  const events: StoreEvent[] = [];
  let cursor = from;
  for (;;) {
    const res = await t.api
      .get(`${s.url}/events?limit=3${cursor ? `&cursor=${cursor}` : ''}${query}`)
      .set(s.auth)
      .expect(200);
    events.push(...res.body.data);
    cursor = res.body.pagination.nextCursor ?? undefined;
    if (!res.body.pagination.hasNext) return { events, cursor };
  }
}

test('the event map and the contract name the same events, each with a schema', () => {
  const spec = loadOpenApi() as {
    components: {
      schemas: Record<string, { enum?: string[]; discriminator?: { mapping: object } }>;
    };
  };
  expect([...spec.components.schemas.EventType!.enum!].sort()).toEqual([...EVENT_NAMES].sort());
  expect(Object.keys(spec.components.schemas.StoreEvent!.discriminator!.mapping).sort()).toEqual(
    [...EVENT_NAMES].sort(),
  );
});

test('when every kind of change is made, then the feed announces each, in commit order, with payloads the contract describes', async () => {
  const s = await storeWithMember(t, 'admin');
  const category = await createCategory(s, { name: 'Dairy' });
  await t.api
    .patch(`${s.url}/categories/${category.id}`)
    .set(s.auth)
    .send({ description: 'Cold' })
    .expect(200);
  const supplier = await createSupplier(s, { name: 'Farm Co' });
  await t.api
    .patch(`${s.url}/suppliers/${supplier.id}`)
    .set(s.auth)
    .send({ phone: '555-0100' })
    .expect(200);
  const milk = await createProduct(s, { name: 'Milk', price: 1.5, initialQuantity: 5 });
  await t.api
    .patch(`${s.url}/products/${milk.id}`)
    .set(s.auth)
    .send({ reorderPoint: 3 })
    .expect(200);
  const sale = (await postSale(s, { items: [{ productId: milk.id, quantity: 2 }] }).expect(201))
    .body.data;
  // Refused for want of stock: rolled back, so never announced.
  await postSale(s, { items: [{ productId: milk.id, quantity: 9 }] }).expect(409);
  await t.api
    .post(`${s.url}/sales/${sale.id}/refunds`)
    .set(s.auth)
    .send({ lines: [{ saleLineId: sale.items[0].id, quantity: 1 }], reason: 'Leaking carton' })
    .expect(201);
  const mistake = (await postSale(s, { items: [{ productId: milk.id, quantity: 1 }] }).expect(201))
    .body.data;
  await t.api
    .post(`${s.url}/sales/${mistake.id}/void`)
    .set(s.auth)
    .send({ reason: 'Scanned twice' })
    .expect(200);
  const spare = await createProduct(s, { name: 'Spare', price: 1, initialQuantity: 0 });
  await t.api.delete(`${s.url}/products/${spare.id}`).set(s.auth).expect(204);
  await t.api.delete(`${s.url}/suppliers/${supplier.id}`).set(s.auth).expect(204);
  await t.api.delete(`${s.url}/categories/${category.id}`).set(s.auth).expect(204);

  const { events, cursor } = await readFeed(s);
  expect(events.map((e) => e.type)).toEqual([
    'category.created',
    'category.updated',
    'supplier.created',
    'supplier.updated',
    'inventory.stock_updated',
    'product.created',
    'product.updated',
    'inventory.stock_updated',
    'alert.low_stock',
    'sale.recorded',
    'inventory.stock_updated',
    'sale.refunded',
    'inventory.stock_updated',
    'alert.low_stock',
    'sale.recorded',
    'inventory.stock_updated',
    'sale.voided',
    'product.created',
    'product.deleted',
    'supplier.deleted',
    'category.deleted',
  ]);
  // Purchasing's events (orders, invoices, shopping lists), transfers' (both stores' feeds,
  // transfers.test.ts), the alerts' and a job's outcome (alerts/job-outcomes.test.ts) are read
  // from the feed and checked against the contract in those modules' own tests.
  const elsewhere = new Set([
    'transfer.updated',
    'purchase_order.updated',
    'invoice.updated',
    'shopping_list.updated',
    'alert.opened',
    'alert.resolved',
    'job.finished',
  ]);
  expect(new Set(events.map((e) => e.type))).toEqual(
    new Set(EVENT_NAMES.filter((n) => !elsewhere.has(n))),
  );
  const ids = events.map((e) => Number(e.id));
  expect(ids).toEqual([...ids].sort((a, b) => a - b));
  expect(events.find((e) => e.type === 'alert.low_stock')!.payload).toEqual({
    productId: milk.id,
    quantity: 3,
    reorderPoint: 3,
  });

  // At the end the cursor stays: polling it returns nothing, then only what happened since.
  const idle = await t.api.get(`${s.url}/events?cursor=${cursor}`).set(s.auth).expect(200);
  expect(idle.body.data).toEqual([]);
  expect(idle.body.pagination).toEqual({ limit: 50, hasNext: false, nextCursor: cursor });
  await postCount(s, milk.id, { countedQuantity: 10 }).expect(201);
  const since = await readFeed(s, cursor);
  expect(since.events.map((e) => e.type)).toEqual(['inventory.stock_updated']);
  expect(since.events[0]!.payload).toEqual(
    expect.objectContaining({ productId: milk.id, delta: 6, reason: 'count', quantity: 10 }),
  );

  const sales = await readFeed(s, undefined, '&type=sale.recorded');
  // Numbered in order; the refused sale took no number.
  expect(sales.events.map((e) => e.payload)).toEqual([
    { saleId: sale.id, number: 1, total: 3, itemCount: 2 },
    { saleId: mistake.id, number: 2, total: 1.5, itemCount: 1 },
  ]);
  const undone = await readFeed(s, undefined, '&type=sale.voided');
  expect(undone.events.map((e) => e.payload)).toEqual([
    { saleId: mistake.id, number: 2, total: 1.5, reason: 'Scanned twice' },
  ]);
  const refunded = await readFeed(s, undefined, '&type=sale.refunded');
  expect(refunded.events.map((e) => e.payload)).toEqual([
    { saleId: sale.id, refundId: expect.any(String), total: 1.5, itemCount: 1, restocked: true },
  ]);
});

test("the feed is the store's own: another store's events never show, any member reads it, outsiders get 403", async () => {
  const a = await storeWithMember(t, 'admin');
  const b = await storeWithMember(t, 'admin');
  await createProduct(a, { name: 'Only in A', price: 1, initialQuantity: 0 });
  expect((await readFeed(b)).events).toEqual([]);
  const viewer = await memberOf(t, a.storeId, 'viewer');
  const seen = await t.api.get(`${a.url}/events`).set(viewer.auth).expect(200);
  expect(seen.body.data.map((e: StoreEvent) => e.type)).toEqual(['product.created']);
  await t.api.get(`${a.url}/events`).set(b.auth).expect(403);
  const bad = await t.api.get(`${a.url}/events?type=product.exploded`).set(a.auth).expect(400);
  expect(bad.body.error.details[0].field).toBe('type');
  await t.api.get(`${a.url}/events?cursor=not-a-cursor`).set(a.auth).expect(400);
});
