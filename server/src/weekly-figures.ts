import type { Pool } from 'pg';
import { ALERT_KIND_WORDS } from './core/alerts';
import { todayIn } from './core/calendar';
import type { Reads } from './reads';
import type { AlertsService } from './modules/alerts/alerts.service';
import type { AnalyticsService } from './modules/analytics/analytics.service';
import type { WeekFigures } from './modules/notifications/weekly-summary';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The weekly summary's figures, each from the module that owns them (analytics for sales,
 * alerts, purchasing's and invoices' reads, the store's profile): the seven local days before
 * today against the seven before those.
 */
export function weekFigures(d: {
  pool: Pool;
  reads: Reads;
  analytics: AnalyticsService;
  alerts: AlertsService;
}) {
  return async (storeId: string, now: Date): Promise<WeekFigures | undefined> => {
    const store = await d.reads.stores.profileIn(d.pool, storeId);
    if (!store) return undefined;
    const { timezone } = store;
    const today = todayIn(timezone, now);
    const from = addDays(today, -7);
    const [week, weekBefore, alerts, late, due] = await Promise.all([
      d.analytics.salesOver(storeId, timezone, from, today, 5),
      d.analytics.salesOver(storeId, timezone, addDays(from, -7), from, 0),
      d.alerts.openedSince(storeId, from, timezone),
      d.reads.purchasing.lateOrders(d.pool, storeId, today),
      d.reads.invoices.dueInvoices(d.pool, storeId, today),
    ]);
    return {
      storeName: store.name,
      currency: store.currency,
      from,
      to: today,
      week: { sales: week.sales, revenue: week.revenue },
      weekBefore: { sales: weekBefore.sales, revenue: weekBefore.revenue },
      top: week.top,
      alerts: alerts.map((a) => ({ ...a, kind: ALERT_KIND_WORDS[a.kind] })),
      lateDeliveries: late.map((o) => ({ orderNumber: o.orderNumber, expectedOn: o.expectedOn })),
      overdueInvoices: due
        .filter((i) => i.dueOn < today)
        .map((i) => ({ invoiceNumber: i.invoiceNumber, dueOn: i.dueOn })),
    };
  };
}
