import { ON_HAND_MAX } from '../../core/limits';
import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';

export const MOVEMENT_REASONS = [
  'sale',
  'purchase_receipt',
  'adjustment',
  'count',
  'return',
  'damaged',
  'expired',
  'spoiled',
  'lost',
  'theft',
  'import',
  'initial',
  'void',
  'transfer_out',
  'transfer_in',
] as const;
export type MovementReason = (typeof MOVEMENT_REASONS)[number];

export interface Movement {
  id: string;
  productId: string;
  delta: number;
  reason: MovementReason;
  referenceType: string | null;
  referenceId: string | null;
  note: string | null;
  userId: string | null;
  quantityAfter: number;
  /**
   * The unit cost in force when it happened: a receipt's received cost, else the product's cost
   * then (a sale sent late: the cost when it was rung up; a count correction: its count's).
   */
  unitCost: number | null;
  /** When it happened (a sale: when it was rung up, `soldAt`). */
  createdAt: string;
  /**
   * When it was written to the ledger: `createdAt`, except for a sale sent late and the count
   * correction that goes with it. `quantityAfter` is the stock at this moment.
   */
  recordedAt: string;
}

type MovementRow = Row<
  'stock_movements',
  | 'id'
  | 'product_id'
  | 'delta'
  | 'reference_type'
  | 'reference_id'
  | 'note'
  | 'user_id'
  | 'quantity_after'
  | 'unit_cost'
  | 'created_at'
  | 'recorded_at'
> & { reason: MovementReason };

export const toMovement = (r: MovementRow): Movement => ({
  id: r.id,
  productId: r.product_id,
  delta: r.delta,
  reason: r.reason,
  referenceType: r.reference_type,
  referenceId: r.reference_id,
  note: r.note,
  userId: r.user_id,
  quantityAfter: r.quantity_after,
  unitCost: r.unit_cost === null ? null : Number(r.unit_cost),
  createdAt: r.created_at.toISOString(),
  recordedAt: (r.recorded_at ?? r.created_at).toISOString(),
});

const MOVEMENT_COLUMNS =
  'id, product_id, delta, reason, reference_type, reference_id, note, user_id, quantity_after, unit_cost, created_at, recorded_at';
