import type { TestApp } from './app';
import { existedBy, type StoreMember } from './factories';
import { postSale } from './requests';

/* Requests and fixtures the shopping-list tests share. */

export const generate = (s: StoreMember, body: object = {}, key?: string) => {
  const req = s.api.post(`${s.url}/shopping-lists/generate`).set(s.auth);
  return (key ? req.set('Idempotency-Key', key) : req).send(body);
};

export const putItem = (s: StoreMember, listId: string, itemId: string, body: object) =>
  s.api.put(`${s.url}/shopping-lists/${listId}/items/${itemId}`).set(s.auth).send(body);

export const optimize = (s: StoreMember, listId: string) =>
  s.api.post(`${s.url}/shopping-lists/${listId}/optimize`).set(s.auth).send({});

export const convert = (s: StoreMember, listId: string, key?: string) => {
  const req = s.api.post(`${s.url}/shopping-lists/${listId}/purchase-orders`).set(s.auth);
  return (key ? req.set('Idempotency-Key', key) : req).send({});
};

/**
 * Sells `quantity` units of a product through the API, `daysAgo` days back (the product is
 * taken to have existed then).
 */
export async function sell(s: StoreMember, productId: string, quantity: number, daysAgo = 1) {
  const soldAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
  await existedBy(s, productId, soldAt);
  return (await postSale(s, { items: [{ productId, quantity }], soldAt }).expect(201)).body.data;
}

/**
 * What a supplier has offered a product at. Purchase orders and reconciled invoices keep
 * these rows; tests set them directly.
 */
export async function offer(
  t: Pick<TestApp, 'db'>,
  s: StoreMember,
  supplierId: string,
  productId: string,
  lastCost: number | null,
  minOrderQuantity = 1,
) {
  await t.db.pool.query(
    `INSERT INTO supplier_items (store_id, supplier_id, product_id, last_cost, min_order_quantity)
     VALUES ($1, $2, $3, $4, $5)`,
    [s.storeId, supplierId, productId, lastCost, minOrderQuantity],
  );
}

export interface Item {
  id: string;
  product: { id: string; name: string };
  supplier: { id: string; name: string } | null;
  suggestedQuantity: number;
  quantity: number;
  priority: string;
  reason: string;
  estimatedUnitCost: number | null;
  estimatedCost: number | null;
  purchased: boolean;
  actualCost: number | null;
  purchaseOrderId: string | null;
  notes: string | null;
}

/** A list's item for a product. */
export const itemFor = (list: { items: Item[] }, productId: string) =>
  list.items.find((i) => i.product.id === productId);

/** A store snapshot of the list tables, to show that a refused request changed nothing. */
export const listTables = async (t: Pick<TestApp, 'db'>, storeId: string) =>
  (
    await t.db.pool.query(
      `SELECT (SELECT json_agg(l ORDER BY l.id) FROM shopping_lists l WHERE l.store_id = $1) AS lists,
         (SELECT json_agg(i ORDER BY i.id) FROM shopping_list_items i WHERE i.store_id = $1) AS items,
         (SELECT count(*)::int FROM purchase_orders o WHERE o.store_id = $1) AS orders`,
      [storeId],
    )
  ).rows[0];
