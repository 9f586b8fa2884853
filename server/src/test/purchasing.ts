import type { Test } from 'supertest';
import type { TestApp } from './app';
import { createProduct, createSupplier, ledgerOf, type StoreMember } from './factories';

/*
 * Purchase orders as tests make them: requests that return the supertest request (the test
 * says which status it expects), and a store set up with a supplier and products to order.
 */

const withKey = (req: Test, key?: string) =>
  key === undefined ? req : req.set('Idempotency-Key', key);

export const postOrder = (s: StoreMember, body: object, key?: string) =>
  withKey(s.api.post(`${s.url}/purchase-orders`).set(s.auth), key).send(body);

export const patchStatus = (s: StoreMember, id: string, body: object) =>
  s.api.patch(`${s.url}/purchase-orders/${id}/status`).set(s.auth).send(body);

export const postReceipt = (s: StoreMember, id: string, body: object, key?: string) =>
  withKey(s.api.post(`${s.url}/purchase-orders/${id}/receive`).set(s.auth), key).send(body);

export const getOrder = async (s: StoreMember, id: string) =>
  (await s.api.get(`${s.url}/purchase-orders/${id}`).set(s.auth).expect(200)).body.data;

/** A supplier and two products (10 and 0 on hand) of the member's store. */
export async function orderingStore(s: StoreMember) {
  const supplier = await createSupplier(s, { name: 'Acme Wholesale' });
  const tea = await createProduct(s, {
    name: 'Green tea',
    price: 4,
    cost: 1.5,
    initialQuantity: 10,
  });
  const cups = await createProduct(s, { name: 'Paper cups', price: 2, cost: 0.25 });
  return { supplier, tea, cups };
}

/** An order of 10 tea at 1.50 and 40 cups at 0.25, answered 201. */
export async function placeOrder(
  s: StoreMember,
  o: Awaited<ReturnType<typeof orderingStore>>,
  extra: object = {},
) {
  const res = await postOrder(s, {
    supplierId: o.supplier.id,
    lines: [
      { productId: o.tea.id, quantity: 10, unitCost: 1.5 },
      { productId: o.cups.id, quantity: 40, unitCost: 0.25 },
    ],
    ...extra,
  }).expect(201);
  return res.body.data;
}

/** Every product's quantity equals the sum of its movements and never went below zero. */
export async function expectLedgerBalanced(t: Pick<TestApp, 'db'>, storeId: string) {
  const rows = await ledgerOf(t, storeId);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) {
    expect(r.quantity).toBe(r.ledger);
    expect(r.lowest).toBeGreaterThanOrEqual(0);
  }
}

/** The payloads of one event type in the store's feed (GET events?type=), oldest first. */
export async function feedOf(s: StoreMember, type: string) {
  const res = await s.api.get(`${s.url}/events?type=${type}&limit=100`).set(s.auth).expect(200);
  return res.body.data.map((e: { payload: unknown }) => e.payload);
}
