import type { Pool } from 'pg';
import type { StoreContext } from '../../core/context';
import { num, round, share } from './groups';
import { addDays, periodOf, resolvePeriod, shownPeriod } from './period';
import type { VendorParams } from './reports.schemas';
import * as repo from './vendor-performance.repo';
import { SCORE_WEIGHTS, scoreOf } from './vendor-score';

const DEFAULT_DAYS = 90;

/** What the report needs of the suppliers module: its performance figures over months. */
export interface SupplierPerformance {
  performanceBetween(
    ctx: Pick<StoreContext, 'storeId'>,
    id: string,
    fromMonth: string,
    toMonth: string,
  ): Promise<{
    metrics: {
      onTimeDeliveryRate: number | null;
      averageLeadTimeDays: number | null;
      totalOrders: number;
      cancelledOrders: number;
      totalValue: number;
    };
  }>;
}

/** The last day of the month of `date`. */
const monthEnd = (date: string) => {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return addDays(new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10), -1);
};

/** Suppliers ranked by score, over the whole months the period touches. */
export async function vendorPerformanceReport(
  pool: Pool,
  suppliers: SupplierPerformance,
  storeId: string,
  timezone: string,
  params: VendorParams,
  opts: { progress?: (share: number) => Promise<void> } = {},
) {
  const asked = resolvePeriod(params, timezone, DEFAULT_DAYS);
  const period = periodOf(`${asked.from.slice(0, 7)}-01`, monthEnd(asked.to), timezone);
  const [list, delivery] = await Promise.all([
    repo.suppliersOf(pool, storeId),
    repo.deliveryAndPrices(pool, storeId, period.start, period.end),
  ]);
  const figures = [];
  // One supplier at a time: a store has tens of suppliers, and each is a small query.
  for (const s of list) {
    const { metrics } = await suppliers.performanceBetween(
      { storeId },
      s.id,
      period.from.slice(0, 7),
      period.to.slice(0, 7),
    );
    const d = delivery.get(s.id);
    figures.push({
      supplierId: s.id,
      name: s.name,
      onTimeDeliveryRate: metrics.onTimeDeliveryRate,
      fillRate: d ? share(num(d.received), num(d.ordered)) : null,
      averageLeadTimeDays: metrics.averageLeadTimeDays,
      priceChange: d?.price_change == null ? null : round(num(d.price_change), 4),
      spend: metrics.totalValue,
      orders: metrics.totalOrders,
      cancelledOrders: metrics.cancelledOrders,
    });
    if (opts.progress) await opts.progress(figures.length / list.length);
  }
  const leads = figures.flatMap((f) =>
    f.orders && f.averageLeadTimeDays !== null ? [f.averageLeadTimeDays] : [],
  );
  const fastest = leads.length ? Math.min(...leads) : null;
  const largest = Math.max(0, ...figures.map((f) => f.spend));
  const scored = figures
    .map((f) => ({ ...f, score: scoreOf(f, fastest, largest) }))
    .sort(
      (a, b) =>
        (b.score ?? -1) - (a.score ?? -1) || b.spend - a.spend || a.name.localeCompare(b.name),
    );
  return {
    period: shownPeriod(period),
    weights: SCORE_WEIGHTS,
    rows: scored.map((f, i) => ({
      rank: i + 1,
      supplierId: f.supplierId,
      name: f.name,
      score: f.score,
      onTimeDeliveryRate: f.onTimeDeliveryRate,
      fillRate: f.fillRate,
      averageLeadTimeDays: f.averageLeadTimeDays,
      priceChange: f.priceChange,
      spend: f.spend,
      orders: f.orders,
      cancelledOrders: f.cancelledOrders,
    })),
  };
}

export type VendorPerformanceReport = Awaited<ReturnType<typeof vendorPerformanceReport>>;
