import type { Pool } from 'pg';
import type { StoreContext } from '../../../core/context';
import { toCents } from '../../../core/limits';
import { PAYMENT_METHODS } from './sale-checkout.schemas';
import { cashUp as read } from './cash-up.repo';

const amount = (cents: bigint) => Number(cents) / 100;

/**
 * The cash-up of one store day (its calendar date in the store's time zone): sales and
 * their payments by method, the change given, refunds by method, voids, and the cash the
 * drawer should hold from them: cash tendered − change − cash refunds.
 */
export async function cashUp(pool: Pool, ctx: StoreContext, day: string, timezone: string) {
  const r = await read(pool, ctx.storeId, day, timezone);
  const paid = new Map(r.payments.map((p) => [p.method, p]));
  const refunded = new Map(r.refunds.map((x) => [x.method ?? 'unspecified', x]));
  const cashIn = toCents(paid.get('cash')?.amount ?? 0);
  const cashOut = toCents(refunded.get('cash')?.amount ?? 0);
  const change = toCents(r.change_given);
  return {
    date: day,
    timezone,
    sales: { count: r.sales, total: Number(r.sales_total) },
    taxTotal: Number(r.tax_total),
    discountTotal: Number(r.discount_total),
    payments: PAYMENT_METHODS.map((method) => ({
      method,
      count: paid.get(method)?.count ?? 0,
      amount: Number(paid.get(method)?.amount ?? 0),
    })),
    changeGiven: amount(change),
    refunds: [...PAYMENT_METHODS, 'unspecified' as const].map((method) => ({
      method,
      count: refunded.get(method)?.count ?? 0,
      amount: Number(refunded.get(method)?.amount ?? 0),
    })),
    voids: { count: r.voids, total: Number(r.voids_total) },
    expectedCash: amount(cashIn - change - cashOut),
  };
}
