import { ConflictError } from '../../core/errors';
import { toCents } from '../../core/limits';
import type { Sale } from './sales.repo';
import type { RecordSaleInput } from './sales.schemas';
import { saleLabel } from './sale-reversals';

/**
 * Marks the sale a post answers because its external reference named it (no sale was made):
 * the route answers it with 200 instead of 201. A symbol key, so no answer ever shows it.
 */
export const FOUND_BY_REFERENCE = Symbol('found by its external reference');

export const foundByReference = (sale: Sale): Sale =>
  Object.assign(sale, { [FOUND_BY_REFERENCE]: true });

export const wasFoundByReference = (sale: object) => FOUND_BY_REFERENCE in sale;

/**
 * A post whose external reference the store already has is a retry of that sale when it has
 * the same lines in the same order: the same products and quantities, and the same unit price
 * where the post gives one (without one the first post took the product's price then). Its
 * `soldAt` and `note` are not compared. Other lines are another sale under a used reference:
 * 409, saying which line differs and which sale the reference names.
 */
export function assertSameLines(items: RecordSaleInput['items'], sale: Sale): void {
  const differs = (() => {
    if (items.length !== sale.items.length)
      return `it has ${sale.items.length} line(s), this post ${items.length}`;
    for (const [i, item] of items.entries()) {
      const had = sale.items[i]!;
      const line = `line ${i + 1}`;
      if (item.productId !== had.productId)
        return `${line} is product ${had.productId} (${had.sku}) there, ${item.productId} here`;
      if (item.quantity !== had.quantity)
        return `${line} sold ${had.quantity} there, ${item.quantity} here`;
      if (item.unitPrice !== undefined && toCents(item.unitPrice) !== toCents(had.unitPrice))
        return `${line} was priced ${had.unitPrice.toFixed(2)} there, ${item.unitPrice.toFixed(2)} here`;
    }
    return undefined;
  })();
  if (!differs) return;
  const message = `The external reference "${sale.externalReference}" already names sale ${saleLabel(sale.number)} (${sale.id}) with other lines: ${differs}. Post a new sale with its own reference.`;
  throw new ConflictError(message, [
    {
      field: 'externalReference',
      message: `names sale ${sale.id} with other lines`,
      code: 'reference_taken',
    },
  ]);
}
