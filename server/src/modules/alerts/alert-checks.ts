import type { Db } from '../../db/pool';
import type { InventoryReads } from '../inventory/inventory.reads';
import type { InvoiceReads } from '../invoices/invoices.reads';
import type { PurchasingReads } from '../purchasing/purchasing.reads';
import type { AlertKind, Condition } from './alerts.repo';

/** Days ahead an expiry date warns (`expiring`); past it, `expired`. */
export const EXPIRY_WARNING_DAYS = 7;
/** Days ahead a pending invoice's due date warns (`invoice_due`); past it, `invoice_overdue`. */
export const INVOICE_DUE_DAYS = 3;

export interface CheckReads {
  lowOrOut: InventoryReads['lowOrOut'];
  expiringBy: InventoryReads['expiringBy'];
  lateOrders: PurchasingReads['lateOrders'];
  dueInvoices: InvoiceReads['dueInvoices'];
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
export function alertChecks(reads: CheckReads): Record<'stock' | 'expiry' | 'purchasing', Check> {
  return {
    stock: {
      kinds: ['low_stock', 'out_of_stock'],
      async find(db, storeId) {
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
  };
}
