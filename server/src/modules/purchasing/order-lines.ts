import type { ErrorDetail } from '../../core/errors';
import { ValidationError } from '../../core/errors';
import { formatMoney, TOTAL_MAX_CENTS, toCents } from '../../core/limits';
import type { Db } from '../../db/pool';
import type { ProductReads } from '../products/products.reads';
import type { NewLine } from './purchase-orders.repo';

/**
 * Checks an order's lines against the store's catalogue: every product in this store and
 * active, and the totals within their columns. `at` prefixes the field names (`orders.0.`).
 */
export async function assertLines(
  productFacts: ProductReads['orderingFacts'],
  db: Db,
  storeId: string,
  lines: NewLine[],
  at = '',
) {
  const found = await productFacts(
    db,
    storeId,
    lines.map((l) => l.productId),
  );
  const details: ErrorDetail[] = [];
  const seen = new Set<string>();
  lines.forEach((line, i) => {
    const product = found.get(line.productId);
    const field = `${at}lines.${i}.productId`;
    if (seen.has(line.productId)) {
      details.push({
        field,
        message: 'is listed twice: put the whole quantity on one line',
        code: 'duplicate',
      });
    } else if (!product) {
      details.push({ field, message: 'no such product in this store', code: 'not_found' });
    } else if (!product.active) {
      details.push({
        field,
        message: 'is deactivated: reactivate it to order it',
        code: 'inactive',
      });
    }
    seen.add(line.productId);
  });
  if (details.length) throw new ValidationError(details);
  assertTotalsFit(lines, at);
}

/** Line totals and the order total must fit numeric(14,2). */
function assertTotalsFit(lines: NewLine[], at: string) {
  const max = formatMoney(TOTAL_MAX_CENTS);
  let total = 0n;
  const details = lines.flatMap((line, i) => {
    const lineTotal = BigInt(line.quantity) * toCents(line.unitCost);
    total += lineTotal;
    return lineTotal > TOTAL_MAX_CENTS
      ? [
          {
            field: `${at}lines.${i}.quantity`,
            message: `makes a line total of ${formatMoney(lineTotal)}; a line totals at most ${max}`,
            code: 'too_big',
          },
        ]
      : [];
  });
  if (!details.length && total > TOTAL_MAX_CENTS) {
    details.push({
      field: `${at}lines`,
      message: `add up to ${formatMoney(total)}; an order totals at most ${max}`,
      code: 'too_big',
    });
  }
  if (details.length) throw new ValidationError(details);
}
