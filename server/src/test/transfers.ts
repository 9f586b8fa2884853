import type { Test } from 'supertest';
import type { Role } from '../core/access';
import type { TestApp } from './app';
import {
  addMember,
  createProduct,
  createStore,
  memberOf,
  storeWithMember,
  type StoreMember,
} from './factories';

/*
 * Stock transfers as tests make them: one person in two stores (the one goods leave and the
 * one they reach), each with tea and cups under the same SKUs.
 */

const withKey = (req: Test, key?: string) =>
  key === undefined ? req : req.set('Idempotency-Key', key);

/** The same member in another store they were added to with `role`. */
export async function alsoIn(t: Pick<TestApp, 'db'>, s: StoreMember, role: Role, storeId?: string) {
  const id = storeId ?? (await createStore(t.db.pool)).id;
  await addMember(t.db.pool, id, s.user.id, role);
  return { ...s, storeId: id, url: `/api/v1/stores/${id}` };
}

/** A manager of store A who is `destRole` in store B; tea (10) and cups (40) in A, tea (2) and cups (0) in B. */
export async function twoStores(
  t: Pick<TestApp, 'api' | 'db' | 'tokenFor'>,
  destRole: Role = 'employee',
) {
  const a = await storeWithMember(t, 'manager');
  const b = await alsoIn(t, a, destRole);
  // A viewer cannot add products: a colleague of B does.
  const maker = destRole === 'viewer' ? await memberOf(t, b.storeId, 'employee') : b;
  const tea = await createProduct(a, {
    sku: 'TEA-1',
    name: 'Green tea',
    cost: 1.5,
    initialQuantity: 10,
  });
  const cups = await createProduct(a, {
    sku: 'CUP-1',
    name: 'Paper cups',
    cost: 0.25,
    initialQuantity: 40,
  });
  const teaB = await createProduct(maker, {
    sku: 'tea-1',
    name: 'Tea (green)',
    initialQuantity: 2,
  });
  const cupsB = await createProduct(maker, { sku: 'CUP-1', name: 'Cups' });
  return { a, b, tea, cups, teaB, cupsB };
}

export const postTransfer = (s: StoreMember, body: object, key?: string) =>
  withKey(s.api.post(`${s.url}/transfers`).set(s.auth), key).send(body);

export const transferAction = (
  s: StoreMember,
  id: string,
  action: 'send' | 'receive' | 'cancel',
  body: object = {},
  key?: string,
) => withKey(s.api.post(`${s.url}/transfers/${id}/${action}`).set(s.auth), key).send(body);

export const getTransfer = (s: StoreMember, id: string) =>
  s.api.get(`${s.url}/transfers/${id}`).set(s.auth);
