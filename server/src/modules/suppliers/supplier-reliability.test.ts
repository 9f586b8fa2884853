import { useTestApp } from '../../test/app';
import { createSupplier, memberOf, storeWithMember, type StoreMember } from '../../test/factories';
import {
  orderingStore,
  patchStatus,
  placeOrder,
  postOrder,
  postReceipt,
} from '../../test/purchasing';

/** A supplier's reliability score, and the suppliers list sorted by last order. */
const t = useTestApp();

const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

type Supplier = {
  id: string;
  name: string;
  onTimeDeliveryRate: number | null;
  fillRate: number | null;
  reliabilityScore: number | null;
  lastOrderAt: string | null;
};

const suppliersOf = async (s: StoreMember, q = '') =>
  (await s.api.get(`${s.url}/suppliers?${q}`).set(s.auth).expect(200)).body.data as Supplier[];

/**
 * Acme: one order on time, one late (both received whole), one cancelled after 10 of 10 tea and
 * 20 of 40 cups came; Idle: never ordered from; Newco: one order still pending, placed last.
 */
async function threeSuppliers(s: StoreMember) {
  const o = await orderingStore(s);
  const receive = (id: string, tea: number, cups: number) =>
    postReceipt(s, id, {
      lines: [
        { productId: o.tea.id, quantity: tea },
        { productId: o.cups.id, quantity: cups },
      ],
    }).expect(201);
  const onTime = await placeOrder(s, o, { expectedAt: day(5) });
  const late = await placeOrder(s, o, { expectedAt: day(-1) });
  const short = await placeOrder(s, o);
  for (const order of [onTime, late, short])
    await patchStatus(s, order.id, { status: 'processing' }).expect(200);
  await receive(onTime.id, 10, 40);
  await receive(late.id, 10, 40);
  await receive(short.id, 10, 20);
  await patchStatus(s, short.id, { status: 'cancelled' }).expect(200);
  const idle = await createSupplier(s, { name: 'Idle' });
  const newco = await createSupplier(s, { name: 'Newco' });
  await postOrder(s, {
    supplierId: newco.id,
    lines: [{ productId: o.tea.id, quantity: 1, unitCost: 1 }],
  }).expect(201);
  // Acme's orders were placed a week ago; Newco's now.
  await t.db.pool.query(
    "UPDATE purchase_orders SET ordered_at = ordered_at - interval '7 days' WHERE supplier_id = $1",
    [o.supplier.id],
  );
  return { acme: o.supplier, idle, newco };
}

test('when a supplier has delivered on time half the time and 130 of 150 units, then its reliability is the mean of the two rates; without closed orders it is null', async () => {
  const s = await storeWithMember(t, 'manager');
  const { acme, idle, newco } = await threeSuppliers(s);
  const byId = new Map((await suppliersOf(s)).map((x) => [x.id, x]));
  expect(byId.get(acme.id)).toEqual(
    expect.objectContaining({ onTimeDeliveryRate: 0.5, fillRate: 0.8667, reliabilityScore: 68.3 }),
  );
  for (const id of [idle.id, newco.id])
    expect(byId.get(id)).toEqual(
      expect.objectContaining({ onTimeDeliveryRate: null, fillRate: null, reliabilityScore: null }),
    );
  // One supplier's record says the same.
  const one = await s.api.get(`${s.url}/suppliers/${acme.id}`).set(s.auth).expect(200);
  expect(one.body.data.reliabilityScore).toBe(68.3);
});

test('when suppliers are sorted by last order, then the latest (or earliest) ordered come first and those never ordered from last', async () => {
  const admin = await storeWithMember(t, 'admin');
  const viewer = await memberOf(t, admin.storeId, 'viewer');
  const { acme, idle, newco } = await threeSuppliers(admin);
  const names = async (q: string) => (await suppliersOf(viewer, q)).map((x) => x.id);
  expect(await names('sort=lastOrderAt&order=desc')).toEqual([newco.id, acme.id, idle.id]);
  expect(await names('sort=lastOrderAt&order=asc')).toEqual([acme.id, newco.id, idle.id]);
  expect(await names('sort=lastOrderAt&order=desc&limit=1&page=2')).toEqual([acme.id]);
});

test('when another store sorts by last order, then it sees only its own suppliers; an outsider gets 403', async () => {
  const s = await storeWithMember(t, 'manager');
  await threeSuppliers(s);
  const other = await storeWithMember(t, 'manager');
  const mine = await createSupplier(other, { name: 'Mine' });
  expect((await suppliersOf(other, 'sort=lastOrderAt')).map((x) => x.id)).toEqual([mine.id]);
  await other.api.get(`${s.url}/suppliers?sort=lastOrderAt`).set(other.auth).expect(403);
  const bad = await s.api.get(`${s.url}/suppliers?sort=last_order`).set(s.auth).expect(400);
  expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'sort' })]);
});
