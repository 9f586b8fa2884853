import { z } from 'zod';
import { money, paginationQuery, strictObject, typeMessage, uuid } from '../../http/validate';

const count = (max: number) =>
  z
    .number(typeMessage('must be a whole number'))
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(max, `must be at most ${max.toLocaleString('en-US')}`);

const ids = (what: string) =>
  z
    .array(uuid, typeMessage(`must be a list of ${what} ids`))
    .max(100, `name at most 100 ${what}`)
    .transform((list) => [...new Set(list)]);

export const criteriaShape = strictObject({
  /** Products with fewer units than this; without it, those at or below their reorder point. */
  lowStockThreshold: count(1_000_000).optional(),
  /** Days of demand to cover after the supplier's lead time. */
  daysAhead: count(365).default(7),
  categories: ids('category').optional(),
  suppliers: ids('supplier').optional(),
  /** `true`: stock expiring within lead time + daysAhead; a number: within that many days. */
  includeExpiring: z
    .union([z.boolean(), count(365)], {
      error: 'must be true, false or a number of days (0 to 365)',
    })
    .default(false),
});

export const generateBody = z.object({
  name: z
    .string(typeMessage('must be a text'))
    .trim()
    .min(1, 'must not be empty')
    .max(120)
    .optional(),
  criteria: criteriaShape.default({ daysAhead: 7, includeExpiring: false }),
});

export const listQuery = paginationQuery.extend({
  status: z
    .enum(['draft', 'ordered', 'archived'], { message: 'must be draft, ordered or archived' })
    .optional(),
});

export const renameBody = z.object({
  name: z.string(typeMessage('must be a text')).trim().min(1, 'must not be empty').max(120),
});

export const itemParams = z.object({ storeId: uuid, id: uuid, itemId: uuid });

export const itemBody = z
  .object({
    quantity: count(1_000_000).optional(),
    purchased: z.boolean(typeMessage('must be true or false')).optional(),
    actualCost: money.nullable().optional(),
    supplierId: uuid.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' });

export type Criteria = z.output<typeof criteriaShape>;
export type GenerateInput = z.infer<typeof generateBody>;
export type ListQuery = z.infer<typeof listQuery>;
export type ItemInput = z.infer<typeof itemBody>;
