import type { PoolClient } from 'pg';
import type { Emit } from '../../core/events';
import { withTransaction } from '../../db/pool';
import { useTestApp } from '../../test/app';
import { quantityOf, storeWithMember, type StoreMember } from '../../test/factories';
import {
  expectLedgerBalanced,
  feedOf,
  getOrder,
  orderingStore,
  patchStatus,
  placeOrder,
} from '../../test/purchasing';
import { insertEvents } from '../events/events.repo';

/** What the invoices and shopping-list modules call: orders and receipts inside their transactions. */
const t = useTestApp();

/** A transaction with an outbox emitter, as the store writer gives one. */
const inTx = <T>(s: StoreMember, fn: (tx: PoolClient, emit: Emit) => Promise<T>) =>
  withTransaction(t.db.pool, (tx) =>
    fn(tx, (type, payload) => insertEvents(tx, s.storeId, [{ type, payload }])),
  );

const ctxOf = (s: StoreMember) => ({ storeId: s.storeId, userId: s.user.id });

test('createOrdersInTx makes one numbered pending order per entry in the caller transaction, or none when one is bad', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const { rows: list } = await t.db.pool.query<{ id: string }>(
    "INSERT INTO shopping_lists (store_id, name) VALUES ($1, 'Weekly') RETURNING id",
    [s.storeId],
  );
  const created = await inTx(s, (tx, emit) =>
    t.services.purchasing.createOrdersInTx(tx, emit, ctxOf(s), [
      {
        supplierId: o.supplier.id,
        shoppingListId: list[0]!.id,
        lines: [{ productId: o.tea.id, quantity: 5, unitCost: 1.2 }],
      },
      {
        supplierId: o.supplier.id,
        expectedAt: '2027-02-01',
        lines: [{ productId: o.cups.id, quantity: 50, unitCost: 0.2 }],
      },
    ]),
  );
  expect(created).toEqual([
    {
      id: expect.any(String),
      orderNumber: expect.stringMatching(/-000001$/),
      supplierId: o.supplier.id,
    },
    {
      id: expect.any(String),
      orderNumber: expect.stringMatching(/-000002$/),
      supplierId: o.supplier.id,
    },
  ]);
  const first = await getOrder(s, created[0]!.id);
  expect(first).toEqual(
    expect.objectContaining({ status: 'pending', total: 6, shoppingListId: list[0]!.id }),
  );
  expect(
    (await feedOf(s, 'purchase_order.updated')).map((e: { change: string }) => e.change),
  ).toEqual(['created', 'created']);

  await expect(
    inTx(s, (tx, emit) =>
      t.services.purchasing.createOrdersInTx(tx, emit, ctxOf(s), [
        { supplierId: o.supplier.id, lines: [{ productId: o.tea.id, quantity: 1, unitCost: 1 }] },
        { supplierId: o.supplier.id, lines: [{ productId: s.storeId, quantity: 1, unitCost: 1 }] },
      ]),
    ),
  ).rejects.toMatchObject({
    code: 'VALIDATION_ERROR',
    details: [expect.objectContaining({ field: 'orders.1.lines.0.productId' })],
  });
  const { rows } = await t.db.pool.query(
    'SELECT count(*)::int AS n FROM purchase_orders WHERE store_id = $1',
    [s.storeId],
  );
  expect(rows[0].n).toBe(2);
});

test('a number taken beforehand with takeOrderNumber is the one the order gets', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const number = await t.services.purchasing.takeOrderNumber(s.storeId);
  const [created] = await inTx(s, (tx, emit) =>
    t.services.purchasing.createOrdersInTx(tx, emit, ctxOf(s), [
      {
        supplierId: o.supplier.id,
        orderNumber: number,
        lines: [{ productId: o.tea.id, quantity: 1, unitCost: 1 }],
      },
    ]),
  );
  expect(created!.orderNumber).toBe(number);
  expect((await getOrder(s, created!.id)).orderNumber).toMatch(/-000001$/);
});

