import type { Pool, PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import {
  InvalidStateError,
  NotFoundError,
  ValidationError,
  type ErrorDetail,
} from '../../core/errors';
import type { StoreWriter } from '../events/events.service';
import type { InventoryService } from '../inventory/inventory.service';
import type { StoreReads } from '../stores/stores.reads';
import { countNote } from './counted-sales';
import { toCents } from '../../core/limits';
import { divHalfUp } from './checkout/pricing';
import type { SaleViews } from './sale-views';
import * as refunds from './refunds.repo';
import * as repo from './sales.repo';
import * as voids from './sale-voids.repo';
import type { RefundSaleInput, VoidSaleInput } from './sales.schemas';
import type { ApprovalsService } from './approvals/approvals.service';

/** How people see a sale's number: S-000123. */
export const saleLabel = (number: number) => `S-${String(number).padStart(6, '0')}`;

const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

/**
 * Undoing sales. A void says the sale should never have been rung up (a mis-scan, the wrong
 * basket): allowed on the sale's own day only, it marks the sale `voided`, puts all of its
 * stock back (except what a shelf count since the sale already found: counted-sales.ts) and
 * takes it out of revenue. A refund is a return that really happened, any day:
 * some or all units of some lines, money from the recorded prices, negative revenue on the
 * refund's day and, unless told otherwise, the units back in stock.
 *
 * Both lock the sale row first, so voids and refunds of one sale run one at a time and each
 * sees what the one before it committed. A sale with refunds is not voided: money has gone
 * back to a customer and the refund stays on the books; refunding what is left does the rest.
 */
export function createSaleReversals(deps: {
  pool: Pool;
  write: StoreWriter;
  inventory: InventoryService;
  timezoneIn: StoreReads['timezoneIn'];
  views: SaleViews;
  approvals: ApprovalsService;
}) {
  const { pool, write, inventory, views } = deps;

  async function lock(tx: PoolClient, ctx: StoreContext, id: string) {
    const timezone = (await deps.timezoneIn(tx, ctx.storeId)) ?? 'UTC';
    const sale = await repo.lockSale(tx, ctx.storeId, id, timezone);
    if (!sale) throw new NotFoundError('Sale');
    if (sale.status === 'voided') {
      throw new InvalidStateError(
        `Sale ${saleLabel(sale.number)} was voided: it can be neither voided nor refunded again`,
      );
    }
    return sale;
  }

  return {
    /** An employee's void and refund need a manager's approval (`approval`: its token). */
    voidSale(ctx: StoreContext, id: string, input: VoidSaleInput, approval?: string) {
      return write(ctx, async (tx, emit) => {
        await deps.approvals.use(tx, ctx, approval, { action: 'void', saleId: id });
        const sale = await lock(tx, ctx, id);
        const label = saleLabel(sale.number);
        const refundCount = await refunds.countForSale(tx, ctx.storeId, id);
        if (refundCount) {
          throw new InvalidStateError(
            `Sale ${label} has ${plural(refundCount, 'refund')} and can no longer be voided: refund its remaining lines instead`,
          );
        }
        if (!sale.today) {
          throw new InvalidStateError(
            `Sale ${label} was made on ${longDate.format(new Date(`${sale.day}T00:00:00Z`))} (store time, ${sale.timezone}); a sale can be voided only on the day it was made. Refund its lines instead`,
          );
        }
        await voids.markVoided(tx, ctx.storeId, id, { userId: ctx.userId, reason: input.reason });
        // In product id order, the order sales lock them in, so the two cannot deadlock. Locked
        // before the counts are read, so a count cannot slip in between.
        const sold = await voids.unitsByProduct(tx, ctx.storeId, id);
        const ids = sold.map((s) => s.productId);
        await inventory.lockForSale(tx, ctx.storeId, ids);
        // A count since the sale found its units on the shelf: they are not put back twice.
        const counted = await inventory.countsSince(tx, ctx.storeId, ids, sale.soldAt);
        for (const { productId, units } of sold) {
          await inventory.move(tx, emit, ctx, productId, units, 'void', {
            referenceType: 'sale',
            referenceId: id,
            note: `Void of ${label}: ${input.reason}`,
          });
          const count = counted.get(productId);
          if (count) {
            await inventory.move(tx, emit, ctx, productId, -units, 'count', {
              referenceType: 'sale',
              referenceId: id,
              at: count.at,
              unitCost: count.unitCost,
              note: countNote.voided(label, count.at, sale.timezone),
            });
          }
        }
        await emit('sale.voided', {
          saleId: id,
          number: sale.number,
          total: sale.total,
          reason: input.reason,
        });
        return (await views.find(tx, ctx.storeId, id))!;
      });
    },

    refund(ctx: StoreContext, saleId: string, input: RefundSaleInput, approval?: string) {
      return write(ctx, async (tx, emit) => {
        const approvalId = await deps.approvals.use(tx, ctx, approval, {
          action: 'refund',
          saleId,
        });
        const sale = await lock(tx, ctx, saleId);
        const label = saleLabel(sale.number);
        const saleLines = new Map(
          (await refunds.refundableLines(tx, ctx.storeId, saleId)).map((l) => [l.id, l]),
        );
        const details: ErrorDetail[] = [];
        const seen = new Set<string>();
        input.lines.forEach((line, i) => {
          const sold = saleLines.get(line.saleLineId);
          if (!sold) {
            details.push({
              field: `lines.${i}.saleLineId`,
              message: `is not a line of sale ${label}`,
              code: 'not_found',
            });
          } else if (seen.has(line.saleLineId)) {
            details.push({
              field: `lines.${i}.saleLineId`,
              message: 'names a sale line already listed: send each line once',
              code: 'duplicate',
            });
          } else if (line.quantity > sold.quantity - sold.refunded) {
            const left = sold.quantity - sold.refunded;
            details.push({
              field: `lines.${i}.quantity`,
              message: `is more than is left to refund on this line: ${sold.quantity} sold, ${sold.refunded} already refunded, ${left} left`,
              code: 'too_big',
            });
          }
          seen.add(line.saleLineId);
        });
        if (details.length) throw new ValidationError(details);

        const lines = input.lines.map((line): refunds.NewRefundLine => {
          const sold = saleLines.get(line.saleLineId)!;
          return {
            ...line,
            productId: sold.productId,
            unitPrice: sold.unitPrice,
            ...refundShare(sold, line.quantity),
            disposition: line.disposition ?? (input.restock ? 'restock' : 'none'),
          };
        });
        const refund = await refunds.insertRefund(tx, ctx.storeId, {
          saleId,
          userId: ctx.userId,
          reason: input.reason,
          method: input.method ?? null,
          restocked: lines.every((l) => l.disposition === 'restock'),
          lines,
        });
        if (approvalId)
          await deps.approvals.attach(tx, ctx.storeId, approvalId, { refundId: refund.id });
        // Units brought back go through the ledger; a line written off (a leaking bottle) comes
        // back and goes out at once: its `return` then a `damaged` movement, so it is waste.
        const back = new Map<string, { units: number; wasted: number }>();
        for (const l of lines) {
          if (l.disposition === 'none') continue;
          const b = back.get(l.productId) ?? { units: 0, wasted: 0 };
          b.units += l.quantity;
          if (l.disposition === 'write_off') b.wasted += l.quantity;
          back.set(l.productId, b);
        }
        const ref = { referenceType: 'sale_refund', referenceId: refund.id } as const;
        for (const productId of [...back.keys()].sort()) {
          const { units, wasted } = back.get(productId)!;
          await inventory.move(tx, emit, ctx, productId, units, 'return', {
            ...ref,
            note: `Refund of ${label}: ${input.reason}`,
          });
          if (wasted) {
            await inventory.move(tx, emit, ctx, productId, -wasted, 'damaged', {
              ...ref,
              note: `Refund of ${label} written off, not resold: ${input.reason}`,
            });
          }
        }
        const created = (await views.refund(tx, ctx.storeId, refund.id))!;
        await emit('sale.refunded', {
          saleId,
          refundId: created.id,
          total: created.total,
          itemCount: created.itemCount,
          restocked: created.restocked,
        });
        return created;
      });
    },

    async getRefund(ctx: StoreContext, id: string) {
      const refund = await views.refund(pool, ctx.storeId, id);
      if (!refund) throw new NotFoundError('Refund');
      return refund;
    },
  };
}

/**
 * What refunding `quantity` more units of a sale line pays back, and the tax in it: the
 * line's total (after its discounts, tax included) shared over its units so that refunding
 * them all pays back exactly the total, half up per cent: the first r units are worth
 * round(total × r / sold).
 */
export function refundShare(
  sold: { quantity: number; refunded: number; lineTotal: string; tax: string },
  quantity: number,
): { lineTotal: string; tax: string } {
  const upTo = (amount: string, units: number) =>
    divHalfUp(toCents(amount) * BigInt(units), BigInt(sold.quantity));
  const share = (amount: string) =>
    upTo(amount, sold.refunded + quantity) - upTo(amount, sold.refunded);
  const text = (cents: bigint) => (Number(cents) / 100).toFixed(2);
  return { lineTotal: text(share(sold.lineTotal)), tax: text(share(sold.tax)) };
}
