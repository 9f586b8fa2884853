import { z } from 'zod';
import { booleanQuery, dateQuery, withDateRangeOrder } from '../../http/list-query';
import { money, paginationQuery, strictObject, typeMessage, uuid } from '../../http/validate';
import {
  customer,
  discount,
  PAYMENT_METHODS,
  payments,
  shortReason,
} from './checkout/sale-checkout.schemas';

/**
 * A till's or web shop's own id for a sale, unique in the store: a post that names one the
 * store already has answers that sale (sales.service.ts `record`). Printable text, no line
 * breaks or other control characters.
 */
export const externalReference = z
  .string(typeMessage('must be a text'))
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters (line breaks, tabs)');

/**
 * The receipt number an offline till printed (web/src/features/sales/offline/provisional-number.ts):
 * OFF-, then the device's id and its count, as migration 053 checks.
 */
export const provisionalNumber = z
  .string(typeMessage('must be a text'))
  .trim()
  .toUpperCase()
  .regex(/^OFF-[A-Z0-9]{1,16}(-[1-9][0-9]{0,8})?$/, 'must be a provisional number like OFF-AB12-3');

export const recordSaleBody = z.object({
  items: z
    .array(
      strictObject({
        productId: uuid,
        quantity: z
          .number(typeMessage('must be a whole number'))
          .int('must be a whole number')
          .min(1, 'must be at least 1')
          .max(100_000),
        unitPrice: money.optional(),
        priceOverrideReason: shortReason.optional(),
        discount: discount.optional(),
      }),
    )
    .min(1, 'a sale needs at least one line')
    .max(200, 'a sale has at most 200 lines'),
  // How far back or ahead it may be is the service's rule (sale-time.ts), set by config.
  soldAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
  note: z.string().trim().max(500).nullable().optional(),
  externalReference: externalReference.optional(),
  provisionalNumber: provisionalNumber.optional(),
  discount: discount.optional(),
  discountReason: shortReason.optional(),
  payments: payments.optional(),
  customer: customer.optional(),
});

export const listSalesQuery = withDateRangeOrder(
  paginationQuery.extend({
    cursor: z.string().min(1).max(500).optional(),
    productId: uuid.optional(),
    dateFrom: dateQuery.optional(),
    dateTo: dateQuery.optional(),
    status: z.enum(['completed', 'voided'], { message: 'must be completed or voided' }).optional(),
    refunded: booleanQuery.optional(),
    externalReference: externalReference.optional(),
    /**
     * A sale number (S-000123 or 123), an offline receipt's provisional number (OFF-AB12-3), a
     * product's name, SKU or barcode, a customer.
     */
    search: z.string().trim().min(1, 'must not be empty').max(100).optional(),
    sort: z.enum(['soldAt', 'total'], { message: 'must be soldAt or total' }).default('soldAt'),
    order: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }).default('desc'),
  }),
).refine((q) => !q.cursor || q.sort === 'soldAt', {
  message: 'cursor pagination sorts by soldAt',
  path: ['sort'],
});

/** Why a sale is voided or refunded: kept with it and shown on its page. */
const reason = z
  .string(typeMessage('must be a text'))
  .trim()
  .min(1, 'is required: say why')
  .max(500, 'must be at most 500 characters');

export const voidSaleBody = z.object({ reason });

export const refundSaleBody = z.object({
  lines: z
    .array(
      strictObject({
        saleLineId: uuid,
        quantity: z
          .number(typeMessage('must be a whole number'))
          .int('must be a whole number')
          .min(1, 'must be at least 1')
          .max(100_000),
        /** Its units back in sellable stock, or written off; default from `restock`. */
        disposition: z
          .enum(['restock', 'write_off'], { message: 'must be restock or write_off' })
          .optional(),
      }),
    )
    .min(1, 'a refund needs at least one line')
    .max(200, 'a refund has at most 200 lines'),
  reason,
  restock: z.boolean(typeMessage('must be true or false')).default(true),
  /** How the money goes back. */
  method: z.enum(PAYMENT_METHODS, { message: 'must be cash, card or other' }).optional(),
});

/** A store day for the cash-up (its calendar date in the store's time zone). */
export const cashUpQuery = z.object({
  date: z.iso.date({ message: 'must be a date, YYYY-MM-DD' }),
});

/** The cash counted in the drawer for a store day. */
export const countCashBody = strictObject({
  date: z.iso.date({ message: 'must be a date, YYYY-MM-DD' }),
  countedCash: money,
  note: z.string(typeMessage('must be a text')).trim().min(1).max(500).nullable().optional(),
});

export type RecordSaleInput = z.infer<typeof recordSaleBody>;
export type ListSalesQuery = z.infer<typeof listSalesQuery>;
export type VoidSaleInput = z.infer<typeof voidSaleBody>;
export type RefundSaleInput = z.infer<typeof refundSaleBody>;
