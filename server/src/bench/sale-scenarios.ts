import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { one } from '../db/rows';
import type { BareHandler } from './bare';
import type { Scenario } from './scenarios';

/*
 * The sales scenarios of issue 23: two-product sales in one store and spread over 50 stores,
 * at 10 and 100 connections, against a bare `node:http` + `pg` handler doing the minimum
 * correct atomic sale in one round trip (`sale-once`: one statement, so one transaction).
 */

const STORES = 50;
const PRODUCTS_PER_STORE = 200;
const STOCK = 1_000_000;
/** Baskets per store: the paths and bodies cycle together (same length, same index). */
const BASKETS = 40;

/**
 * 50 stores of the run's copy (never the cached seed), each with 200 products in stock (an
 * `initial` movement each, so the ledger adds up) and the bench user as their admin.
 */
async function createStores(pool: Pool, userId: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `WITH s AS (
       INSERT INTO stores (name) SELECT 'Bench sales ' || n FROM generate_series(1, $1) n RETURNING id
     ), m AS (
       INSERT INTO memberships (store_id, user_id, role) SELECT id, $2, 'admin' FROM s
     )
     SELECT id FROM s ORDER BY id`,
    [STORES, userId],
  );
  await pool.query(
    `WITH p AS (
       INSERT INTO products (store_id, sku, name, price, cost, quantity, reorder_point)
       SELECT s.id, 'BS-' || n, 'Bench sale product ' || n, 1 + (n % 50), 0.5 + (n % 20), $3, 10
       FROM unnest($1::uuid[]) AS s(id), generate_series(1, $2) n
       RETURNING id, store_id, quantity, cost
     )
     INSERT INTO stock_movements (store_id, product_id, delta, reason, quantity_after, unit_cost)
     SELECT store_id, id, quantity, 'initial', quantity, cost FROM p`,
    [rows.map((r) => r.id), PRODUCTS_PER_STORE, STOCK],
  );
  return rows.map((r) => r.id);
}

