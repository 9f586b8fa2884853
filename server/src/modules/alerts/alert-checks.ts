import type { Db } from '../../db/pool';
import type { ForecastReads } from '../forecasting/forecasting.reads';
import type { InventoryReads } from '../inventory/inventory.reads';
import type { InvoiceReads } from '../invoices/invoices.reads';
import type { FailingJobs } from '../jobs/jobs.reads';
import type { PurchasingReads } from '../purchasing/purchasing.reads';
import type { WebhookReads } from '../webhooks/webhooks.reads';
import type { AlertKind, Condition } from './alerts.repo';

/** Days ahead an expiry date warns (`expiring`); past it, `expired`. */
export const EXPIRY_WARNING_DAYS = 7;
/** Days ahead a pending invoice's due date warns (`invoice_due`); past it, `invoice_overdue`. */
export const INVOICE_DUE_DAYS = 3;

/** Days back an unusual day of demand stays an alert. */
export const ANOMALY_DAYS = 7;

export interface CheckReads {
  lowOrOut: InventoryReads['lowOrOut'];
  inStock: InventoryReads['inStock'];
  named: InventoryReads['activeNames'];
  sellingRates: ForecastReads['sellingRates'];
  notableAnomalies: ForecastReads['notableAnomalies'];
  /** Units on open orders per product (purchasing's, overdue orders left out). */
  onOrder(db: Db, storeId: string, productIds: readonly string[]): Promise<Map<string, number>>;
  expiringBy: InventoryReads['expiringBy'];
  lateOrders: PurchasingReads['lateOrders'];
  dueInvoices: InvoiceReads['dueInvoices'];
  /** The store's announced kinds of job failing since their last success, with their names. */
  failingJobs(db: Db, storeId: string): Promise<(FailingJobs & { what: string })[]>;
  /** The store's webhook endpoints disabled after a run of failed deliveries. */
  disabledWebhooks: WebhookReads['disabledByFailures'];
}

