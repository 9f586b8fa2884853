import { invalidTextDetails, typeMessage } from '../../../http/validate';
import { z } from 'zod';
import type { ErrorDetail } from '../../../core/errors';
import { productFields } from '../products.schemas';
import type { RawRecord } from './import-header';

const number = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : Number(v)) : v),
    schema,
  );
/** A whole-number cell within [min, max], with messages a spreadsheet user understands. */
const wholeNumber = (min: number, max: number) =>
  number(
    z
      .number(typeMessage('must be a whole number'))
      .int('must be a whole number')
      .min(min, min === 0 ? 'must not be negative' : `must be at least ${min}`)
      .max(max, `must be at most ${max}`),
  );
const flag = z.preprocess(
  (v) => {
    if (typeof v === 'boolean') return v;
    const s = String(v).toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(s)) return true;
    if (['false', 'no', 'n', '0'].includes(s)) return false;
    return v;
  },
  z.boolean({ message: 'must be true or false' }),
);
const required = {
  error: (issue: { input: unknown }) =>
    issue.input === undefined ? 'is required' : 'must be text',
};
const text = (max: number) =>
  z.preprocess((v) => (v === undefined ? v : String(v)), z.string(required).trim().max(max));

/** One spreadsheet row: the product fields plus names for category/supplier and the stock on hand. */
const rowSchema = z.object({
  sku: z.preprocess((v) => (v === undefined ? v : String(v)), productFields.sku).optional(),
  barcode: z.preprocess((v) => (v === undefined ? v : String(v)), productFields.barcode).optional(),
  name: text(200).pipe(productFields.name),
  description: text(5000).optional(),
  category: text(50).optional(),
  supplier: text(100).optional(),
  brand: text(100).optional(),
  department: text(100).optional(),
  unit: text(30).optional(),
  packSize: wholeNumber(1, 100_000).optional(),
  price: number(
    z
      .number({ error: (i) => (i.input === undefined ? 'is required' : 'must be a number') })
      .pipe(productFields.price),
  ),
  cost: number(
    z
      .number(typeMessage('must be a number'))
      .min(0, 'must not be negative')
      .max(9_999_999_999.99, 'is too large'),
  ).optional(),
  reorderPoint: number(productFields.reorderPoint).optional(),
  reorderQuantity: wholeNumber(0, 1_000_000_000).optional(),
  aisle: text(30).optional(),
  row: text(30).optional(),
  bin: text(30).optional(),
  expiresAt: z
    .preprocess((v) => (v === undefined ? v : String(v)), productFields.expiresAt)
    .optional(),
  active: flag.optional(),
  quantity: wholeNumber(0, 1_000_000_000).optional(),
});

export type ImportRow = z.infer<typeof rowSchema>;

export function parseRow(
  record: RawRecord,
): { ok: true; value: ImportRow } | { ok: false; errors: ErrorDetail[] } {
  const bad = invalidTextDetails(record);
  if (bad.length) return { ok: false, errors: bad };
  const r = rowSchema.safeParse(record);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    errors: r.error.issues.map((i) => ({
      field: String(i.path[0] ?? 'row'),
      message: i.message,
      code: i.code,
    })),
  };
}
