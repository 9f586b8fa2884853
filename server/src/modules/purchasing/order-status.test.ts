import { useTestApp } from '../../test/app';
import { memberOf, storeWithMember, type StoreMember } from '../../test/factories';
import {
  expectLedgerBalanced,
  feedOf,
  getOrder,
  orderingStore,
  patchStatus,
  placeOrder,
  postReceipt,
} from '../../test/purchasing';
import { NEXT } from './order-status';
import { ORDER_STATUSES, type OrderStatus } from './purchasing.schemas';

/** Every status change of a purchase order, allowed and refused. */
const t = useTestApp();

/** The way to reach each status from pending (completed: by receiving everything). */
const PATH: Record<OrderStatus, OrderStatus[]> = {
  pending: [],
  processing: ['processing'],
  shipped: ['processing', 'shipped'],
  completed: ['processing', 'completed'],
  cancelled: ['cancelled'],
};

let s: StoreMember;
let o: Awaited<ReturnType<typeof orderingStore>>;
beforeAll(async () => {
  s = await storeWithMember(t, 'manager');
  o = await orderingStore(s);
});

async function orderIn(status: OrderStatus) {
  const order = await placeOrder(s, o);
  for (const step of PATH[status]) {
    if (step === 'completed') {
      await postReceipt(s, order.id, {
        lines: order.lines.map((l: { productId: string; quantity: number }) => ({
          productId: l.productId,
          quantity: l.quantity,
        })),
      }).expect(201);
    } else {
      await patchStatus(s, order.id, { status: step }).expect(200);
    }
  }
  expect((await getOrder(s, order.id)).status).toBe(status);
  return order;
}

const STAMPS: Partial<Record<OrderStatus, string>> = {
  processing: 'processingAt',
  shipped: 'shippedAt',
  completed: 'completedAt',
  cancelled: 'cancelledAt',
};

const pairs = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const));
const allowed = pairs.filter(([from, to]) => NEXT[from].includes(to) && to !== 'completed');
const refused = pairs.filter(([from, to]) => !NEXT[from].includes(to));

test('the machine is the one the product brief describes', () => {
  expect(allowed.map(([a, b]) => `${a}→${b}`).sort()).toEqual(
    [
      'pending→processing',
      'pending→cancelled',
      'processing→shipped',
      'processing→cancelled',
      'shipped→cancelled',
    ].sort(),
  );
  expect(refused).toHaveLength(25 - allowed.length - 2);
});

test.each(allowed)(
  'when a %s order is moved to %s, then it is, with its time stamped',
  async (from, to) => {
    const order = await orderIn(from);
    const res = await patchStatus(s, order.id, {
      status: to,
      reason: 'Supplier out of stock',
    }).expect(200);
    expect(res.body.data.status).toBe(to);
    expect(res.body.data[STAMPS[to]!]).toEqual(expect.any(String));
    expect(res.body.data.cancelReason).toBe(to === 'cancelled' ? 'Supplier out of stock' : null);
    const { rows } = await t.db.pool.query('SELECT status FROM purchase_orders WHERE id = $1', [
      order.id,
    ]);
    expect(rows[0].status).toBe(to);
    const events = (await feedOf(s, 'purchase_order.updated')).filter(
      (e: { purchaseOrderId: string }) => e.purchaseOrderId === order.id,
    );
    expect(events.at(-1)).toEqual({
      purchaseOrderId: order.id,
      orderNumber: order.orderNumber,
      status: to,
      change: 'status',
    });
  },
);

test.each(refused)(
  'when a %s order is asked to become %s, then 409 INVALID_STATE names both and nothing changes',
  async (from, to) => {
    const order = await orderIn(from);
    const before = await getOrder(s, order.id);
    const res = await patchStatus(s, order.id, { status: to }).expect(409);
    expect(res.body.error.code).toBe('INVALID_STATE');
    expect(res.body.error.message).toContain(order.orderNumber);
    expect(res.body.error.message).toContain(from);
    expect(res.body.error.message).toContain(to);
    expect(await getOrder(s, order.id)).toEqual(before);
  },
);

test.each(['processing', 'shipped'] as const)(
  'when a %s order with open units is asked to complete, then 409 says how many are open and what to do',
  async (from) => {
    const order = await orderIn(from);
    await postReceipt(s, order.id, {
      lines: [
        { productId: o.tea.id, quantity: 10 },
        { productId: o.cups.id, quantity: 37 },
      ],
    }).expect(201);
    const res = await patchStatus(s, order.id, { status: 'completed' }).expect(409);
    expect(res.body.error).toEqual(
      expect.objectContaining({
        code: 'INVALID_STATE',
        message: `${order.orderNumber} has 3 units still open: receive them or cancel the rest`,
      }),
    );
    expect((await getOrder(s, order.id)).status).toBe(from);
  },
);

test('when a partly received order is cancelled, then it closes and the received units stay in stock', async () => {
  const order = await orderIn('shipped');
  await postReceipt(s, order.id, { lines: [{ productId: o.cups.id, quantity: 15 }] }).expect(201);
  const before = (await t.db.pool.query('SELECT quantity FROM products WHERE id = $1', [o.cups.id]))
    .rows[0].quantity;
  const res = await patchStatus(s, order.id, {
    status: 'cancelled',
    reason: 'Rest discontinued',
  }).expect(200);
  expect(res.body.data).toEqual(
    expect.objectContaining({
      status: 'cancelled',
      cancelReason: 'Rest discontinued',
      receivedValue: 3.75,
    }),
  );
  expect(res.body.data.lines.find((l: { productId: string }) => l.productId === o.cups.id)).toEqual(
    expect.objectContaining({ receivedQuantity: 15, openQuantity: 25 }),
  );
  const after = (await t.db.pool.query('SELECT quantity FROM products WHERE id = $1', [o.cups.id]))
    .rows[0].quantity;
  expect(after).toBe(before);
  await expectLedgerBalanced(t, s.storeId);
});

test('bad status bodies are 400 and an order of another store is 404; employees cannot change status', async () => {
  const order = await orderIn('pending');
  for (const body of [
    {},
    { status: 'sent' },
    { status: 'cancelled', reason: '' },
    { status: 'processing', extra: 1 },
  ]) {
    await patchStatus(s, order.id, body).expect(400);
  }
  const other = await storeWithMember(t, 'admin');
  await patchStatus(other, order.id, { status: 'processing' }).expect(404);
  const employee = await memberOf(t, s.storeId, 'employee');
  await patchStatus(employee, order.id, { status: 'processing' }).expect(403);
  expect((await getOrder(s, order.id)).status).toBe('pending');
});

test('after every transition above, each product’s stock still equals the sum of its movements', async () => {
  await expectLedgerBalanced(t, s.storeId);
});
