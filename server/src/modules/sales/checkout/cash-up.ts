import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { Db } from '../../../db/pool';
import type { StoreContext } from '../../../core/context';
import { ValidationError } from '../../../core/errors';
import { toCents } from '../../../core/limits';
import type { UserReads } from '../../auth/auth.reads';
import { PAYMENT_METHODS } from './sale-checkout.schemas';
import * as repo from './cash-up.repo';

const amount = (cents: bigint) => Number(cents) / 100;
const byMethod = (rows: Array<{ method: string | null; amount: string }>) =>
  PAYMENT_METHODS.map((method) => ({
    method,
    amount: Number(rows.find((r) => r.method === method)?.amount ?? 0),
  }));

/** The store's calendar date now, in its time zone. */
export const todayIn = (timezone: string, now = new Date()) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(now);

/**
 * The cash-up of one store day (its calendar date in the store's time zone): sales and
 * their payments by method, the change given, refunds by method, voids, and the cash the
 * drawer should hold from them: cash tendered − change − cash refunds. Also per person who
 * rang sales up (the store has no tills), and the counts of the drawer recorded for the day
 * (`counted`: the latest, with its difference from what was expected when it was counted).
 */
export async function cashUp(
  pool: Pool,
  ctx: StoreContext,
  day: string,
  timezone: string,
  userNames: UserReads['namesOf'],
) {
  const [r, people, counts] = await Promise.all([
    repo.cashUp(pool, ctx.storeId, day, timezone),
    repo.byPerson(pool, ctx.storeId, day, timezone),
    repo.countsOf(pool, ctx.storeId, day),
  ]);
  const names = await userNames(pool, [
    ...people.map((p) => p.user_id),
    ...counts.map((c) => c.counted_by),
  ]);
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? null } : null);
  const paid = new Map(r.payments.map((p) => [p.method, p]));
  const refunded = new Map(r.refunds.map((x) => [x.method ?? 'unspecified', x]));
  const cashIn = toCents(paid.get('cash')?.amount ?? 0);
  const cashOut = toCents(refunded.get('cash')?.amount ?? 0);
  const change = toCents(r.change_given);
  const shown = counts.map((c) => countView(c, person(c.counted_by)));
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
    people: people.map((p) => ({
      user: person(p.user_id),
      sales: p.sales,
      total: Number(p.total),
      payments: byMethod(p.payments),
      changeGiven: Number(p.change_given),
    })),
    counted: shown[0] ?? null,
    counts: shown,
  };
}

function countView(c: repo.CashCountRow, countedBy: { id: string; name: string | null } | null) {
  const counted = toCents(c.counted_cash);
  const expected = toCents(c.expected_cash);
  return {
    id: c.id,
    countedCash: Number(c.counted_cash),
    expectedCash: Number(c.expected_cash),
    difference: amount(counted - expected),
    note: c.note,
    countedBy,
    countedAt: c.counted_at.toISOString(),
  };
}

/**
 * Records the cash counted in the drawer for a store day, against what the day's sales say
 * it should hold now. Not a day after the store's today.
 */
export async function countCash(
  db: Db,
  ctx: StoreContext,
  input: { date: string; countedCash: number; note?: string | null },
  timezone: string,
  userNames: UserReads['namesOf'],
) {
  if (input.date > todayIn(timezone)) {
    throw new ValidationError([
      {
        field: 'date',
        message: `is after the store's today (${todayIn(timezone)}, ${timezone}): count a day that has begun`,
        code: 'too_big',
      },
    ]);
  }
  const { expectedCash } = await cashUpExpected(db, ctx, input.date, timezone);
  const row = await repo.insertCount(db, ctx.storeId, {
    id: randomUUID(),
    day: input.date,
    counted: input.countedCash,
    expected: expectedCash,
    note: input.note ?? null,
    userId: ctx.userId,
  });
  const names = await userNames(db, [ctx.userId]);
  return countView(row, { id: ctx.userId, name: names.get(ctx.userId) ?? null });
}

async function cashUpExpected(db: Db, ctx: StoreContext, day: string, timezone: string) {
  const r = await repo.cashUp(db, ctx.storeId, day, timezone);
  const cashIn = toCents(r.payments.find((p) => p.method === 'cash')?.amount ?? 0);
  const cashOut = toCents(r.refunds.find((x) => x.method === 'cash')?.amount ?? 0);
  return { expectedCash: amount(cashIn - toCents(r.change_given) - cashOut) };
}
