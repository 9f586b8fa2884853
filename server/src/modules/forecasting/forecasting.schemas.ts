import { z } from 'zod';
import { money, typeMessage, uuid } from '../../http/validate';

export const productParams = z.object({ storeId: uuid, productId: uuid });

/** `?productIds=a,b,c`: 1 to 100 ids, each a valid id (named by position when not). */
export const predictionsQuery = z.object({
  productIds: z
    .string(typeMessage('must be a comma-separated list of product ids'))
    .max(4000, 'must name at most 100 products')
    .transform((text, ctx) => {
      const ids = [...new Set(text.split(',').map((s) => s.trim()))].filter(Boolean);
      if (!ids.length) ctx.addIssue({ code: 'custom', message: 'must name at least one product' });
      if (ids.length > 100)
        ctx.addIssue({ code: 'custom', message: 'must name at most 100 products' });
      ids.forEach((id, i) => {
        if (!uuid.safeParse(id).success) {
          ctx.addIssue({
            code: 'custom',
            message: `"${id.slice(0, 40)}" is not a valid id (item ${i + 1})`,
          });
        }
      });
      return ids;
    }),
});

/** The longest horizon per period: a year of days, weeks, months or quarters. */
export const MAX_HORIZON = { day: 365, week: 52, month: 12, quarter: 4 } as const;
const DEFAULT_HORIZON = { day: 30, week: 12, month: 3, quarter: 2 } as const;

export const forecastsQuery = z
  .object({
    productId: uuid.optional(),
    category: uuid.optional(),
    period: z
      .enum(['day', 'week', 'month', 'quarter'], {
        message: 'must be day, week, month or quarter',
      })
      .default('day'),
    horizon: z.coerce
      .number(typeMessage('must be a whole number'))
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .optional(),
    level: z.coerce
      .number(typeMessage('must be a number'))
      .min(0.5, 'must be at least 0.5')
      .max(0.99, 'must be at most 0.99')
      .default(0.8),
  })
  .superRefine((q, ctx) => {
    if (!q.productId === !q.category) {
      ctx.addIssue({
        code: 'custom',
        path: ['productId'],
        message: 'give exactly one of productId and category',
      });
    }
    const max = MAX_HORIZON[q.period];
    if (q.horizon !== undefined && q.horizon > max) {
      ctx.addIssue({
        code: 'custom',
        path: ['horizon'],
        message: `must be at most ${max} for period=${q.period}`,
      });
    }
  })
  .transform((q) => ({ ...q, horizon: q.horizon ?? DEFAULT_HORIZON[q.period] }));
export type ForecastsQuery = z.output<typeof forecastsQuery>;

const ids = (what: string, max: number) =>
  z
    .array(uuid, typeMessage(`must be a list of ${what} ids`))
    .max(max, `name at most ${max} ${what}s`)
    .transform((list) => [...new Set(list)]);

/** Money as every amount Nimbus takes (http/validate `money`: at most 2 decimals). */
export const reorderBody = z.object({
  budget: money.refine((n) => n > 0, 'must be more than 0'),
  storageCapacity: z
    .number(typeMessage('must be a whole number of units'))
    .int('must be a whole number of units')
    .min(0, 'must not be negative')
    .max(100_000_000)
    .optional(),
  serviceLevel: z
    .number(typeMessage('must be a number'))
    .min(0.5, 'must be at least 0.5')
    .max(0.999, 'must be at most 0.999')
    .default(0.95),
  reviewDays: z
    .number(typeMessage('must be a whole number of days'))
    .int('must be a whole number of days')
    .min(0, 'must not be negative')
    .max(365, 'must be at most 365')
    .default(14),
  orderingCost: money.max(1_000_000, 'must be at most 1,000,000').default(25),
  holdingCostRate: z
    .number(typeMessage('must be a number'))
    .positive('must be more than 0')
    .max(10, 'must be at most 10 (1000% a year)')
    .default(0.25),
  productIds: ids('product', 1000).optional(),
  categories: ids('category', 100).optional(),
  suppliers: ids('supplier', 100).optional(),
});
export type ReorderInput = z.output<typeof reorderBody>;

export const anomaliesQuery = z.object({
  type: z
    .enum(['demand_spike', 'demand_drop', 'cost_increase'], {
      message: 'must be demand_spike, demand_drop or cost_increase',
    })
    .optional(),
  severity: z
    .enum(['low', 'medium', 'high'], { message: 'must be low, medium or high' })
    .optional(),
  days: z.coerce
    .number(typeMessage('must be a whole number of days'))
    .int('must be a whole number of days')
    .min(1, 'must be at least 1')
    .max(365, 'must be at most 365')
    .default(30),
});
export type AnomaliesQuery = z.output<typeof anomaliesQuery>;
