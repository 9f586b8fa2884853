import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

/**
 * `demand_per_day`: the demand figure (prediction.ts `demandFigure`); null on rows stored
 * before it existed.
 */
export type PredictionRow = Row<
  'product_predictions',
  | 'product_id'
  | 'avg_daily_sales'
  | 'demand_per_day'
  | 'current_stock'
  | 'days_left'
  | 'reorder_point'
  | 'safety_stock'
  | 'suggested_quantity'
  | 'lead_time_days'
  | 'service_level'
  | 'reorder_method'
  | 'calculated_at'
> & {
  demand_source: 'forecast' | 'average_30d' | null;
  /** `YYYY-MM-DD` */
  stockout_date: string | null;
};

export type PredictionInput = Omit<PredictionRow, 'calculated_at'>;

const COLUMNS = `product_id, avg_daily_sales, demand_per_day, demand_source, current_stock, days_left,
  to_char(stockout_date, 'YYYY-MM-DD') AS stockout_date, reorder_point, safety_stock,
  suggested_quantity, lead_time_days, service_level, reorder_method, calculated_at`;

/**
 * Upserts a batch in one statement, of products the store has (the callers leave out any
 * deleted since they were read: forecasting's `existing`).
 */
export async function savePredictions(
  db: Db,
  storeId: string,
  rows: readonly PredictionInput[],
): Promise<PredictionRow[]> {
  if (!rows.length) return [];
  const { rows: saved } = await db.query<PredictionRow>(
    `INSERT INTO product_predictions AS t (store_id, product_id, avg_daily_sales, demand_per_day,
       demand_source, current_stock,
       days_left, stockout_date, reorder_point, safety_stock, suggested_quantity, lead_time_days,
       service_level, reorder_method, calculated_at)
     SELECT $1, x.product_id, x.avg_daily_sales, x.demand_per_day, x.demand_source, x.current_stock, x.days_left, x.stockout_date,
       x.reorder_point, x.safety_stock, x.suggested_quantity, x.lead_time_days, x.service_level,
       x.reorder_method, now()
     FROM jsonb_to_recordset($2::jsonb) AS x(product_id uuid, avg_daily_sales float8,
       demand_per_day float8, demand_source text, current_stock int, days_left float8, stockout_date date, reorder_point float8,
       safety_stock float8, suggested_quantity int, lead_time_days float8, service_level float8,
       reorder_method text)
     ON CONFLICT (store_id, product_id) DO UPDATE SET avg_daily_sales = excluded.avg_daily_sales,
       demand_per_day = excluded.demand_per_day, demand_source = excluded.demand_source,
       current_stock = excluded.current_stock, days_left = excluded.days_left,
       stockout_date = excluded.stockout_date, reorder_point = excluded.reorder_point,
       safety_stock = excluded.safety_stock, suggested_quantity = excluded.suggested_quantity,
       lead_time_days = excluded.lead_time_days, service_level = excluded.service_level,
       reorder_method = excluded.reorder_method, calculated_at = excluded.calculated_at
     RETURNING ${COLUMNS}`,
    [storeId, JSON.stringify(rows)],
  );
  return saved;
}

export async function predictionsOf(
  db: Db,
  storeId: string,
  productIds: readonly string[],
): Promise<PredictionRow[]> {
  const { rows } = await db.query<PredictionRow>(
    `SELECT ${COLUMNS} FROM product_predictions
     WHERE store_id = $1 AND product_id = ANY($2::uuid[]) ORDER BY product_id`,
    [storeId, productIds],
  );
  return rows;
}
