import { z } from 'zod';
import { ON_HAND_MAX } from '../../../core/limits';
import { idParams, paginationQuery, typeMessage, uuid } from '../../../http/validate';

const note = z.string().trim().max(500).nullable().optional();

/** What to count: the whole store, a category or an aisle (`location_aisle`). */
export const startBody = z
  .object({
    scope: z.enum(['store', 'category', 'aisle'], {
      error: 'must be one of store, category, aisle',
    }),
    categoryId: uuid.optional(),
    aisle: z.string().trim().min(1, 'must not be empty').max(50).optional(),
    blind: z.boolean(typeMessage('must be true or false')).default(false),
    note,
  })
  .superRefine((b, ctx) => {
    const need = (field: 'categoryId' | 'aisle', wanted: boolean) => {
      if (wanted && b[field] === undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `is required for a ${b.scope} count`,
        });
      if (!wanted && b[field] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: [field],
          message: `is only for a ${field === 'aisle' ? 'aisle' : 'category'} count, not a ${b.scope} count`,
        });
    };
    need('categoryId', b.scope === 'category');
    need('aisle', b.scope === 'aisle');
  });

/** A counted quantity, for the line picked (productId) or scanned (barcode). */
export const recordBody = z
  .object({
    productId: uuid.optional(),
    barcode: z.string().trim().min(1, 'must not be empty').max(48).optional(),
    countedQuantity: z
      .number(typeMessage('must be a whole number'))
      .int('must be a whole number')
      .min(0, 'must not be negative')
      .max(ON_HAND_MAX),
  })
  .superRefine((b, ctx) => {
    if ((b.productId === undefined) === (b.barcode === undefined))
      ctx.addIssue({
        code: 'custom',
        path: ['productId'],
        message: 'give either productId (a line picked) or barcode (a line scanned)',
      });
  });

export const listQuery = paginationQuery.extend({
  status: z.enum(['open', 'posted', 'cancelled']).optional(),
});

export const sheetQuery = z.object({
  format: z.enum(['pdf', 'csv'], { error: 'must be pdf or csv' }).default('pdf'),
});

export const sessionParams = idParams;

export type StartInput = z.infer<typeof startBody>;
export type RecordInput = z.infer<typeof recordBody>;
export type ListQuery = z.infer<typeof listQuery>;
