import { z } from 'zod';
import { typeMessage, uuid } from '../../http/validate';

/** At most this many labels in one PDF (copies included): about 48 A4 sheets of shelf labels. */
export const MAX_LABELS = 2000;

const item = z.object({
  productId: uuid,
  copies: z
    .number(typeMessage('must be a whole number'))
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'at most 100 copies of one product')
    .default(1),
});

/**
 * Labels for chosen products (`items`), or for what one delivery brought (`receipt`: a label
 * per unit received, or one per product with `perUnit: false`); without `receiptId`, for
 * everything received on the order so far.
 */
export const labelsBody = z
  .object({
    kind: z.enum(['shelf', 'barcode'], { message: 'must be shelf or barcode' }).default('shelf'),
    paper: z.enum(['a4', 'letter'], { message: 'must be a4 or letter' }).default('a4'),
    items: z.array(item).min(1, 'give at least one product').max(500).optional(),
    receipt: z
      .object({
        purchaseOrderId: uuid,
        receiptId: uuid.optional(),
        perUnit: z.boolean().default(true),
      })
      .optional(),
  })
  .refine((b) => (b.items === undefined) !== (b.receipt === undefined), {
    message: 'give either items or receipt, not both',
    path: ['items'],
  })
  .refine((b) => (b.items ?? []).reduce((n, i) => n + i.copies, 0) <= MAX_LABELS, {
    message: `at most ${MAX_LABELS} labels in one file`,
    path: ['items'],
  });

export type LabelsInput = z.output<typeof labelsBody>;