/** One check: the kinds of alert it decides, and the conditions holding now. */
export interface Check {
  kinds: readonly AlertKind[];
  find(db: Db, storeId: string, today: string): Promise<Condition[]>;
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const units = (n: number) => `${n} ${n === 1 ? 'unit' : 'units'}`;

/** The checks by name, as the schedules run them. */
export function alertChecks(
  reads: CheckReads,
): Record<'levels' | 'stock' | 'expiry' | 'purchasing' | 'jobs' | 'webhooks', Check> {
  /**
   * Products in stock that run out before a delivery ordered now could arrive: today's stock
   * plus what is already on order lasts fewer days, at the last calculation's selling rate,
   * than the lead time. (At 0 a product is out of stock instead.)
   */
  async function runningOut(db: Db, storeId: string): Promise<Condition[]> {
    const rates = new Map((await reads.sellingRates(db, storeId)).map((r) => [r.productId, r]));
    const stocked = await reads.inStock(db, storeId, [...rates.keys()]);
    const onOrder = await reads.onOrder(
      db,
      storeId,
      stocked.map((p) => p.productId),
    );
    const out: Condition[] = [];
    for (const p of stocked) {
      const rate = rates.get(p.productId);
      if (!rate) continue;
      const coming = onOrder.get(p.productId) ?? 0;
      const days = (p.quantity + coming) / rate.avgDailySales;
      const lead = Math.ceil(rate.leadTimeDays);
      if (days >= lead) continue;
      const lasts = Math.max(0, Math.floor(days));
      out.push({
        kind: 'stockout_risk',
        subjectType: 'product',
        subjectId: p.productId,
        title:
          `${p.name} runs out in about ${lasts} ${lasts === 1 ? 'day' : 'days'}` +
          `${coming ? ` (with ${units(coming)} on order)` : ''}; ` +
          `a new order takes ${lead} ${lead === 1 ? 'day' : 'days'} to arrive`,
        detail: {
          quantity: p.quantity,
          onOrder: coming,
          perDay: Math.round(rate.avgDailySales * 100) / 100,
          daysLeft: Math.round(days * 10) / 10,
          leadTimeDays: lead,
        },
      });
    }
    return out;
  }

  /** Each product's most notable unusual day of demand in the last week. */
  async function unusualDemand(db: Db, storeId: string, today: string): Promise<Condition[]> {
    const found = await reads.notableAnomalies(db, storeId, addDays(today, -ANOMALY_DAYS));
    if (!found.length) return [];
    const names = new Map(
      (
        await reads.named(
          db,
          storeId,
          found.map((a) => a.productId),
        )
      ).map((p) => [p.id, p.name]),
    );
    return found.flatMap((a) => {
      const name = names.get(a.productId);
      if (!name) return [];
      const observed = Math.round(a.observed);
      const expected = Math.round(a.expected);
      return [
        {
          kind: 'demand_anomaly' as const,
          subjectType: 'product' as const,
          subjectId: a.productId,
          title:
            a.kind === 'demand_spike'
              ? `${name} sold far more than usual on ${a.day}: ${observed}, about ${expected} expected`
              : `${name} sold far less than usual on ${a.day}: ${observed}, about ${expected} expected`,
          detail: { day: a.day, kind: a.kind, severity: a.severity, observed, expected },
        },
      ];
    });
  }

  /** Products at or below their reorder point, or out of stock: one read. */
  async function levels(db: Db, storeId: string): Promise<Condition[]> {
    const rows = await reads.lowOrOut(db, storeId);
    return rows.map((p) =>
      p.quantity === 0
        ? {
            kind: 'out_of_stock' as const,
            subjectType: 'product' as const,
            subjectId: p.productId,
            title: `${p.name} is out of stock`,
            detail: { quantity: 0, reorderPoint: p.reorderPoint },
          }
        : {
            kind: 'low_stock' as const,
            subjectType: 'product' as const,
            subjectId: p.productId,
            title: `${p.name} is low: ${units(p.quantity)} left, reorder point ${p.reorderPoint}`,
            detail: { quantity: p.quantity, reorderPoint: p.reorderPoint },
          },
    );
  }

  return {
    // After a stock change only the levels can have crossed a line: no forecast is read.
    levels: { kinds: ['low_stock', 'out_of_stock'], find: (db, storeId) => levels(db, storeId) },
    stock: {
      kinds: ['low_stock', 'out_of_stock', 'stockout_risk', 'demand_anomaly'],
      async find(db, storeId, today) {
        return [
          ...(await levels(db, storeId)),
          ...(await runningOut(db, storeId)),
          ...(await unusualDemand(db, storeId, today)),
        ];
      },
    },
    expiry: {
      kinds: ['expiring', 'expired'],
      async find(db, storeId, today) {
        const rows = await reads.expiringBy(db, storeId, addDays(today, EXPIRY_WARNING_DAYS));
        return rows.map((p) => {
          const expired = (p.expiresOn ?? today) < today;
          return {
            kind: expired ? ('expired' as const) : ('expiring' as const),
            subjectType: 'product' as const,
            subjectId: p.productId,
            title: expired
              ? `${p.name} expired on ${p.expiresOn}: ${units(p.quantity)} still in stock`
              : `${p.name} expires on ${p.expiresOn}: ${units(p.quantity)} in stock`,
            detail: { expiresOn: p.expiresOn, quantity: p.quantity },
          };
        });
      },
    },
    purchasing: {
      kinds: ['delivery_late', 'invoice_due', 'invoice_overdue'],
      async find(db, storeId, today) {
        const orders = await reads.lateOrders(db, storeId, today);
        const invoices = await reads.dueInvoices(db, storeId, addDays(today, INVOICE_DUE_DAYS));
        return [
          ...orders.map((o) => ({
            kind: 'delivery_late' as const,
            subjectType: 'purchase_order' as const,
            subjectId: o.id,
            title: `${o.orderNumber} was expected on ${o.expectedOn} and has not arrived`,
            detail: { orderNumber: o.orderNumber, expectedOn: o.expectedOn },
          })),
          ...invoices.map((i) => {
            const overdue = i.dueOn < today;
            const name = i.invoiceNumber ? `Invoice ${i.invoiceNumber}` : 'An invoice';
            return {
              kind: overdue ? ('invoice_overdue' as const) : ('invoice_due' as const),
              subjectType: 'invoice' as const,
              subjectId: i.id,
              title: overdue ? `${name} was due on ${i.dueOn}` : `${name} is due on ${i.dueOn}`,
              detail: { invoiceNumber: i.invoiceNumber, dueOn: i.dueOn },
            };
          }),
        ];
      },
    },
    // A failing kind of job is one alert, about its first failure, until one succeeds.
    jobs: {
      kinds: ['job_failed'],
      async find(db, storeId) {
        return (await reads.failingJobs(db, storeId)).map((j) => ({
          kind: 'job_failed' as const,
          subjectType: 'job' as const,
          subjectId: j.firstJobId,
          title: `${j.what} failed${j.error ? `: ${j.error}` : ''}`.slice(0, 300),
          detail: { jobType: j.type, error: j.error, failures: j.failures },
        }));
      },
    },
    webhooks: {
      kinds: ['webhook_disabled'],
      async find(db, storeId) {
        return (await reads.disabledWebhooks(db, storeId)).map((w) => ({
          kind: 'webhook_disabled' as const,
          subjectType: 'webhook' as const,
          subjectId: w.id,
          title: `Webhook to ${w.url} disabled after failed deliveries`.slice(0, 300),
          detail: { url: w.url, reason: w.disabled_reason },
        }));
      },
    },
  };
}
