import type { StoreContext } from '../../core/context';
import { seesMoney } from '../../core/money';

interface Dashboard {
  totals: { inventoryValueCost: number | null; inventoryValueRetail: number | null };
  categoryBreakdown: Array<{ valueCost: number | null; valueRetail: number | null }>;
  topMovers: Array<{ revenue: number | null }>;
  salesTrend: Array<{ revenue: number | null }>;
}

/**
 * The dashboard as the caller may see it (the money rule, core/money.ts): money only with
 * `reports:view`; for the others
 * every money figure is null. Applied to the cached dashboard on the way out, so the one cached
 * copy (with money) is never what an employee is sent.
 */
export function visibleDashboard<D extends Dashboard>(ctx: StoreContext, d: D): D {
  if (seesMoney(ctx.role)) return d;
  return {
    ...d,
    totals: { ...d.totals, inventoryValueCost: null, inventoryValueRetail: null },
    categoryBreakdown: d.categoryBreakdown.map((c) => ({
      ...c,
      valueCost: null,
      valueRetail: null,
    })),
    topMovers: d.topMovers.map((m) => ({ ...m, revenue: null })),
    salesTrend: d.salesTrend.map((day) => ({ ...day, revenue: null })),
  };
}
