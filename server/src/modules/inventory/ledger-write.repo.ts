import { ON_HAND_MAX } from '../../core/limits';
import type { Db } from '../../db/pool';
import { toMovement, type Applied, type Movement, type MovementReason } from './inventory.repo';

/** A movement asked of `writeLedger`: its stock after it is worked out by the statement. */
export interface LedgerEntry {
  /** Given by the caller, so the rows written can be told apart (a product may move twice). */
  id: string;
  productId: string;
  delta: number;
  reason: MovementReason;
  /** The cost it records; undefined: the product's cost in force after the change. */
  unitCost?: number | null;
  note?: string | null;
  referenceType?: string | null;
  referenceId?: string | null;
  /** When it happened, if not now (its row then records that it was written now). */
  at?: Date | string;
}

/** An entry as the statement worked it out, written or not (a step out of bounds: none are). */
export interface LedgerStep {
  id: string;
  productId: string;
  delta: number;
  quantityAfter: number;
  /** The movement row, when the entries were written. */
  movement: Movement | null;
}

interface StepRow {
  id: string;
  product_id: string;
  delta: number;
  reason: MovementReason;
  reference_type: string | null;
  reference_id: string | null;
  note: string | null;
  user_id: string | null;
  quantity_after: number;
  unit_cost: string | null;
  created_at: Date | null;
  recorded_at: Date | null;
  reorder_point: number;
  product_quantity: number;
  product_cost: string | null;
}

const money = (v: string | null) => (v === null ? null : Number(v));

/**
 * The ledger's write in one statement (one round trip): each product's net change by the
 * conditional UPDATE (as `applyDeltas`), then every entry's movement with the stock after it,
 * worked out from the updated row in the order given within a product. The movements are
 * written only when every step stays within 0 and ON_HAND_MAX; a product whose net change
 * matched no row has no steps. The caller refuses either case, which rolls the change back.
 */
export async function writeLedger(
  db: Db,
  storeId: string,
  userId: string | null,
  net: Array<{ productId: string; delta: number; unitCost?: number; soldAt?: Date }>,
  entries: LedgerEntry[],
): Promise<{ applied: Map<string, Applied>; steps: LedgerStep[] }> {
  const { rows } = await db.query<StepRow>({
    // Prepared once per connection, like the statements it joins (LEDGER_STATEMENTS).
    name: 'inventory.write-ledger',
    text: `WITH d AS (
       SELECT * FROM unnest($2::uuid[], $3::int[], $5::numeric[], $6::timestamptz[])
         AS d(product_id, delta, unit_cost, sold_at)
     ), applied AS (
       UPDATE products p SET quantity = p.quantity + d.delta, updated_at = now(),
         cost = CASE WHEN d.unit_cost IS NULL OR d.delta <= 0 THEN p.cost
                     WHEN p.cost IS NULL OR p.quantity <= 0 THEN d.unit_cost
                     ELSE round((p.quantity * p.cost + d.delta * d.unit_cost) / (p.quantity + d.delta), 2) END,
         last_sold_at = GREATEST(p.last_sold_at, d.sold_at)
       FROM d
       WHERE p.store_id = $1 AND p.id = d.product_id AND p.quantity::bigint + d.delta BETWEEN 0 AND $4
       RETURNING p.id, p.quantity, p.reorder_point, p.cost
     ), m AS (
       SELECT * FROM unnest($7::uuid[], $8::uuid[], $9::int[], $10::text[], $11::text[], $12::uuid[],
           $13::text[], $14::numeric[], $15::boolean[], $16::timestamptz[])
         WITH ORDINALITY AS m(id, product_id, delta, reason, reference_type, reference_id, note,
           unit_cost, cost_given, at, n)
     ), steps AS (
       SELECT m.*, a.reorder_point, a.quantity AS product_quantity, a.cost AS product_cost,
         a.quantity - sum(m.delta) OVER w + sum(m.delta) OVER (w ORDER BY m.n) AS quantity_after,
         CASE WHEN m.cost_given THEN m.unit_cost ELSE a.cost END AS cost
       FROM m JOIN applied a ON a.id = m.product_id
       WINDOW w AS (PARTITION BY m.product_id)
     ), written AS (
       INSERT INTO stock_movements (id, store_id, product_id, delta, reason, reference_type,
         reference_id, note, user_id, quantity_after, unit_cost, created_at, recorded_at)
       SELECT s.id, $1, s.product_id, s.delta, s.reason, s.reference_type, s.reference_id, s.note,
         $17, s.quantity_after, s.cost, coalesce(s.at, now()), CASE WHEN s.at IS NOT NULL THEN now() END
       FROM steps s
       WHERE NOT EXISTS (SELECT 1 FROM steps x WHERE x.quantity_after NOT BETWEEN 0 AND $4)
       ORDER BY s.n
       RETURNING id, created_at, recorded_at
     )
     SELECT s.id, s.product_id, s.delta, s.reason, s.reference_type, s.reference_id, s.note,
       $17::uuid AS user_id, s.quantity_after::int AS quantity_after, s.cost AS unit_cost,
       w.created_at, w.recorded_at, s.reorder_point, s.product_quantity, s.product_cost
     FROM steps s LEFT JOIN written w ON w.id = s.id
     ORDER BY s.n`,
    values: [
      storeId,
      net.map((c) => c.productId),
      net.map((c) => c.delta),
      ON_HAND_MAX,
      net.map((c) => (c.unitCost === undefined ? null : c.unitCost.toFixed(2))),
      net.map((c) => c.soldAt ?? null),
      entries.map((e) => e.id),
      entries.map((e) => e.productId),
      entries.map((e) => e.delta),
      entries.map((e) => e.reason),
      entries.map((e) => e.referenceType ?? null),
      entries.map((e) => e.referenceId ?? null),
      entries.map((e) => e.note ?? null),
      entries.map((e) => e.unitCost ?? null),
      entries.map((e) => e.unitCost !== undefined),
      entries.map((e) => (e.at instanceof Date ? e.at.toISOString() : (e.at ?? null))),
      userId,
    ],
  });
  const applied = new Map<string, Applied>(
    rows.map((r) => [
      r.product_id,
      {
        quantity: r.product_quantity,
        reorderPoint: r.reorder_point,
        cost: money(r.product_cost),
      },
    ]),
  );
  const steps = rows.map((r): LedgerStep => ({
    id: r.id,
    productId: r.product_id,
    delta: r.delta,
    quantityAfter: r.quantity_after,
    movement: r.created_at ? toMovement({ ...r, created_at: r.created_at }) : null,
  }));
  return { applied, steps };
}
