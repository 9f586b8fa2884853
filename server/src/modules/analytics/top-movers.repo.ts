import type { Db } from '../../db/pool';
import { one, type Row } from '../../db/rows';

const num = (v: string | number | null) => Number(v ?? 0);

/** The instant the store's window of `days` local days (today the last) begins. */
const WINDOW = `SELECT ((now() AT TIME ZONE $2)::date - ($3::int - 1))::timestamp AT TIME ZONE $2 AS start_at`;

/**
 * Each line of the window, net: lines of sales not voided, and refunded lines taken off;
 * `of(alias)` narrows them to some products.
 */
const netLines = (of: (alias: string) => string) => `
  SELECT i.product_id, i.quantity AS units, i.line_total - i.tax_amount AS revenue
  FROM sale_items i, w
  WHERE i.store_id = $1 AND i.sold_at >= w.start_at AND ${of('i')}
    AND i.sale_id NOT IN (SELECT id FROM sales, w
                          WHERE store_id = $1 AND status = 'voided' AND sold_at >= w.start_at)
  UNION ALL
  SELECT r.product_id, -r.quantity, -(r.line_total - r.tax_amount)
  FROM sale_refund_items r, w
  WHERE r.store_id = $1 AND r.refunded_at >= w.start_at AND ${of('r')}`;

interface Net {
  productId: string;
  units: number;
  revenue: number;
}

/** Best first: units, then revenue, then id (uuid order is its text order). */
const byRank = (a: Net, b: Net) =>
  b.units - a.units ||
  b.revenue - a.revenue ||
  (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0);

/**
 * The `k` products of the highest bound (`dashboard_product_sales`: units sold since the
 * store's floor, never less than the window's net units) and their exact net figures in the
 * window; `covered` is false when the window starts before the floor (the bound would not hold).
 */
async function candidates(db: Db, storeId: string, timezone: string, days: number, k: number) {
  const { rows } = await db.query<{
    product_id: string | null;
    bound: string | null;
    units: string | null;
    revenue: string | null;
    covered: boolean;
  }>(
    `WITH w AS (${WINDOW}), cand AS (
       SELECT product_id, units AS bound FROM dashboard_product_sales
       WHERE store_id = $1 ORDER BY units DESC, product_id LIMIT $4
     ), net AS (
       SELECT product_id, sum(units) AS units, sum(revenue) AS revenue
       FROM (${netLines((a) => `${a}.product_id IN (SELECT product_id FROM cand)`)}) l
       GROUP BY product_id
     ), floor AS (
       SELECT coalesce((SELECT floor_at FROM dashboard_sales_floors WHERE store_id = $1),
         '-infinity') <= w.start_at AS covered
       FROM w
     )
     SELECT c.product_id, c.bound, n.units, n.revenue, floor.covered
     FROM floor LEFT JOIN (cand c LEFT JOIN net n ON n.product_id = c.product_id) ON true
     ORDER BY c.bound DESC, c.product_id`,
    [storeId, timezone, days, k],
  );
  return {
    rows: rows.flatMap((r) =>
      r.product_id === null
        ? []
        : [
            {
              productId: r.product_id,
              bound: num(r.bound),
              units: num(r.units),
              revenue: num(r.revenue),
            },
          ],
    ),
    covered: one(rows).covered,
  };
}

/** Every product's net figures in the window, from the lines (when the bound does not hold). */
async function allNet(db: Db, storeId: string, timezone: string, days: number): Promise<Net[]> {
  const { rows } = await db.query<{ product_id: string; units: string; revenue: string }>(
    `WITH w AS (${WINDOW})
     SELECT product_id, sum(units) AS units, sum(revenue) AS revenue
     FROM (${netLines(() => 'true')}) l GROUP BY product_id`,
    [storeId, timezone, days],
  );
  return rows.map((r) => ({
    productId: r.product_id,
    units: num(r.units),
    revenue: num(r.revenue),
  }));
}

/**
 * Best sellers of the store's last `days` local days by net units (voided sales left out,
 * refunds taken off on the day they were made), as a direct count over the lines would rank
 * them, without reading every line of the window: products are taken in order of their bound
 * and counted exactly until no product left can beat the last of the `limit` best.
 */
export async function topMovers(
  db: Db,
  storeId: string,
  timezone: string,
  days: number,
  limit: number,
) {
  let best: Net[] | undefined;
  // The bound is the window's units sold (voided lines and, after midnight until the hourly
  // cleanup, one more day included): a few more than `limit` usually settle it.
  for (let k = limit + 5; !best; k *= 4) {
    const { rows, covered } = await candidates(db, storeId, timezone, days, k);
    if (!covered) {
      best = (await allNet(db, storeId, timezone, days)).filter((n) => n.units > 0);
      break;
    }
    const ranked = rows
      .filter((n) => n.units > 0)
      .sort(byRank)
      .slice(0, limit);
    const everyone = rows.length < k;
    // A product not yet counted sold at most the last candidate's bound.
    const lastBound = rows.at(-1)?.bound ?? 0;
    if (everyone || (ranked.length === limit && ranked.at(-1)!.units > lastBound)) best = ranked;
  }
  const top = best.sort(byRank).slice(0, limit);
  const { rows: names } = await db.query<Row<'products', 'id' | 'name' | 'sku'>>(
    'SELECT id, name, sku FROM products WHERE store_id = $1 AND id = ANY($2::uuid[])',
    [storeId, top.map((t) => t.productId)],
  );
  const named = new Map(names.map((n) => [n.id, n]));
  return top.flatMap((t) => {
    const p = named.get(t.productId);
    return p
      ? [
          {
            productId: t.productId,
            name: p.name,
            sku: p.sku,
            unitsSold: t.units,
            revenue: t.revenue,
          },
        ]
      : [];
  });
}
