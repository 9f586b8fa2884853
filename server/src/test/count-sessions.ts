import type { TestApp } from './app';
import { createProduct, memberOf, nextEan13, storeWithMember, type StoreMember } from './factories';

/* Count sessions as tests drive them: requests as one member, and a store with aisles. */

export const start = (s: StoreMember, body: object, key?: string) => {
  const req = s.api.post(`${s.url}/count-sessions`).set(s.auth);
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};
export const record = (s: StoreMember, id: string, body: object) =>
  s.api.post(`${s.url}/count-sessions/${id}/counts`).set(s.auth).send(body);
export const post = (s: StoreMember, id: string, key?: string) => {
  const req = s.api.post(`${s.url}/count-sessions/${id}/post`).set(s.auth);
  return (key ? req.set('Idempotency-Key', key) : req).send({});
};
export const session = async (s: StoreMember, id: string) =>
  (await s.api.get(`${s.url}/count-sessions/${id}`).set(s.auth).expect(200)).body.data;

/** A store with a manager, an employee and two products on aisle 3 and one on aisle 4. */
export async function aisleStore(t: Pick<TestApp, 'api' | 'db' | 'tokenFor'>) {
  const manager = await storeWithMember(t, 'manager');
  const employee = await memberOf(t, manager.storeId, 'employee');
  const admin = await memberOf(t, manager.storeId, 'admin');
  const milk = await createProduct(admin, {
    name: 'Milk',
    barcode: nextEan13(),
    cost: 0.8,
    initialQuantity: 20,
    location: { aisle: '3', row: 'B', bin: '10' },
  });
  const eggs = await createProduct(admin, {
    name: 'Eggs',
    barcode: nextEan13(),
    cost: 2.5,
    initialQuantity: 12,
    location: { aisle: '3', row: 'B', bin: '2' },
  });
  const nails = await createProduct(admin, {
    name: 'Nails',
    initialQuantity: 100,
    location: { aisle: '4' },
  });
  return { manager, employee, admin, milk, eggs, nails };
}
