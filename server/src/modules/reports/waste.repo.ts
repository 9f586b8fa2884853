import type { Db } from '../../db/pool';
import { PRODUCT_GROUPS, PRODUCT_JOINS } from './groups';

/** The movement reasons that are stock lost, not sold or counted. */
export const WASTE_REASONS = ['damaged', 'expired', 'spoiled', 'lost', 'theft'] as const;
export type WasteGrouping = 'reason' | 'product' | 'category';

const GROUPS = {
  reason: { id: 'x.reason', name: 'x.reason' },
  product: PRODUCT_GROUPS.product,
  category: PRODUCT_GROUPS.category,
} as const;

const WASTE = `x AS (
    SELECT product_id, reason, delta, unit_cost, created_at FROM stock_movements
    WHERE store_id = $1 AND reason = ANY($4::text[]) AND created_at >= $2 AND created_at < $3
  )`;

/**
 * Units lost per group (a loss is a negative delta; a reversal, the same reason positive,
 * takes it back), valued at the cost each movement recorded when it was written.
 */
export async function wasteByGroup(
  db: Db,
  storeId: string,
  groupBy: WasteGrouping,
  start: Date,
  end: Date,
) {
  const g = GROUPS[groupBy];
  const { rows } = await db.query<{
    group_id: string | null;
    name: string;
    units: string;
    cost_value: string;
  }>(
    `WITH ${WASTE}
     SELECT ${g.id}::text AS group_id, ${g.name} AS name, sum(-x.delta) AS units,
       sum(-x.delta * coalesce(x.unit_cost, 0)) AS cost_value
     FROM x ${PRODUCT_JOINS}
     WHERE p.store_id = $1
     GROUP BY 1, 2`,
    [storeId, start, end, WASTE_REASONS],
  );
  return rows;
}

/** Units and value lost per day or per week (its Monday), store time. */
export async function wasteSeries(
  db: Db,
  storeId: string,
  interval: 'day' | 'week',
  start: Date,
  end: Date,
  timezone: string,
) {
  const { rows } = await db.query<{ date: string; units: string; cost_value: string }>(
    `WITH ${WASTE}
     SELECT to_char(date_trunc($6, x.created_at AT TIME ZONE $5)::date, 'YYYY-MM-DD') AS date,
       sum(-x.delta) AS units, sum(-x.delta * coalesce(x.unit_cost, 0)) AS cost_value
     FROM x JOIN products p ON p.id = x.product_id
     WHERE p.store_id = $1
     GROUP BY 1`,
    [storeId, start, end, WASTE_REASONS, timezone, interval],
  );
  return rows;
}
