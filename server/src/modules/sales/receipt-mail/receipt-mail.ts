import type { Options, Store } from 'express-rate-limit';
import type { Pool } from 'pg';
import { z } from 'zod';
import type { StoreContext } from '../../../core/context';
import {
  NotFoundError,
  RateLimitedError,
  ServiceUnavailableError,
  ValidationError,
} from '../../../core/errors';
import { email } from '../../../http/validate';
import type { Logger } from '../../../logger';
import type { Mailer } from '../../../platform/mailer';
import type { StoreReads } from '../../stores/stores.reads';
import type { CheckoutService } from '../checkout/checkout.service';
import type { Sale } from '../sales.repo';
import { receiptMail, saleLabel } from './receipt-html';

export const emailReceiptBody = z.object({ email: email.optional() });
export type EmailReceiptInput = z.infer<typeof emailReceiptBody>;

/** How often one sale's receipt may be e-mailed, and in what window. */
export const RECEIPT_MAILS_PER_SALE = 3;
export const RECEIPT_MAIL_WINDOW_MS = 60 * 60 * 1000;

/**
 * A sale's receipt e-mailed to its customer (issue 22): to `email`, else the e-mail the sale
 * was recorded with. Each sale's receipt goes out at most RECEIPT_MAILS_PER_SALE times an
 * hour (counted in the shared rate-limit store, so across replicas), so the till cannot be
 * used to flood an address. A mail the server does not take is a 503 and does not count.
 */
export function createReceiptMail(deps: {
  pool: Pool;
  mailer: Mailer;
  log: Logger;
  get(ctx: StoreContext, id: string): Promise<Sale>;
  storeProfile: StoreReads['profileIn'];
  /** The store's checkout settings (its address for the receipt). */
  settings: CheckoutService['settings'];
  budget: Store;
}) {
  const { pool, mailer, budget } = deps;
  void budget.init?.({ windowMs: RECEIPT_MAIL_WINDOW_MS } as Options);

  return {
    async emailReceipt(ctx: StoreContext, saleId: string, input: EmailReceiptInput) {
      const sale = await deps.get(ctx, saleId);
      const to = input.email ?? sale.customer?.email ?? null;
      if (!to) {
        throw new ValidationError([
          {
            field: 'email',
            message: `${saleLabel(sale.number)} has no customer e-mail: give one to send the receipt to`,
            code: 'required',
          },
        ]);
      }
      const [profile, settings] = await Promise.all([
        deps.storeProfile(pool, ctx.storeId),
        deps.settings(ctx),
      ]);
      if (!profile) throw new NotFoundError('Store');

      const key = `${ctx.storeId}:${saleId}`;
      const { totalHits, resetTime } = await budget.increment(key);
      if (totalHits > RECEIPT_MAILS_PER_SALE) {
        const wait = resetTime ? (resetTime.getTime() - Date.now()) / 1000 : 3600;
        throw new RateLimitedError(
          wait,
          `The receipt of ${saleLabel(sale.number)} was e-mailed ${RECEIPT_MAILS_PER_SALE} times in the last hour: try again later`,
        );
      }
      const mail = receiptMail(sale, { ...profile, address: settings.address });
      try {
        await mailer.send({ to, ...mail });
      } catch (err) {
        await budget.decrement(key);
        deps.log.warn('receipt mail failed', { saleId, error: String(err) });
        throw new ServiceUnavailableError('The mail server did not take the mail: try again', {
          retryAfterSeconds: 30,
        });
      }
      return { saleId, number: sale.number, sentTo: to, sentAt: new Date().toISOString() };
    },
  };
}

export type ReceiptMailService = ReturnType<typeof createReceiptMail>;
