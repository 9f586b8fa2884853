import { useTestApp } from '../../test/app';
import { countRows, createProduct, createSupplier, storeWithMember } from '../../test/factories';
import { orderingStore, placeOrder, postOrder } from '../../test/purchasing';

/** Orders that are refused: 400 on the field, nothing stored. */
const t = useTestApp();

test('when an order fails validation after its number was taken, then nothing is stored and the next order skips that number', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const other = await storeWithMember(t, 'manager');
  const foreign = await createProduct(other, { name: 'Not ours', price: 1 });
  const bad = await postOrder(s, {
    supplierId: o.supplier.id,
    lines: [
      { productId: o.tea.id, quantity: 1, unitCost: 1 },
      { productId: foreign.id, quantity: 1, unitCost: 1 },
    ],
  }).expect(400);
  expect(bad.body.error.details).toEqual([
    { field: 'lines.1.productId', message: 'no such product in this store', code: 'not_found' },
  ]);
  expect(await countRows(t, 'purchase_orders', s.storeId)).toBe(0);
  expect(await countRows(t, 'supplier_items', s.storeId)).toBe(0);
  const next = await placeOrder(s, o);
  expect(next.orderNumber).toMatch(/-000002$/);
});

test.each([
  [
    'a line listed twice',
    (o: Ctx) => ({ supplierId: o.supplier.id, lines: [line(o.tea.id), line(o.tea.id)] }),
    'lines.1.productId',
  ],
  ['no lines', (o: Ctx) => ({ supplierId: o.supplier.id, lines: [] }), 'lines'],
  [
    'a zero quantity',
    (o: Ctx) => ({ supplierId: o.supplier.id, lines: [{ ...line(o.tea.id), quantity: 0 }] }),
    'lines.0.quantity',
  ],
  [
    'a negative cost',
    (o: Ctx) => ({ supplierId: o.supplier.id, lines: [{ ...line(o.tea.id), unitCost: -1 }] }),
    'lines.0.unitCost',
  ],
  [
    'a cost with 3 decimals',
    (o: Ctx) => ({ supplierId: o.supplier.id, lines: [{ ...line(o.tea.id), unitCost: 1.005 }] }),
    'lines.0.unitCost',
  ],
  [
    'an unknown line field',
    (o: Ctx) => ({ supplierId: o.supplier.id, lines: [{ ...line(o.tea.id), price: 1 }] }),
    'lines.0',
  ],
  [
    'a bad expected date',
    (o: Ctx) => ({ supplierId: o.supplier.id, expectedAt: 'soon', lines: [line(o.tea.id)] }),
    'expectedAt',
  ],
  [
    'an unknown supplier',
    (o: Ctx) => ({ supplierId: o.tea.id, lines: [line(o.tea.id)] }),
    'supplierId',
  ],
  [
    'a total beyond its column',
    (o: Ctx) => ({
      supplierId: o.supplier.id,
      lines: [{ ...line(o.tea.id), quantity: 1_000_000, unitCost: 9_999_999_999 }],
    }),
    'lines.0.quantity',
  ],
])(
  'when an order has %s, then 400 on that field and nothing is stored',
  async (_what, body, field) => {
    const s = await storeWithMember(t, 'manager');
    const o = await orderingStore(s);
    const res = await postOrder(s, body(o)).expect(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(res.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await countRows(t, 'purchase_orders', s.storeId)).toBe(0);
  },
);

type Ctx = Awaited<ReturnType<typeof orderingStore>>;
const line = (productId: string) => ({ productId, quantity: 2, unitCost: 1 });

test('when the supplier is inactive or on hold, or a product is deactivated, then 400 says so', async () => {
  const s = await storeWithMember(t, 'manager');
  const o = await orderingStore(s);
  const resting = await createSupplier(s, { status: 'inactive' });
  const held = await createSupplier(s, { status: 'on-hold' });
  for (const sup of [resting, held]) {
    const res = await postOrder(s, { supplierId: sup.id, lines: [line(o.tea.id)] }).expect(400);
    expect(res.body.error.details[0]).toEqual(
      expect.objectContaining({ field: 'supplierId', code: 'inactive' }),
    );
  }
  await s.api
    .patch(`${s.url}/products/${o.cups.id}`)
    .set(s.auth)
    .send({ active: false })
    .expect(200);
  const res = await postOrder(s, { supplierId: o.supplier.id, lines: [line(o.cups.id)] }).expect(
    400,
  );
  expect(res.body.error.details[0].field).toBe('lines.0.productId');
  expect(await countRows(t, 'purchase_orders', s.storeId)).toBe(0);
});
