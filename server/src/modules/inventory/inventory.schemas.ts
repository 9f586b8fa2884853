import { z } from 'zod';
import { ON_HAND_MAX } from '../../core/limits';
import { dateQuery, withDateRangeOrder } from '../../http/list-query';
import { idParams, paginationQuery, typeMessage, uuid } from '../../http/validate';
import { MOVEMENT_REASONS } from './inventory.repo';

/**
 * Reasons a person may give by hand; sales, counts, imports and initial stock have their own
 * routes, and so do deliveries: a delivery is received on its purchase order or from the
 * supplier's invoice, where the order and the invoice's match see it (a `purchase_receipt`
 * booked by hand was invisible to both, and the invoice offered to receive it again).
 */
export const ADJUSTMENT_REASONS = [
  'adjustment',
  'return',
  'damaged',
  'expired',
  'spoiled',
  'lost',
  'theft',
] as const;

const quantity = z.number(typeMessage('must be a whole number')).int('must be a whole number');
const note = z.string().trim().max(500).nullable().optional();

/**
 * What a reversal may undo: an adjustment, or a `purchase_receipt` booked by hand before that
 * reason was refused (referenceType null), so a store can take it back and receive the
 * delivery on its order instead.
 */
export const REVERSIBLE_REASONS = [...ADJUSTMENT_REASONS, 'purchase_receipt'] as const;

const RECEIVE_ON_ORDER =
  "a delivery is received on its purchase order or from the supplier's invoice, so the invoice can match it: receive it there, not as an adjustment";

/** Which way each reason moves stock; `adjustment` (a correction) goes either way. */
export const REASON_DIRECTION: Record<(typeof ADJUSTMENT_REASONS)[number], 1 | -1 | 0> = {
  adjustment: 0,
  return: 1,
  damaged: -1,
  expired: -1,
  spoiled: -1,
  lost: -1,
  theft: -1,
};

export const adjustmentBody = z
  .object({
    delta: quantity
      .min(-1_000_000)
      .max(1_000_000)
      .refine((d) => d !== 0, { message: 'must not be zero' }),
    reason: z.enum(ADJUSTMENT_REASONS, {
      error: (i) =>
        i.input === 'purchase_receipt'
          ? RECEIVE_ON_ORDER
          : `must be one of ${ADJUSTMENT_REASONS.join(', ')}`,
    }),
    note,
  })
  // "Damaged +5" would inflate stock and the waste figures alike.
  .superRefine((a, ctx) => {
    const direction = REASON_DIRECTION[a.reason];
    if (direction && Math.sign(a.delta) !== direction) {
      const reason = a.reason.replace('_', ' ');
      ctx.addIssue({
        code: 'custom',
        path: ['delta'],
        message:
          direction > 0
            ? `must be positive for ${reason} (stock comes in)`
            : `must be negative for ${reason} (stock goes out)`,
      });
    }
  });

export const countBody = z.object({
  countedQuantity: quantity.min(0, 'must not be negative').max(ON_HAND_MAX),
  note,
});

export const reversalBody = z.object({ note });

/** `/stores/:storeId/products/:id/movements/:movementId/...` */
export const movementParams = idParams.extend({ movementId: uuid });

export const movementsQuery = withDateRangeOrder(
  paginationQuery.extend({
    cursor: z.string().min(1).max(500).optional(),
    reason: z.enum(MOVEMENT_REASONS).optional(),
    dateFrom: dateQuery.optional(),
    dateTo: dateQuery.optional(),
  }),
);

export type AdjustmentInput = z.infer<typeof adjustmentBody>;
export type CountInput = z.infer<typeof countBody>;
export type ReversalInput = z.infer<typeof reversalBody>;
export type MovementsQuery = z.infer<typeof movementsQuery>;
