import { z } from 'zod';
import { email, money, strictObject, typeMessage } from '../../../http/validate';
import { percent } from './checkout.schemas';

/** Why a price was overridden or a discount given: kept on the sale. */
export const shortReason = z
  .string(typeMessage('must be a text'))
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');

/** Off a line or a sale: a percent (up to 2 decimals) or an amount. */
export const discount = z.union(
  [
    strictObject({ percent: percent.refine((p) => p > 0, 'must be more than 0') }),
    strictObject({ amount: money.refine((a) => a > 0, 'must be more than 0') }),
  ],
  { error: 'must be { "percent": 10 } or { "amount": 2.5 }' },
);

export const PAYMENT_METHODS = ['cash', 'card', 'other'] as const;

/** What the customer paid with: several when split; cash as tendered (the change is worked out). */
export const payments = z
  .array(
    strictObject({
      method: z.enum(PAYMENT_METHODS, { message: 'must be cash, card or other' }),
      amount: money.refine((a) => a > 0, 'must be more than 0'),
      reference: z.string(typeMessage('must be a text')).trim().min(1).max(100).optional(),
    }),
  )
  .min(1, 'send at least one payment, or leave payments out')
  .max(10, 'a sale takes at most 10 payments');

export const customer = strictObject({
  name: z
    .string(typeMessage('must be a text'))
    .trim()
    .min(1, 'must not be empty')
    .max(100)
    .optional(),
  email: email.optional(),
}).refine((c) => c.name !== undefined || c.email !== undefined, {
  message: 'give a name or an e-mail, or leave customer out',
});

export type PaymentInput = z.infer<typeof payments>[number];
