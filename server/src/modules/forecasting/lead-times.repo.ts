import type { Db } from '../../db/pool';

export interface SupplierLeadTime {
  supplier_id: string;
  name: string;
  /** The supplier's stated lead time (its terms). */
  lead_time_days: number | null;
  /** Measured: the average days from ordered to completed over its received orders. */
  measured_days: number | null;
  measured_orders: number;
}

/**
 * The store's suppliers with their stated and measured lead times. Measured as supplier
 * performance measures it (purchasing/supplier-reads.repo.ts: ordered → completed, in
 * days) over the completed orders of the last year: a read model over purchasing's orders,
 * one query for every supplier instead of one per supplier.
 */
export async function supplierLeadTimes(
  db: Db,
  storeId: string,
): Promise<Map<string, SupplierLeadTime>> {
  const { rows } = await db.query<SupplierLeadTime>(
    `SELECT s.id AS supplier_id, s.name, s.lead_time_days, m.days AS measured_days,
       coalesce(m.n, 0)::int AS measured_orders
     FROM suppliers s
     LEFT JOIN (
       SELECT po.supplier_id, avg(extract(epoch FROM po.completed_at - po.ordered_at) / 86400)::float8 AS days,
         count(*) AS n
       FROM purchase_orders po
       WHERE po.store_id = $1 AND po.status = 'completed'
         AND po.ordered_at >= now() - interval '365 days'
       GROUP BY po.supplier_id
     ) m ON m.supplier_id = s.id
     WHERE s.store_id = $1`,
    [storeId],
  );
  return new Map(rows.map((r) => [r.supplier_id, r]));
}
