import type { Db } from '../../db/pool';
import { PRODUCT_GROUPS, PRODUCT_JOINS, type ProductGrouping } from './groups';

export interface ConsumptionLine {
  group_id: string | null;
  name: string;
  sku: string | null;
  /** The store's calendar day, or null for the previous period's total. */
  day: string | null;
  units: string;
  revenue: string;
  cost: string;
}

/**
 * Net units sold per product between two instants, with their cost of goods at the time of the
 * sale (the line's recorded cost): lines of sales not voided, less the units refunded from them, each refund counted on the day of the sale it refunds (as the reorder
 * lists' demand counts them, shopping-lists/demand.ts). Voided sales and refunds are gathered
 * on their own (an index each) rather than joined per line, as demand.ts measured.
 */
const NET_LINES = `voided AS (
    SELECT id FROM sales
    WHERE store_id = $1 AND status = 'voided' AND sold_at >= $2 AND sold_at < $3
  ), x AS (
    SELECT si.product_id, si.sold_at, si.quantity AS units, si.line_total - si.tax_amount AS revenue,
      si.quantity * coalesce(si.unit_cost, 0) AS cost
    FROM sale_items si
    WHERE si.store_id = $1 AND si.sold_at >= $2 AND si.sold_at < $3
      AND si.sale_id NOT IN (SELECT id FROM voided)
    UNION ALL
    SELECT ri.product_id, si.sold_at, -ri.quantity, -(ri.line_total - ri.tax_amount),
      -ri.quantity * coalesce(si.unit_cost, 0)
    FROM sale_refund_items ri JOIN sale_items si ON si.id = ri.sale_item_id
    WHERE ri.store_id = $1 AND si.store_id = $1 AND si.sold_at >= $2 AND si.sold_at < $3
  )`;

/**
 * Per group: each day from `currentStart` on (store time), and one row (day null) for the
 * previous period, `previousStart` to `currentStart`.
 */
export async function consumptionLines(
  db: Db,
  storeId: string,
  groupBy: ProductGrouping,
  previousStart: Date,
  currentStart: Date,
  end: Date,
  timezone: string,
  category: string | null = null,
): Promise<ConsumptionLine[]> {
  const g = PRODUCT_GROUPS[groupBy];
  const { rows } = await db.query<ConsumptionLine>(
    `WITH ${NET_LINES}
     SELECT ${g.id} AS group_id, ${g.name} AS name, ${g.sku} AS sku,
       CASE WHEN x.sold_at >= $4 THEN to_char((x.sold_at AT TIME ZONE $5)::date, 'YYYY-MM-DD') END AS day,
       sum(x.units) AS units, sum(x.revenue) AS revenue,
       sum(x.cost) AS cost
     FROM x ${PRODUCT_JOINS}
     WHERE p.store_id = $1 AND ($6::uuid IS NULL OR p.category_id = $6)
     GROUP BY 1, 2, 3, 4`,
    [storeId, previousStart, end, currentStart, timezone, category],
  );
  return rows;
}

/** The products sold in [start, end) of each of these groups (whose stock days make the group's). */
export async function productsOfGroups(
  db: Db,
  storeId: string,
  groupBy: ProductGrouping,
  groupIds: readonly (string | null)[],
  start: Date,
  end: Date,
): Promise<{ group_id: string | null; product_id: string }[]> {
  const g = PRODUCT_GROUPS[groupBy];
  const ids = groupIds.filter((id): id is string => id !== null);
  const { rows } = await db.query<{ group_id: string | null; product_id: string }>(
    `WITH ${NET_LINES}
     SELECT DISTINCT ${g.id} AS group_id, x.product_id
     FROM x ${PRODUCT_JOINS}
     WHERE p.store_id = $1 AND (${g.id} = ANY($4::uuid[]) OR ($5 AND ${g.id} IS NULL))`,
    [storeId, start, end, ids, ids.length < groupIds.length],
  );
  return rows;
}

/** Net units sold per group between two instants (the waste report's denominator). */
export async function netUnitsByGroup(
  db: Db,
  storeId: string,
  groupBy: ProductGrouping | 'store',
  start: Date,
  end: Date,
): Promise<Map<string | null, number>> {
  const id = groupBy === 'store' ? 'NULL::uuid' : PRODUCT_GROUPS[groupBy].id;
  const { rows } = await db.query<{ group_id: string | null; units: string }>(
    `WITH ${NET_LINES}
     SELECT ${id} AS group_id, sum(x.units) AS units
     FROM x ${PRODUCT_JOINS}
     WHERE p.store_id = $1
     GROUP BY 1`,
    [storeId, start, end],
  );
  return new Map(rows.map((r) => [r.group_id, Number(r.units)]));
}
