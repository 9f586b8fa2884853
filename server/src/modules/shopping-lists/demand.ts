import type { Db } from '../../db/pool';

/** The window the average is taken over. */
export const DEMAND_WINDOW_DAYS = 30;

/**
 * Expected units sold per day over the next `horizonDays`, per product: for now the average
 * daily sales of the last 30 days (units of completed sales, less the units refunded from
 * them; voided sales count for nothing), whatever the horizon. This is the one place demand
 * is computed for reorder lists: the forecasting issue replaces the body, not the callers.
 * One query for all the products; a product without sales is 0.
 */
export async function dailyDemand(
  db: Db,
  storeId: string,
  productIds: readonly string[],
  // Unused by the average; a forecast needs it.
  _horizonDays: number,
): Promise<Map<string, number>> {
  const demand = new Map<string, number>(productIds.map((id) => [id, 0]));
  if (!productIds.length) return demand;
  const { rows } = await db.query<{ product_id: string; units: string }>(
    `SELECT si.product_id,
       sum(si.quantity) - coalesce(sum((SELECT sum(ri.quantity) FROM sale_refund_items ri
                                        WHERE ri.sale_item_id = si.id)), 0) AS units
     FROM sale_items si
     JOIN sales s ON s.id = si.sale_id AND s.store_id = $1
     WHERE si.store_id = $1 AND si.product_id = ANY($2::uuid[])
       AND si.sold_at >= now() - make_interval(days => $3) AND s.status <> 'voided'
     GROUP BY si.product_id`,
    [storeId, productIds, DEMAND_WINDOW_DAYS],
  );
  for (const r of rows) demand.set(r.product_id, Math.max(0, Number(r.units)) / DEMAND_WINDOW_DAYS);
  return demand;
}