const CURSOR_KEY = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_key`;

/*
 * LEDGER_STATEMENTS: the ledger's statements are named, so each connection plans them once.
 * Stock changes run `applyDeltas` and `insertMovements` as one statement now
 * (ledger-write.repo.ts); the two remain for the bench's bare handlers, which replay them.
 * Written for any number of products (unnest), they cost a one-product change (an import row, an adjustment) ~20% more
 * to plan and run than single-row forms did when planned every time; prepared, 5 to 8% (measured
 * on the 10k bench store, 2,000 changes of each kind interleaved).
 */

/** A product after a change: its stock, reorder point and the cost now in force. */
export interface Applied {
  quantity: number;
  reorderPoint: number;
  cost: number | null;
}

const toApplied = (r: { quantity: number; reorder_point: number; cost: string | null }) => ({
  quantity: r.quantity,
  reorderPoint: r.reorder_point,
  cost: r.cost === null ? null : Number(r.cost),
});

/**
 * The only statement that changes on-hand stock: each product's net change at once (each
 * product once), the rows that could take it with their new quantity and cost. The condition
 * makes a change that would leave the stock below zero or above ON_HAND_MAX match no row, so
 * the database never holds a negative quantity. Lock the products first (`lockStock`) when
 * there are several, so the order rows are locked in is fixed.
 *
 * A change with a `unitCost` (goods received at a known cost) moves the product's cost to the
 * moving average: (on hand × cost + received × unit cost) / (on hand + received), to the cent.
 * With nothing on hand, or no cost yet, the received cost is the cost: there is nothing to
 * average it with. A change with `soldAt` (a sale) moves `last_sold_at` up to it, never back.
 */
export async function applyDeltas(
  db: Db,
  storeId: string,
  changes: Array<{ productId: string; delta: number; unitCost?: number; soldAt?: Date }>,
): Promise<Map<string, Applied>> {
  const { rows } = await db.query<{
    id: string;
    quantity: number;
    reorder_point: number;
    cost: string | null;
  }>({
    // Prepared once per connection (LEDGER_STATEMENTS).
    name: 'inventory.apply-deltas',
    text: `UPDATE products p SET quantity = p.quantity + d.delta, updated_at = now(),
       cost = CASE WHEN d.unit_cost IS NULL OR d.delta <= 0 THEN p.cost
                   WHEN p.cost IS NULL OR p.quantity <= 0 THEN d.unit_cost
                   ELSE round((p.quantity * p.cost + d.delta * d.unit_cost) / (p.quantity + d.delta), 2) END,
       last_sold_at = GREATEST(p.last_sold_at, d.sold_at)
     FROM unnest($2::uuid[], $3::int[], $5::numeric[], $6::timestamptz[])
       AS d(product_id, delta, unit_cost, sold_at)
     WHERE p.store_id = $1 AND p.id = d.product_id AND p.quantity::bigint + d.delta BETWEEN 0 AND $4
     RETURNING p.id, p.quantity, p.reorder_point, p.cost`,
    values: [
      storeId,
      changes.map((c) => c.productId),
      changes.map((c) => c.delta),
      ON_HAND_MAX,
      changes.map((c) => (c.unitCost === undefined ? null : c.unitCost.toFixed(2))),
      changes.map((c) => c.soldAt ?? null),
    ],
  });
  return new Map(rows.map((r) => [r.id, toApplied(r)]));
}

/** A product's stock on hand (undefined: no such product in the store); `lock` for a count. */
export async function stockOf(
  db: Db,
  storeId: string,
  productId: string,
  lock = false,
): Promise<number | undefined> {
  const { rows } = await db.query<Row<'products', 'quantity'>>(
    `SELECT quantity FROM products WHERE store_id = $1 AND id = $2${lock ? ' FOR UPDATE' : ''}`,
    [storeId, productId],
  );
  return rows[0]?.quantity;
}

export interface LockedStock {
  quantity: number;
  price: string;
  name: string;
  sku: string;
  cost: string | null;
  /** Its category (the till's tax rate may follow it). */
  categoryId: string | null;
  /** When the product was added: nothing of it can have been sold before. */
  createdAt: Date;
}

/** Locks products in id order (a fixed order, so concurrent multi-line sales cannot deadlock). */
export async function lockStock(
  db: Db,
  storeId: string,
  productIds: string[],
  /** false: read only (a sale's quote), nothing waits on it. */
  lock = true,
): Promise<Map<string, LockedStock>> {
  const { rows } = await db.query<
    Row<
      'products',
      'id' | 'quantity' | 'price' | 'name' | 'sku' | 'cost' | 'category_id' | 'created_at'
    >
  >({
    // Prepared once per connection: every sale and quote starts with it.
    name: lock ? 'inventory.lock-stock' : 'inventory.read-stock',
    text: `SELECT id, quantity, price, name, sku, cost, category_id, created_at FROM products
     WHERE store_id = $1 AND id = ANY($2::uuid[]) ORDER BY id ${lock ? 'FOR UPDATE' : ''}`,
    values: [storeId, productIds],
  });
  return new Map(
    rows.map(
      ({ id, created_at, category_id, ...r }) =>
        [id, { ...r, categoryId: category_id, createdAt: created_at }] as const,
    ),
  );
}

export interface NewMovement {
  /** Given by the caller, so the rows written can be told apart (a product may move twice). */
  id: string;
  productId: string;
  delta: number;
  reason: MovementReason;
  quantityAfter: number;
  unitCost: number | null;
  note?: string | null;
  referenceType?: string | null;
  referenceId?: string | null;
  /**
   * When it happened, given by the caller (a sale's time, a count correction's count; a
   * timestamp string keeps the database's microseconds): the row then records that it was
   * written now (recorded_at). Without it, it happened now.
   */
  at?: Date | string;
}

/** Movements in one statement, returned in the order given. */
export async function insertMovements(
  db: Db,
  storeId: string,
  userId: string | null,
  rows: NewMovement[],
): Promise<Movement[]> {
  const { rows: inserted } = await db.query<MovementRow>({
    // Prepared once per connection (LEDGER_STATEMENTS).
    name: 'inventory.insert-movements',
    text: `INSERT INTO stock_movements (id, store_id, product_id, delta, reason, reference_type, reference_id, note,
       user_id, quantity_after, unit_cost, created_at, recorded_at)
     SELECT m.id, $1, m.product_id, m.delta, m.reason, m.reference_type, m.reference_id, m.note, $2,
       m.quantity_after, m.unit_cost, coalesce(m.at, now()), CASE WHEN m.at IS NOT NULL THEN now() END
     FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::text[], $8::uuid[], $9::text[],
         $10::int[], $11::numeric[], $12::timestamptz[])
       WITH ORDINALITY AS m(id, product_id, delta, reason, reference_type, reference_id, note,
         quantity_after, unit_cost, at, n)
     ORDER BY m.n
     RETURNING ${MOVEMENT_COLUMNS}`,
    values: [
      storeId,
      userId,
      rows.map((r) => r.id),
      rows.map((r) => r.productId),
      rows.map((r) => r.delta),
      rows.map((r) => r.reason),
      rows.map((r) => r.referenceType ?? null),
      rows.map((r) => r.referenceId ?? null),
      rows.map((r) => r.note ?? null),
      rows.map((r) => r.quantityAfter),
      rows.map((r) => r.unitCost),
      rows.map((r) => (r.at instanceof Date ? r.at.toISOString() : (r.at ?? null))),
    ],
  });
  const byId = new Map(inserted.map((r) => [r.id, toMovement(r)]));
  return rows.map((r) => byId.get(r.id)!);
}

/** One movement of a product, locked so that two reversals of it queue up behind each other. */
export async function lockMovement(
  db: Db,
  storeId: string,
  productId: string,
  id: string,
): Promise<(Movement & { createdKey: string }) | undefined> {
  const { rows } = await db.query<MovementRow & { created_key: string }>(
    `SELECT ${MOVEMENT_COLUMNS}, ${CURSOR_KEY} FROM stock_movements
     WHERE store_id = $1 AND product_id = $2 AND id = $3 FOR UPDATE`,
    [storeId, productId, id],
  );
  return rows[0] && { ...toMovement(rows[0]), createdKey: rows[0].created_key };
}

/**
 * What has happened to a product since one of its movements: whether that movement has been
 * reversed already, and whether a stock count has been recorded after it.
 */
export async function since(
  db: Db,
  storeId: string,
  productId: string,
  movement: { id: string; createdKey: string },
): Promise<{ reversed: boolean; counted: boolean }> {
  const { rows } = await db.query<{ reversed: boolean; counted: boolean }>(
    `SELECT coalesce(bool_or(reference_type = 'movement' AND reference_id = $3), false) AS reversed,
       coalesce(bool_or(reason = 'count'), false) AS counted
     FROM stock_movements
     WHERE store_id = $1 AND product_id = $2 AND created_at >= $4::timestamptz AND id <> $3`,
    [storeId, productId, movement.id, movement.createdKey],
  );
  return one(rows);
}

export async function listMovements(
  db: Db,
  storeId: string,
  productId: string,
  q: { limit: number; offset?: number; reason?: string; dateFrom?: string; dateTo?: string },
  after?: { createdAt: string; id: string },
) {
  const args: unknown[] = [
    storeId,
    productId,
    q.reason ?? null,
    q.dateFrom ?? null,
    q.dateTo ?? null,
  ];
  const filter = `store_id = $1 AND product_id = $2 AND ($3::text IS NULL OR reason = $3)
    AND ($4::timestamptz IS NULL OR created_at >= $4) AND ($5::timestamptz IS NULL OR created_at <= $5)`;
  const keyset = after ? ' AND (created_at, id) < ($8::timestamptz, $9::uuid)' : '';
  const { rows } = await db.query<MovementRow & { created_key: string }>(
    `SELECT ${MOVEMENT_COLUMNS}, ${CURSOR_KEY} FROM stock_movements WHERE ${filter}${keyset}
     ORDER BY created_at DESC, id DESC LIMIT $6 OFFSET $7`,
    [
      ...args,
      q.limit + 1,
      after ? 0 : (q.offset ?? 0),
      ...(after ? [after.createdAt, after.id] : []),
    ],
  );
  const total = after
    ? undefined
    : one(
        (
          await db.query<{ n: number }>(
            `SELECT count(*) AS n FROM stock_movements WHERE ${filter}`,
            args,
          )
        ).rows,
      ).n;
  return { items: rows.map((r) => ({ ...toMovement(r), cursorKey: r.created_key })), total };
}

/** The store day of each product's first stock movement (absent: the product never moved). */
export async function firstMovementDays(
  db: Db,
  storeId: string,
  timezone: string,
  productIds: readonly string[],
): Promise<Map<string, string>> {
  if (!productIds.length) return new Map();
  // One index probe per product (stock_movements_product_idx), however long its ledger.
  const { rows } = await db.query<{ product_id: string; day: string }>(
    `SELECT x.id AS product_id, to_char((m.created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day
     FROM unnest($2::uuid[]) AS x(id)
     CROSS JOIN LATERAL (
       SELECT created_at FROM stock_movements
       WHERE store_id = $1 AND product_id = x.id ORDER BY created_at, id LIMIT 1
     ) m`,
    [storeId, productIds, timezone],
  );
  return new Map(rows.map((r) => [r.product_id, r.day]));
}

/** The store day stock last came in per product (its latest movement with a positive delta). */
export async function lastStockInDays(
  db: Db,
  storeId: string,
  timezone: string,
  productIds: readonly string[],
): Promise<Map<string, string>> {
  if (!productIds.length) return new Map();
  const { rows } = await db.query<{ product_id: string; day: string }>(
    `SELECT x.id AS product_id, to_char((m.created_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day
     FROM unnest($2::uuid[]) AS x(id)
     CROSS JOIN LATERAL (
       SELECT created_at FROM stock_movements
       WHERE store_id = $1 AND product_id = x.id AND delta > 0
       ORDER BY created_at DESC, id DESC LIMIT 1
     ) m`,
    [storeId, productIds, timezone],
  );
  return new Map(rows.map((r) => [r.product_id, r.day]));
}
