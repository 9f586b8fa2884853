import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export type CostIncreaseRow = Row<'invoice_lines', 'product_id'> & {
  /** Only lines with a product. */
  product_id: string;
  line_id: string;
  supplier_id: string;
  day: string;
  unit_cost: string;
  previous_cost: string;
};

/**
 * Unit-cost increases between consecutive invoices of the same product and supplier (forecasting
 * reads them through invoices.reads.ts): each invoice line with a product and a cost, compared
 * with the same product's line on the supplier's previous invoice (by invoice date, else the
 * upload's day in the store's time zone, then upload). Only increases since `since`, newest
 * first, at most 500.
 */
export async function costIncreases(
  db: Db,
  storeId: string,
  timezone: string,
  since: string,
): Promise<CostIncreaseRow[]> {
  const { rows } = await db.query<CostIncreaseRow>(
    `WITH lines AS (
       SELECT l.id AS line_id, l.product_id, i.supplier_id, l.unit_cost,
         coalesce(i.invoice_date, (i.created_at AT TIME ZONE $3)::date) AS day,
         lag(l.unit_cost) OVER (PARTITION BY l.product_id, i.supplier_id
           ORDER BY coalesce(i.invoice_date, (i.created_at AT TIME ZONE $3)::date), i.created_at, l.position)
           AS previous_cost
       FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id
       WHERE l.store_id = $1 AND i.store_id = $1 AND l.product_id IS NOT NULL
         AND i.supplier_id IS NOT NULL AND l.unit_cost IS NOT NULL
     )
     SELECT x.line_id, x.product_id, x.supplier_id,
       to_char(x.day, 'YYYY-MM-DD') AS day, x.unit_cost, x.previous_cost
     FROM lines x
     WHERE x.day >= $2::date AND x.previous_cost > 0 AND x.unit_cost > x.previous_cost
     ORDER BY x.day DESC, x.line_id LIMIT 500`,
    [storeId, since, timezone],
  );
  return rows;
}
