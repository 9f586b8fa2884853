import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

export type DemandAnomalyInput = Row<
  'demand_anomalies',
  'product_id' | 'observed' | 'expected' | 'lower' | 'upper'
> & {
  /** `YYYY-MM-DD` */
  day: string;
  kind: 'demand_spike' | 'demand_drop';
  severity: 'low' | 'medium' | 'high';
};

/** Replaces the stored demand anomalies of these products with what this run found. */
export async function replaceDemandAnomalies(
  db: Db,
  storeId: string,
  productIds: readonly string[],
  rows: readonly DemandAnomalyInput[],
) {
  await db.query(
    `DELETE FROM demand_anomalies WHERE store_id = $1 AND product_id = ANY($2::uuid[])`,
    [storeId, productIds],
  );
  if (!rows.length) return;
  await db.query(
    `INSERT INTO demand_anomalies (store_id, product_id, day, kind, severity, observed, expected, lower, upper)
     SELECT $1, x.product_id, x.day, x.kind, x.severity, x.observed, x.expected, x.lower, x.upper
     FROM jsonb_to_recordset($2::jsonb) AS x(product_id uuid, day date, kind text, severity text,
       observed float8, expected float8, lower float8, upper float8)
     JOIN products p ON p.id = x.product_id AND p.store_id = $1`,
    [storeId, JSON.stringify(rows)],
  );
}

/** Anomalies of products the run no longer covers (deactivated since): from before it began. */
export async function deleteDemandAnomaliesBefore(db: Db, storeId: string, before: Date) {
  await db.query(`DELETE FROM demand_anomalies WHERE store_id = $1 AND calculated_at < $2`, [
    storeId,
    before,
  ]);
}

export interface AnomalyFilter {
  since: string;
  severity?: string;
  kinds: readonly string[];
}

export type DemandAnomalyRow = DemandAnomalyInput &
  Row<'demand_anomalies', 'id'> & { product_name: string };

export async function demandAnomalies(db: Db, storeId: string, f: AnomalyFilter) {
  const { rows } = await db.query<DemandAnomalyRow>(
    `SELECT a.id, a.product_id, p.name AS product_name, to_char(a.day, 'YYYY-MM-DD') AS day,
       a.kind, a.severity, a.observed, a.expected, a.lower, a.upper
     FROM demand_anomalies a JOIN products p ON p.id = a.product_id
     WHERE a.store_id = $1 AND a.day >= $2::date AND a.kind = ANY($3::text[])
       AND ($4::text IS NULL OR a.severity = $4)
     ORDER BY a.day DESC, a.id LIMIT 500`,
    [storeId, f.since, f.kinds, f.severity ?? null],
  );
  return rows;
}

export type CostIncreaseRow = Row<'invoice_lines', 'product_id'> & {
  line_id: string;
  product_name: string;
  supplier_id: string;
  supplier_name: string;
  day: string;
  unit_cost: string;
  previous_cost: string;
};

/**
 * Unit-cost increases between consecutive invoices of the same product and supplier (a read
 * model over the invoices module's invoice_lines): each invoice line with a product and a
 * cost, compared with the same product's line on the supplier's previous invoice (by invoice
 * date, then upload). Only increases of the last days.
 */
export async function costIncreases(db: Db, storeId: string, since: string) {
  const { rows } = await db.query<CostIncreaseRow>(
    `WITH lines AS (
       SELECT l.id AS line_id, l.product_id, i.supplier_id, l.unit_cost,
         coalesce(i.invoice_date, (i.created_at AT TIME ZONE st.timezone)::date) AS day,
         lag(l.unit_cost) OVER (PARTITION BY l.product_id, i.supplier_id
           ORDER BY coalesce(i.invoice_date, (i.created_at AT TIME ZONE st.timezone)::date), i.created_at, l.position)
           AS previous_cost
       FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id JOIN stores st ON st.id = i.store_id
       WHERE l.store_id = $1 AND i.store_id = $1 AND l.product_id IS NOT NULL
         AND i.supplier_id IS NOT NULL AND l.unit_cost IS NOT NULL
     )
     SELECT x.line_id, x.product_id, p.name AS product_name, x.supplier_id, s.name AS supplier_name,
       to_char(x.day, 'YYYY-MM-DD') AS day, x.unit_cost, x.previous_cost
     FROM lines x JOIN products p ON p.id = x.product_id JOIN suppliers s ON s.id = x.supplier_id
     WHERE x.day >= $2::date AND x.previous_cost > 0 AND x.unit_cost > x.previous_cost
     ORDER BY x.day DESC, x.line_id LIMIT 500`,
    [storeId, since],
  );
  return rows;
}
