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

/**
 * How to optimise a list (the seed's `criteria`, with suppliers for its vendors). Every field
 * is optional; an unknown one is a 400, never ignored.
 */
export const optimizeBody = strictObject({
  criteria: strictObject({
    /** Buy each item from its cheapest known supplier that can deliver in time (default). */
    minimizeCost: z.boolean(typeMessage('must be true or false')).default(true),
    /** Suppliers chosen over cheaper ones when they offer the item and deliver in time. */
    preferredSuppliers: ids('supplier').optional(),
    /** Fewer orders: items go to a supplier that already supplies others on the list. */
    consolidateOrders: z.boolean(typeMessage('must be true or false')).default(false),
    /** Raise quantities to each supplier's minimum order (default). */
    respectMinimumOrders: z.boolean(typeMessage('must be true or false')).default(true),
    /** The most the open items may cost; the least pressing are cut first. */
    budget: money.refine((n) => n > 0, 'must be more than 0').optional(),
  }).default({ minimizeCost: true, consolidateOrders: false, respectMinimumOrders: true }),
});

/** A list (and, with `placeOrders`, its purchase orders) from the items of a reorder plan. */
export const fromPlanBody = strictObject({
  name: z
    .string(typeMessage('must be a text'))
    .trim()
    .min(1, 'must not be empty')
    .max(120)
    .optional(),
  items: z
    .array(
      strictObject({
        productId: uuid,
        quantity: count(1_000_000).refine((n) => n > 0, 'must be at least 1'),
        /** Default: the product's own supplier. */
        supplierId: uuid.nullable().optional(),
        priority: z
          .enum(['urgent', 'high', 'medium', 'low'], {
            message: 'must be urgent, high, medium or low',
          })
          .default('medium'),
        reason: z.string(typeMessage('must be a text')).trim().min(1).max(500).optional(),
      }),
      typeMessage('must be a list of items'),
    )
    .min(1, 'name at least one item')
    .max(1000, 'name at most 1,000 items')
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((item, i) => {
        if (seen.has(item.productId)) {
          ctx.addIssue({
            code: 'custom',
            path: [i, 'productId'],
            message: 'is listed twice: put the whole quantity on one item',
          });
        }
        seen.add(item.productId);
      });
    }),
  /** Also turn the list into purchase orders, one per supplier, in the same transaction. */
  placeOrders: z.boolean(typeMessage('must be true or false')).default(false),
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
export type FromPlanInput = z.output<typeof fromPlanBody>;
export type OptimizeCriteria = z.output<typeof optimizeBody>['criteria'];
export type ListQuery = z.infer<typeof listQuery>;
export type ItemInput = z.infer<typeof itemBody>;
