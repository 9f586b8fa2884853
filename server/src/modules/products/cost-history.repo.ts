import type { Db } from '../../db/pool';

const TIME_KEY = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const cost = (v: string | null) => (v === null ? null : Number(v));

/**
 * Per product, the cost edits (history rows of `cost`: an edit, an import, an invoice's price
 * accepted) around `at`: the last at or before it with the cost it set, and the first after it
 * with the cost it replaced. Times as UTC text with microseconds, exact to compare with the
 * ledger's. Two index probes per product (product_history_product_idx).
 */
export async function costEditsAround(
  db: Db,
  storeId: string,
  productIds: readonly string[],
  at: Date,
): Promise<
  Map<
    string,
    { before?: { at: string; cost: number | null }; after?: { at: string; cost: number | null } }
  >
> {
  const { rows } = await db.query<{
    id: string;
    before_at: string | null;
    before_cost: string | null;
    after_at: string | null;
    after_cost: string | null;
  }>(
    `SELECT x.id, b.at AS before_at, b.cost AS before_cost, a.at AS after_at, a.cost AS after_cost
     FROM unnest($2::uuid[]) AS x(id)
     LEFT JOIN LATERAL (
       SELECT ${TIME_KEY('changed_at')} AS at, new_value AS cost FROM product_history
       WHERE store_id = $1 AND product_id = x.id AND field = 'cost' AND changed_at <= $3
       ORDER BY changed_at DESC, id DESC LIMIT 1
     ) b ON true
     LEFT JOIN LATERAL (
       SELECT ${TIME_KEY('changed_at')} AS at, old_value AS cost FROM product_history
       WHERE store_id = $1 AND product_id = x.id AND field = 'cost' AND changed_at > $3
       ORDER BY changed_at, id LIMIT 1
     ) a ON true`,
    [storeId, productIds, at],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        ...(r.before_at ? { before: { at: r.before_at, cost: cost(r.before_cost) } } : {}),
        ...(r.after_at ? { after: { at: r.after_at, cost: cost(r.after_cost) } } : {}),
      },
    ]),
  );
}
