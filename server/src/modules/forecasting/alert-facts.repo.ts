import type { Db } from '../../db/pool';

/** A product's selling rate and lead time from the last calculation (selling products only). */
export interface SellingRate {
  productId: string;
  avgDailySales: number;
  leadTimeDays: number;
}

/** The most notable unusual day of a product since a day (high before medium before low). */
export interface NotableAnomaly {
  productId: string;
  day: string;
  kind: 'demand_spike' | 'demand_drop';
  severity: 'low' | 'medium' | 'high';
  observed: number;
  expected: number;
}

export async function sellingRates(db: Db, storeId: string): Promise<SellingRate[]> {
  const { rows } = await db.query<{
    product_id: string;
    avg_daily_sales: number;
    lead_time_days: number;
  }>(
    `SELECT product_id, avg_daily_sales, lead_time_days FROM product_predictions
     WHERE store_id = $1 AND avg_daily_sales > 0 AND lead_time_days IS NOT NULL`,
    [storeId],
  );
  return rows.map((r) => ({
    productId: r.product_id,
    avgDailySales: r.avg_daily_sales,
    leadTimeDays: r.lead_time_days,
  }));
}

export async function notableAnomalies(
  db: Db,
  storeId: string,
  sinceDay: string,
): Promise<NotableAnomaly[]> {
  const { rows } = await db.query<{
    product_id: string;
    day: string;
    kind: NotableAnomaly['kind'];
    severity: NotableAnomaly['severity'];
    observed: number;
    expected: number;
  }>(
    `SELECT DISTINCT ON (product_id) product_id, day::text AS day, kind, severity, observed, expected
     FROM demand_anomalies
     WHERE store_id = $1 AND day >= $2::date
     ORDER BY product_id,
       CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END, day DESC`,
    [storeId, sinceDay],
  );
  return rows.map((r) => ({
    productId: r.product_id,
    day: r.day,
    kind: r.kind,
    severity: r.severity,
    observed: r.observed,
    expected: r.expected,
  }));
}
