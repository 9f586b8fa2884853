import type { PoolClient } from 'pg';
import type { StoreContext } from '../../core/context';
import { ConfirmationRequiredError, NotFoundError, type ErrorDetail } from '../../core/errors';
import type { Emit } from '../../core/events';
import { formatMoney, toCents } from '../../core/limits';
import * as lineRepo from './invoice-lines.repo';
import { lineMismatches, mismatchWords, totalsOf } from './invoice-totals';
import * as repo from './invoices.repo';
import type { StatusInput } from './invoices.schemas';

const money = (n: number) => `${n < 0 ? '-' : ''}${formatMoney(toCents(Math.abs(n)))}`;

/**
 * Marks an invoice paid or pending again, in the caller's transaction. Paying one that is not
 * reconciled (its goods not matched to what came in) or whose lines do not add up to its total
 * needs the person to confirm each of those (`confirm.unreconciled`, `confirm.totalMismatch`):
 * otherwise a ConfirmationRequiredError (409) names them, and nothing changes. The
 * confirmation is kept with who gave it and when.
 */
export async function payInTx(
  tx: PoolClient,
  emit: Emit,
  ctx: StoreContext,
  id: string,
  input: StatusInput,
) {
  const invoice = await repo.lockInvoice(tx, ctx.storeId, id);
  if (!invoice) throw new NotFoundError('Invoice');
  if (invoice.status === input.status) return;
  if (input.status === 'pending') {
    await repo.setStatus(tx, ctx.storeId, id, 'pending');
    await emit('invoice.updated', { invoiceId: id, status: 'pending', change: 'status' });
    return;
  }
  // Only the amounts count here: the lines without their products' names.
  const lines = (await lineRepo.lineRows(tx, ctx.storeId, id)).map((r) => ({
    lineId: r.id,
    position: r.position,
    description: r.description,
    quantity: r.quantity,
    unitCost: Number(r.unit_cost),
    total: Number(r.total),
  }));
  const totals = totalsOf({
    linesTotal: lines.reduce((n, l) => n + l.total, 0),
    subtotal: invoice.subtotal === null ? null : Number(invoice.subtotal),
    tax: invoice.tax === null ? null : Number(invoice.tax),
    total: invoice.total === null ? null : Number(invoice.total),
    mismatches: lineMismatches(lines),
  });
  const needed: ErrorDetail[] = [];
  if (!invoice.reconciled_at)
    needed.push({
      field: 'confirm.unreconciled',
      code: 'unreconciled',
      message:
        'The invoice is not reconciled: what it bills has not been matched to what was ordered and received. Confirm to pay it anyway.',
    });
  if (!totals.addsUp) {
    const sumOff = totals.difference !== null && Math.abs(totals.difference) > 0.01;
    const why = [
      sumOff &&
        `Its lines add up to ${money(totals.lines)}, not the ${money(totals.expected!)} it states before tax (${money(totals.difference!)} apart).`,
      ...totals.lineMismatches.map((m) => {
        const words = mismatchWords(m);
        return `${words[0]!.toUpperCase()}${words.slice(1)}.`;
      }),
    ];
    needed.push({
      field: 'confirm.totalMismatch',
      code: 'total_mismatch',
      message: `${why.filter(Boolean).join(' ')} Confirm to pay it anyway.`,
    });
  }
  const confirmed = needed.filter((n) =>
    n.code === 'unreconciled' ? input.confirm?.unreconciled : input.confirm?.totalMismatch,
  );
  if (confirmed.length < needed.length)
    throw new ConfirmationRequiredError(
      `Paying this invoice needs a confirmation: ${needed.map((n) => (n.code === 'unreconciled' ? 'it is not reconciled' : 'its lines do not add up')).join(' and ')}`,
      needed,
    );
  await repo.setStatus(
    tx,
    ctx.storeId,
    id,
    'paid',
    needed.length
      ? {
          reasons: needed.map((n) => n.code as repo.PaymentConfirmationReason),
          userId: ctx.userId,
        }
      : undefined,
  );
  await emit('invoice.updated', { invoiceId: id, status: 'paid', change: 'status' });
}
