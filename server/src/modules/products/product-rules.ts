import { randomBytes } from 'node:crypto';
import { ValidationError, type ErrorDetail } from '../../core/errors';
import type { Db } from '../../db/pool';
import type { CategoriesService } from '../categories/categories.service';
import type { SuppliersService } from '../suppliers/suppliers.service';

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
