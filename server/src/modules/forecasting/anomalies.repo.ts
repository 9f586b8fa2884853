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

/**
 * Replaces the stored demand anomalies of these products with what this run found (rows of
 * products the store still has: recalculate.ts leaves out any deleted meanwhile).
 */
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
       observed float8, expected float8, lower float8, upper float8)`,
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

export type DemandAnomalyRow = DemandAnomalyInput & Row<'demand_anomalies', 'id'>;

/** The stored anomalies, newest first, at most 500 (anomalies.ts names their products). */
export async function demandAnomalies(db: Db, storeId: string, f: AnomalyFilter) {
  const { rows } = await db.query<DemandAnomalyRow>(
    `SELECT a.id, a.product_id, to_char(a.day, 'YYYY-MM-DD') AS day,
       a.kind, a.severity, a.observed, a.expected, a.lower, a.upper
     FROM demand_anomalies a
     WHERE a.store_id = $1 AND a.day >= $2::date AND a.kind = ANY($3::text[])
       AND ($4::text IS NULL OR a.severity = $4)
     ORDER BY a.day DESC, a.id LIMIT 500`,
    [storeId, f.since, f.kinds, f.severity ?? null],
  );
  return rows;
}
