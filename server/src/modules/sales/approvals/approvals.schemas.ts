import { z } from 'zod';
import { email, money, strictObject, typeMessage, uuid } from '../../../http/validate';

export const APPROVAL_ACTIONS = ['void', 'refund', 'discount'] as const;

/**
 * A manager's approval of one action of the caller's: their e-mail and either their approval
 * PIN or their password. A void or refund names its sale; a discount names none (it approves
 * the sale about to be rung up) and gives the `amount` approved: the most that sale may take
 * off its list prices, discounts and lower prices together.
 */
export const createApprovalBody = strictObject({
  action: z.enum(APPROVAL_ACTIONS, { message: 'must be void, refund or discount' }),
  saleId: uuid.optional(),
  amount: money.optional(),
  email,
  pin: z
    .string(typeMessage('must be a text'))
    .regex(/^\d{4,8}$/, 'must be 4 to 8 digits')
    .optional(),
  password: z.string(typeMessage('must be a text')).min(1).max(128).optional(),
})
  .refine((b) => (b.pin === undefined) !== (b.password === undefined), {
    message: 'send either the approver’s pin or their password (one of them)',
    path: ['pin'],
  })
  .refine((b) => (b.action === 'discount') === (b.saleId === undefined), {
    message: 'names the sale to void or refund (and none for a discount)',
    path: ['saleId'],
  })
  .refine((b) => (b.action === 'discount') === (b.amount !== undefined), {
    message:
      'is the most a discount may take off (required for a discount, none for a void or refund)',
    path: ['amount'],
  });

export type CreateApprovalInput = z.infer<typeof createApprovalBody>;
