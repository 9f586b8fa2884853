import { z } from 'zod';
import { strictObject } from '../../../http/validate';
import { format } from '../reports.schemas';
import { MAX_LIMIT } from './whitelist';

const name = z.string({ message: 'must be a name (text)' }).min(1).max(100);
const OPS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'in',
  'contains',
  'starts_with',
  'is_null',
  'not_null',
] as const;

/** The shape of a custom report; what its names mean is checked against the whitelist after. */
export const customReportBody = z.object({
  dataset: name,
  fields: z.array(name).max(50),
  filters: z
    .array(strictObject({ field: name, op: z.enum(OPS), value: z.unknown().optional() }))
    .max(20)
    .optional(),
  groupBy: z.array(name).max(10).optional(),
  aggregates: z
    .array(
      strictObject({ field: name.optional(), fn: z.enum(['count', 'sum', 'avg', 'min', 'max']) }),
    )
    .max(20)
    .optional(),
  sort: z
    .array(strictObject({ field: name, direction: z.enum(['asc', 'desc']).default('asc') }))
    .max(5)
    .optional(),
  limit: z.number().int().min(1).max(MAX_LIMIT).optional(),
  format,
});

export type CustomReportBody = z.output<typeof customReportBody>;
/** A custom report's parameters in a job: the body without `format`. */
export const customReportParams = customReportBody.omit({ format: true }).strict();
export type CustomReportParams = z.output<typeof customReportParams>;
