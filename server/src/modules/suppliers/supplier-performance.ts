import type { MonthRow } from '../purchasing/purchasing.reads';

const round = (n: number, digits: number) => Number(n.toFixed(digits));
/** A ratio or average, or null when there is nothing to divide by. */
const ratio = (part: number, whole: number, digits: number) =>
  whole ? round(part / whole, digits) : null;

/** Sums months into the supplier's metrics (exact: sums and counts, never averages of averages). */
export function performanceOf(rows: MonthRow[]) {
  const sum = (pick: (r: MonthRow) => number) => rows.reduce((n, r) => n + pick(r), 0);
  const cents = sum((r) => Math.round(Number(r.value) * 100));
  const orders = sum((r) => r.orders);
  return {
    metrics: {
      onTimeDeliveryRate: ratio(
        sum((r) => r.on_time),
        sum((r) => r.with_due_date),
        4,
      ),
      averageLeadTimeDays: ratio(
        sum((r) => r.lead_days_sum),
        sum((r) => r.lead_n),
        1,
      ),
      totalOrders: orders,
      cancelledOrders: sum((r) => r.cancelled),
      totalValue: cents / 100,
      averageOrderValue: orders ? Math.round(cents / orders) / 100 : null,
    },
    trends: rows.map((r) => ({
      month: r.month,
      orders: r.orders,
      value: Number(r.value),
      onTimeRate: ratio(r.on_time, r.with_due_date, 4),
      averageLeadTimeDays: ratio(r.lead_days_sum, r.lead_n, 1),
    })),
  };
}

/**
 * A supplier's reliability, 0–100: the mean of its on-time rate (completed orders with an
 * expected day, completed by then) and its fill rate (units received over units ordered on its
 * closed orders), × 100; one of them alone when it has only that one; null without either (no
 * completed or part-received order yet).
 */
export function reliabilityOf(o: { onTimeRate: string | null; fillRate: string | null }) {
  const parts = [o.onTimeRate, o.fillRate].filter((v): v is string => v !== null).map(Number);
  if (!parts.length) return null;
  return Number(((parts.reduce((n, v) => n + v, 0) / parts.length) * 100).toFixed(1));
}
