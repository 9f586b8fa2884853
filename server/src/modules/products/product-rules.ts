import { randomBytes } from 'node:crypto';
import { ValidationError, type ErrorDetail } from '../../core/errors';
import type { Db } from '../../db/pool';
import type { CategoriesService } from '../categories/categories.service';
import type { SuppliersService } from '../suppliers/suppliers.service';
import { productFields } from './products.schemas';

/** A readable SKU from the name: `MILK-7Q2KX4RD`. */
export function generateSku(name: string): string {
  const prefix =
    name
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 4) || 'SKU';
  const suffix = randomBytes(5)
    .toString('base64url')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X');
  return `${prefix}-${suffix}`;
}

/** Category and supplier ids in a body must belong to this store, or it is a 400 on that field. */
export async function assertReferences(
  deps: { categories: CategoriesService; suppliers: SuppliersService },
  db: Db,
  storeId: string,
  input: { categoryId?: string | null; supplierId?: string | null },
) {
  const details: ErrorDetail[] = [];
  if (input.categoryId && !(await deps.categories.exists(db, storeId, input.categoryId))) {
    details.push({
      field: 'categoryId',
      message: 'no such category in this store',
      code: 'not_found',
    });
  }
  if (input.supplierId && !(await deps.suppliers.exists(db, storeId, input.supplierId))) {
    details.push({
      field: 'supplierId',
      message: 'no such supplier in this store',
      code: 'not_found',
    });
  }
  if (details.length) throw new ValidationError(details);
}

/** Every field of a product, as PUT must send them. */
const WHOLE_PRODUCT = Object.keys(productFields) as (keyof typeof productFields)[];

/** A PUT that leaves a field out: a 400 naming each one and pointing to PATCH. */
export function assertWhole(input: Record<string, unknown>, seesCost: boolean) {
  const missing = WHOLE_PRODUCT.filter(
    (field) => input[field] === undefined && (seesCost || field !== 'cost'),
  );
  if (!missing.length) return;
  throw new ValidationError(
    missing.map((field) => ({
      field,
      message: 'is required: PUT replaces the whole product (send null to clear it)',
      code: 'required',
    })),
    `PUT replaces the whole product and ${missing.length === 1 ? 'this field is' : 'these fields are'} missing: ${missing.join(', ')}. Send every field (null clears one), or use PATCH /products/{id} to change only some.`,
  );
}
