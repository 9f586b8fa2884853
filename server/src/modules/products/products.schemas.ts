import { z } from 'zod';
import { ON_HAND_MAX } from '../../core/limits';
import { booleanQuery, searchQuery } from '../../http/list-query';
import { money, paginationQuery, strictObject, typeMessage, uuid } from '../../http/validate';
import { checkBarcode } from '../../core/barcode';

export const barcode = z
  .string()
  .trim()
  .superRefine((code, ctx) => {
    const r = checkBarcode(code);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.reason });
  });

const count = z
  .number(typeMessage('must be a whole number'))
  .int('must be a whole number')
  .min(0)
  .max(ON_HAND_MAX);
const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const productFields = {
  sku: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\x21-\x7e]+$/, 'may contain visible ASCII characters only, no spaces'),
  barcode: barcode.nullable(),
  name: z.string().trim().min(1, 'is required').max(200),
  description: text(5000),
  categoryId: uuid.nullable(),
  supplierId: uuid.nullable(),
  brand: text(100),
  department: text(100),
  unit: text(30),
  packSize: z.number().int().min(1).max(100_000).nullable(),
  price: money,
  cost: money.nullable(),
  reorderPoint: count,
  reorderQuantity: count.nullable(),
  location: strictObject({ aisle: text(30), row: text(30), bin: text(30) }).nullable(),
  expiresAt: z.iso.date({ message: 'must be a date YYYY-MM-DD' }).nullable(),
  active: z.boolean(),
};

const {
  sku,
  barcode: bc,
  categoryId,
  supplierId,
  packSize,
  cost,
  reorderQuantity,
  location,
  expiresAt,
  reorderPoint,
  active,
  ...required
} = productFields;

const optional = {
  sku: sku.optional(),
  barcode: bc.optional(),
  categoryId: categoryId.optional(),
  supplierId: supplierId.optional(),
  packSize: packSize.optional(),
  cost: cost.optional(),
  reorderPoint: reorderPoint.optional(),
  reorderQuantity: reorderQuantity.optional(),
  location: location.optional(),
  expiresAt: expiresAt.optional(),
  active: active.optional(),
};

export const createProductBody = z.object({
  ...required,
  ...optional,
  initialQuantity: count.optional(),
});

/** PUT: the whole product; omitted optional fields are cleared. */
export const replaceProductBody = z.object({ ...required, ...optional });

export const updateProductBody = z
  .object(productFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, { message: 'send at least one field to change' });

export const PRODUCT_SORTS = [
  'name',
  'sku',
  'price',
  'cost',
  'quantity',
  'createdAt',
  'updatedAt',
  'expiresAt',
] as const;
export const CURSOR_SORTS = ['name', 'sku', 'price', 'quantity', 'createdAt', 'updatedAt'] as const;

const productListShape = paginationQuery.extend({
  cursor: z.string().min(1).max(500).optional(),
  sort: z.enum(PRODUCT_SORTS, { message: `must be one of ${PRODUCT_SORTS.join(', ')}` }).optional(),
  order: z.enum(['asc', 'desc'], { message: 'must be asc or desc' }).default('asc'),
  search: searchQuery.optional(),
  category: uuid.optional(),
  supplier: uuid.optional(),
  status: z.enum(['in_stock', 'low_stock', 'out_of_stock', 'expired']).optional(),
  lowStock: booleanQuery.optional(),
  outOfStock: booleanQuery.optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  minPrice: z.coerce.number().min(0).optional(),
  maxPrice: z.coerce.number().min(0).optional(),
  active: booleanQuery.optional(),
  /** Changed at or after this instant: a client's catalogue copy catches up (the till offline). */
  updatedSince: z.iso
    .datetime({ offset: true, message: 'must be an ISO date-time such as 2027-01-31T23:59:00Z' })
    .optional(),
});

type ListChecked = { minPrice?: number; maxPrice?: number; cursor?: string; sort?: string };
function withListChecks<T extends z.ZodType<ListChecked>>(schema: T): T {
  return schema
    .refine(
      (q) => q.minPrice === undefined || q.maxPrice === undefined || q.minPrice <= q.maxPrice,
      { message: 'must not be greater than maxPrice', path: ['minPrice'] },
    )
    .refine((q) => !q.cursor || !q.sort || (CURSOR_SORTS as readonly string[]).includes(q.sort), {
      message: `cursor pagination sorts by one of ${CURSOR_SORTS.join(', ')}`,
      path: ['sort'],
    });
}

export const listProductsQuery = withListChecks(productListShape);

/** A supplier's products: the product list's query, with the supplier given by the path. */
export const supplierProductsQuery = withListChecks(productListShape.omit({ supplier: true }));

/** A category's products: the product list's query, with the category given by the path. */
export const categoryProductsQuery = withListChecks(productListShape.omit({ category: true }));

export const lookupQuery = z.object({ barcode });

export const searchProductsQuery = z.object({
  q: z.string().trim().min(1, 'type at least one character').max(100),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});

export const topSellersQuery = z.object({
  limit: z.coerce.number().int().min(1).max(24).default(12),
});

export type CreateProductInput = z.infer<typeof createProductBody>;
export type UpdateProductInput = z.infer<typeof updateProductBody>;
export type ListProductsQuery = z.infer<typeof listProductsQuery>;
/**
 * The list as services ask for it: `suppliedBy` (a supplier's product list) is the supplier's
 * products and those it was ordered or invoiced for.
 */
export type ProductListFilter = ListProductsQuery & { suppliedBy?: string };
