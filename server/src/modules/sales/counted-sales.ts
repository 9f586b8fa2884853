import { ValidationError } from '../../core/errors';
import { CLOCK_SKEW_MS } from './sale-time';

/*
 * A shelf count captures the shelf at its moment, so anything dated before it, a sale rung up
 * offline and sent after the count included, was already taken in by it. Such a sale is
 * recorded as usual (its `sale` movement, units sold, revenue and cost of goods) and, per
 * product, a `count` correction of the units it sold, referring to the sale and dated at the
 * first count after it (the count that took the units' absence in), puts them back: stock
 * stays as counted and the count's shrinkage is corrected. A void after such a count writes
 * the opposite pair, since the count found on the shelf the units the voided sale never took.
 */

/**
 * When a sale dated `soldAt` is recorded: not before any of its products existed (400 naming
 * each such line). A till clock a few minutes slow (the clock-skew allowance) is not refused:
 * the sale is then dated when its newest product was added.
 */
export function notBeforeProducts(
  items: ReadonlyArray<{ productId: string }>,
  createdAt: (productId: string) => Date,
  soldAt: Date,
): Date {
  const details = items.flatMap((item, i) => {
    const created = createdAt(item.productId);
    return soldAt.getTime() < created.getTime() - CLOCK_SKEW_MS
      ? [
          {
            field: `items.${i}.productId`,
            message: `was added to the catalogue at ${created.toISOString()}, after this sale's soldAt ${soldAt.toISOString()}: a sale cannot be dated before its product existed`,
            code: 'before_product_existed',
          },
        ]
      : [];
  });
  if (details.length) throw new ValidationError(details);
  const newest = Math.max(...items.map((item) => createdAt(item.productId).getTime()));
  return newest > soldAt.getTime() ? new Date(newest) : soldAt;
}

const format = (timezone: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone });

/** The notes of the count corrections, times in the store's zone. */
export const countNote = {
  sold: (countedAt: string, soldAt: Date, timezone: string) =>
    `The stock count of ${format(timezone).format(new Date(countedAt))} already reflected this sale (rung up ${format(timezone).format(soldAt)} and sent after the count): its units are put back so the stock stays as counted`,
  voided: (label: string, countedAt: string, timezone: string) =>
    `Void of ${label}: the stock count of ${format(timezone).format(new Date(countedAt))} had already found these units on the shelf, so the stock stays as counted`,
};
