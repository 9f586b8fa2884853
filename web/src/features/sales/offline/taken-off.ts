import type { SaleInput, TillLine } from '../api/types';
import { saleItem } from '../api/types';
import { DiscountTooLarge, price, toAmount } from '@/lib/sale-pricing';

const toCents = (amount: number) => BigInt(Math.round(amount * 100));

/**
 * What the sale takes off its list prices: every lower unit price, the line discounts and the
 * sale discount, as the API measures it against an employee's limit (sale-checkout.ts). A
 * manager's approval of a discount is for this amount: a sale taking off more with it is
 * refused. Tax does not change it (discounts come off the prices charged).
 */
export function takenOff(lines: readonly TillLine[], saleDiscount?: SaleInput['discount']): number {
  const priced = lines.map((line) => {
    const item = saleItem(line);
    const listPrice = toCents(line.product.price);
    const unitPrice = item.unitPrice === undefined ? listPrice : toCents(item.unitPrice);
    return { quantity: item.quantity, listPrice, unitPrice, discount: item.discount, tax: null };
  });
  const overrides = priced.reduce(
    (sum, l) =>
      l.unitPrice < l.listPrice ? sum + BigInt(l.quantity) * (l.listPrice - l.unitPrice) : sum,
    0n,
  );
  try {
    const { discountTotal } = price(priced, { pricesIncludeTax: true, saleDiscount });
    return toAmount(overrides + discountTotal);
  } catch (err) {
    // A discount larger than what it comes off: the server refuses the sale with a 400 anyway.
    if (err instanceof DiscountTooLarge) return toAmount(overrides);
    throw err;
  }
}