/** Two different products of the store, one unit each. */
async function basketsOf(pool: Pool, storeId: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id FROM products WHERE store_id = $1 AND quantity >= $2 ORDER BY md5(id::text) LIMIT $3`,
    [storeId, STOCK, BASKETS * 2],
  );
  return Array.from({ length: BASKETS }, (_, i) =>
    JSON.stringify({
      items: [rows[2 * i]!, rows[2 * i + 1]!].map((p) => ({ productId: p.id, quantity: 1 })),
    }),
  );
}

/**
 * The minimum correct sale, one statement: the lines' rows locked in id order and checked,
 * every line's stock decremented only if all of them have enough (else nothing is written and
 * the answer says so), the movements, the sale with the store's next number (gapless: its
 * counter row is held until the commit that ends this statement), its lines, and the outbox
 * events with their positions.
 */
const SALE_ONCE = `WITH d AS (
    SELECT * FROM unnest($2::uuid[], $3::int[]) WITH ORDINALITY AS d(product_id, quantity, n)
  ), locked AS (
    SELECT p.id, p.quantity, p.price, p.cost FROM products p
    WHERE p.store_id = $1 AND p.id IN (SELECT product_id FROM d) ORDER BY p.id FOR UPDATE
  ), ok AS (
    SELECT count(*) = (SELECT count(*) FROM d) AND bool_and(l.quantity >= d.quantity) AS ok
    FROM d JOIN locked l ON l.id = d.product_id
  ), stock AS (
    UPDATE products p SET quantity = p.quantity - d.quantity, last_sold_at = now(), updated_at = now()
    FROM d, ok WHERE ok.ok AND p.store_id = $1 AND p.id = d.product_id AND p.quantity >= d.quantity
      AND p.id IN (SELECT id FROM locked)
    RETURNING p.id, p.quantity, p.price, p.cost
  ), counter AS (
    INSERT INTO sale_counters (store_id, last_number) SELECT $1, 1 FROM ok WHERE ok.ok
    ON CONFLICT (store_id) DO UPDATE SET last_number = sale_counters.last_number + 1
    RETURNING last_number
  ), sale AS (
    INSERT INTO sales (id, store_id, user_id, sold_at, total, item_count, number, subtotal)
    SELECT $4, $1, $5, now(), sum(s.price * d.quantity), sum(d.quantity),
      (SELECT last_number FROM counter), sum(s.price * d.quantity)
    FROM d JOIN stock s ON s.id = d.product_id HAVING count(*) > 0
    RETURNING id, number, total, item_count
  ), items AS (
    INSERT INTO sale_items (sale_id, store_id, product_id, quantity, unit_price, line_total,
      sold_at, line_no, unit_cost, list_price)
    SELECT $4, $1, d.product_id, d.quantity, s.price, s.price * d.quantity, now(), d.n, s.cost, s.price
    FROM sale, d JOIN stock s ON s.id = d.product_id
  ), moves AS (
    INSERT INTO stock_movements (store_id, product_id, delta, reason, reference_type,
      reference_id, user_id, quantity_after, unit_cost)
    SELECT $1, s.id, -d.quantity, 'sale', 'sale', $4, $5, s.quantity, s.cost
    FROM sale, d JOIN stock s ON s.id = d.product_id
    RETURNING id, product_id, delta, quantity_after
  ), events AS (
    SELECT 'inventory.stock_updated' AS type, json_build_object('productId', product_id,
      'delta', delta, 'reason', 'sale', 'quantity', quantity_after, 'movementId', id) AS payload,
      1 AS n FROM moves
    UNION ALL
    SELECT 'sale.recorded', json_build_object('saleId', id, 'number', number, 'total', total,
      'itemCount', item_count), 2 FROM sale
  ), position AS (
    INSERT INTO outbox_positions AS o (store_id, last_position)
    SELECT $1, count(*) FROM events HAVING count(*) > 0
    ON CONFLICT (store_id) DO UPDATE SET last_position = o.last_position + EXCLUDED.last_position
    RETURNING last_position
  ), outbox AS (
    INSERT INTO outbox_events (store_id, type, payload, position)
    SELECT $1, e.type, e.payload::jsonb,
      position.last_position - count(*) OVER () + row_number() OVER (ORDER BY e.n)
    FROM events e, position
  )
  SELECT (SELECT ok FROM ok) AS ok, sale.id, sale.number, sale.total FROM (SELECT 1) one
  LEFT JOIN sale ON true`;

/** The bare handler: one round trip, the statement above in its own transaction. */
function saleOnce(pool: Pool, userId: string): BareHandler {
  return async (storeId, body) => {
    const { items } = JSON.parse(body) as {
      items: Array<{ productId: string; quantity: number }>;
    };
    const { rows } = await pool.query<{ ok: boolean; id: string; number: number }>({
      name: 'bench.sale-once',
      text: SALE_ONCE,
      values: [
        storeId,
        items.map((i) => i.productId),
        items.map((i) => i.quantity),
        randomUUID(),
        userId,
      ],
    });
    const sale = one(rows);
    if (!sale.ok) throw new Error('insufficient stock');
    return sale;
  };
}

/** The sale scenarios and the bare one-round-trip handler they are measured against. */
export async function saleScenarios(
  pool: Pool,
  seeded: { storeId: string; userId: string },
): Promise<{ scenarios: Scenario[]; handlers: Record<string, BareHandler> }> {
  const stores = await createStores(pool, seeded.userId);
  const baskets = new Map<string, string[]>();
  for (const id of stores) baskets.set(id, await basketsOf(pool, id));
  // Store by store in turn, each request a different basket of its store.
  const spread = { paths: [] as string[], bare: [] as string[], bodies: [] as string[] };
  for (let b = 0; b < BASKETS; b++) {
    for (const id of stores) {
      spread.paths.push(`/api/v1/stores/${id}/sales`);
      spread.bare.push(`/sale-once/${id}`);
      spread.bodies.push(baskets.get(id)![b]!);
    }
  }
  const single = stores[0]!;
  const scenario = (name: string, connections: number, many: boolean): Scenario => ({
    name,
    app: 'cached',
    method: 'POST',
    appPaths: many ? spread.paths : [`/api/v1/stores/${single}/sales`],
    barePaths: many ? spread.bare : [`/sale-once/${single}`],
    bodies: many ? spread.bodies : baskets.get(single)!,
    connections,
  });
  return {
    scenarios: [
      scenario('sale: 2 products, one store, 10 connections', 10, false),
      scenario('sale: 2 products, one store, 100 connections', 100, false),
      scenario(`sale: 2 products, ${STORES} stores, 10 connections`, 10, true),
      scenario(`sale: 2 products, ${STORES} stores, 100 connections`, 100, true),
    ],
    handlers: { 'sale-once': saleOnce(pool, seeded.userId) },
  };
}
