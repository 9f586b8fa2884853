import type { Db } from '../../db/pool';
import type { Row } from '../../db/rows';

/** A product's stored daily forecast (product_forecasts). */
export type StoredForecast = Row<
  'product_forecasts',
  | 'product_id'
  | 'method'
  | 'message'
  | 'level'
  | 'mean'
  | 'lower'
  | 'upper'
  | 'sigma'
  | 'total_sd'
  | 'accuracy'
  | 'factors'
  | 'calculated_at'
> & {
  status: 'ok' | 'insufficient_history';
  /** `YYYY-MM-DD` */
  start_date: string;
};

export type ForecastInput = Omit<StoredForecast, 'calculated_at'>;

/**
 * Upserts a batch of forecasts in one statement (a JSON array unpacked by PostgreSQL), of
 * products the store still has (recalculate.ts leaves out any deleted meanwhile).
 */
export async function saveForecasts(db: Db, storeId: string, rows: readonly ForecastInput[]) {
  if (!rows.length) return;
  await db.query(
    `INSERT INTO product_forecasts AS f (store_id, product_id, status, method, message, start_date,
       level, mean, lower, upper, sigma, total_sd, accuracy, factors, calculated_at)
     SELECT $1, x.product_id, x.status, x.method, x.message, x.start_date, x.level, x.mean,
       x.lower, x.upper, x.sigma, x.total_sd, x.accuracy, coalesce(x.factors, '[]'), now()
     FROM jsonb_to_recordset($2::jsonb) AS x(product_id uuid, status text, method text,
       message text, start_date date, level float8, mean float8[], lower float8[],
       upper float8[], sigma float8, total_sd float8[], accuracy jsonb, factors jsonb)
     ON CONFLICT (store_id, product_id) DO UPDATE SET status = excluded.status,
       method = excluded.method, message = excluded.message, start_date = excluded.start_date,
       level = excluded.level, mean = excluded.mean, lower = excluded.lower,
       upper = excluded.upper, sigma = excluded.sigma, total_sd = excluded.total_sd, accuracy = excluded.accuracy,
       factors = excluded.factors, calculated_at = excluded.calculated_at`,
    [storeId, JSON.stringify(rows)],
  );
}

/**
 * A stored forecast is used for this long: the recalculation runs daily, and one missed run
 * should not send every reader back to forecasting on the fly.
 */
export const FRESH_FORECAST_MS = 2 * 86_400_000;

/** Stored forecasts of these products calculated after `since` (by default: fresh ones). */
export async function forecastsOf(
  db: Db,
  storeId: string,
  productIds: readonly string[],
  since = new Date(Date.now() - FRESH_FORECAST_MS),
): Promise<Map<string, StoredForecast>> {
  const { rows } = await db.query<StoredForecast>(
    `SELECT product_id, status, method, message, to_char(start_date, 'YYYY-MM-DD') AS start_date,
       level, mean, lower, upper, sigma, total_sd, accuracy, factors, calculated_at
     FROM product_forecasts
     WHERE store_id = $1 AND product_id = ANY($2::uuid[]) AND calculated_at >= $3`,
    [storeId, productIds, since],
  );
  return new Map(rows.map((r) => [r.product_id, r]));
}