test('openOrdersFor lists the receivable orders of a supplier with their open lines, and receiveInTx receives against one', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const pending = await placeOrder(s, o);
  const sent = await placeOrder(s, o);
  await patchStatus(s, sent.id, { status: 'processing' }).expect(200);
  await inTx(s, (tx, emit) =>
    t.services.purchasing.receiveInTx(tx, emit, ctxOf(s), {
      purchaseOrderId: sent.id,
      lines: [{ productId: o.tea.id, quantity: 10 }],
    }),
  );
  const open = await t.services.purchasing.openOrdersFor(t.db.pool, s.storeId, o.supplier.id);
  expect(open).toEqual([
    {
      id: sent.id,
      orderNumber: sent.orderNumber,
      status: 'processing',
      expectedAt: null,
      orderedAt: expect.any(String),
      lines: [
        {
          lineId: sent.lines[1].id,
          productId: o.cups.id,
          quantity: 40,
          receivedQuantity: 0,
          openQuantity: 40,
          unitCost: 0.25,
        },
      ],
    },
  ]);
  expect(open.map((x) => x.id)).not.toContain(pending.id);

  const result = await inTx(s, (tx, emit) =>
    t.services.purchasing.receiveInTx(tx, emit, ctxOf(s), {
      purchaseOrderId: sent.id,
      note: 'Invoice 77',
      lines: [{ productId: o.cups.id, quantity: 40, unitCost: 0.27 }],
    }),
  );
  // Its receipt line, at the invoice's cost (the order said 0.25), not yet invoiced by any invoice.
  expect(result).toEqual({
    receiptId: expect.any(String),
    completed: true,
    lines: [{ id: expect.any(String), productId: o.cups.id, quantity: 40, unitCost: 0.27 }],
  });
  expect((await getOrder(s, sent.id)).status).toBe('completed');
  const { rows } = await t.db.pool.query(
    'SELECT last_cost FROM supplier_items WHERE supplier_id = $1 AND product_id = $2',
    [o.supplier.id, o.cups.id],
  );
  expect(rows).toEqual([{ last_cost: '0.27' }]);
  expect(await t.services.purchasing.openOrdersFor(t.db.pool, s.storeId, o.supplier.id)).toEqual(
    [],
  );
  await expectLedgerBalanced(t, s.storeId);
});

test('receiveInTx without an order is a plain receipt of stock, remembering the supplier cost when it knows the supplier', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const result = await inTx(s, (tx, emit) =>
    t.services.purchasing.receiveInTx(tx, emit, ctxOf(s), {
      supplierId: o.supplier.id,
      lines: [
        { productId: o.cups.id, quantity: 12, unitCost: 0.3 },
        { productId: o.tea.id, quantity: 2 },
      ],
    }),
  );
  // A line without a cost comes in at the product's cost in force (tea: 1.50).
  expect(result).toEqual({
    receiptId: expect.any(String),
    completed: false,
    lines: expect.arrayContaining([
      { id: expect.any(String), productId: o.cups.id, quantity: 12, unitCost: 0.3 },
      { id: expect.any(String), productId: o.tea.id, quantity: 2, unitCost: 1.5 },
    ]),
  });
  expect([await quantityOf(t, o.tea.id), await quantityOf(t, o.cups.id)]).toEqual([12, 12]);
  const { rows } = await t.db.pool.query(
    `SELECT r.purchase_order_id, count(m.*)::int AS movements FROM purchase_receipts r
     JOIN stock_movements m ON m.reference_type = 'purchase_receipt' AND m.reference_id = r.id
     WHERE r.id = $1 GROUP BY r.id`,
    [result.receiptId],
  );
  expect(rows).toEqual([{ purchase_order_id: null, movements: 2 }]);
  const { rows: items } = await t.db.pool.query(
    'SELECT product_id, last_cost, last_ordered_at FROM supplier_items WHERE supplier_id = $1',
    [o.supplier.id],
  );
  expect(items).toEqual([{ product_id: o.cups.id, last_cost: '0.30', last_ordered_at: null }]);
  await expect(
    inTx(s, (tx, emit) =>
      t.services.purchasing.receiveInTx(tx, emit, ctxOf(s), {
        lines: [{ productId: s.storeId, quantity: 1 }],
      }),
    ),
  ).rejects.toMatchObject({ code: 'VALIDATION_ERROR' });
  await expectLedgerBalanced(t, s.storeId);
});
