import { z } from 'zod';
import { uuid } from '../../http/validate';
import { REPORTS } from './report-tables';
import { daysBetween, MAX_PERIOD_DAYS, PERIOD_KINDS } from './period';

/** The longest period a report covers (two years and a day, a leap year included). */

const day = z
  .string({ message: 'must be a date (YYYY-MM-DD)' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d) && d >= '2000-01-01';
  }, 'must be a real calendar date from 2000-01-01 on');

export const format = z.enum(['json', 'csv'], { message: 'must be json or csv' }).default('json');

const period = {
  from: day.optional(),
  to: day.optional(),
  period: z.enum(PERIOD_KINDS, { message: `must be one of ${PERIOD_KINDS.join(', ')}` }).optional(),
};

function checkPeriod(q: { from?: string; to?: string; period?: string }, ctx: z.RefinementCtx) {
  if (q.period && (q.from || q.to)) {
    ctx.addIssue({
      code: 'custom',
      path: ['period'],
      message: 'give either period or from/to, not both',
    });
    return;
  }
  if (!q.from || !q.to) return;
  const span = daysBetween(q.from, q.to);
  if (span < 0) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
  else if (span >= MAX_PERIOD_DAYS) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `must be at most ${MAX_PERIOD_DAYS} days after from`,
    });
  }
}

const PRODUCT_GROUPINGS = ['product', 'category', 'supplier'] as const;
const WASTE_GROUPINGS = ['reason', 'product', 'category'] as const;
const productGrouping = z.enum(PRODUCT_GROUPINGS, {
  message: `must be one of ${PRODUCT_GROUPINGS.join(', ')}`,
});
const wasteGrouping = z.enum(WASTE_GROUPINGS, {
  message: `must be one of ${WASTE_GROUPINGS.join(', ')}`,
});

// A job's params: unknown keys (a `format`) are a 400, as on the routes.
export const consumptionParams = z
  .strictObject({
    ...period,
    groupBy: productGrouping.default('product'),
    category: uuid.optional(),
  })
  .superRefine(checkPeriod);
export const wasteParams = z
  .strictObject({ ...period, groupBy: wasteGrouping.default('reason') })
  .superRefine(checkPeriod);
export const vendorParams = z.strictObject(period).superRefine(checkPeriod);
export const valuationParams = z.strictObject({
  groupBy: productGrouping.default('category'),
});

export const consumptionQuery = z
  .object({
    ...period,
    groupBy: productGrouping.default('product'),
    category: uuid.optional(),
    format,
  })
  .superRefine(checkPeriod);
export const wasteQuery = z
  .object({ ...period, groupBy: wasteGrouping.default('reason'), format })
  .superRefine(checkPeriod);
export const vendorQuery = z.object({ ...period, format }).superRefine(checkPeriod);
export const valuationQuery = z.object({
  groupBy: productGrouping.default('category'),
  format,
});
export const formatQuery = z.object({ format });

/** A report saved under a name: which report, and its params as its route or job takes them. */
export const savedReportBody = z.strictObject({
  name: z.string({ message: 'must be a text' }).trim().min(1, 'must not be empty').max(100),
  report: z.enum(REPORTS, { message: `must be one of ${REPORTS.join(', ')}` }),
  params: z.record(z.string(), z.unknown(), { message: 'must be an object' }).optional(),
});

export type ConsumptionParams = z.output<typeof consumptionParams>;
export type WasteParams = z.output<typeof wasteParams>;
export type VendorParams = z.output<typeof vendorParams>;
export type ValuationParams = z.output<typeof valuationParams>;
