import { taxRuleOf, type TillCatalogue } from '@/lib/offline-catalogue';
import type { SaleInput, SaleQuote } from '../api/types';
import { price } from '@/lib/sale-pricing';

const toCents = (amount: number) => BigInt(Math.round(amount * 100));
const toAmount = (cents: bigint) => Number(cents) / 100;

/**
 * What `POST …/sales/quote` would answer, worked out on this device from the offline catalogue
 * (prices, tax rules) with the API's own arithmetic (pricing.ts). Undefined when a line's
 * product is not in the catalogue. The server prices the sale again when it receives it.
 */
export function quoteOffline(c: TillCatalogue, input: SaleInput): SaleQuote | undefined {
  const products = new Map(c.products.map((p) => [p.id, p]));
  if (!input.items.every((i) => products.has(i.productId))) return undefined;
  const lines = input.items.map((item) => {
    const product = products.get(item.productId)!;
    const listPrice = toCents(product.price);
    return {
      quantity: item.quantity,
      listPrice,
      unitPrice: item.unitPrice === undefined ? listPrice : toCents(item.unitPrice),
      discount: item.discount,
      tax: taxRuleOf(c, product),
    };
  });
  const priced = price(lines, {
    pricesIncludeTax: c.pricesIncludeTax,
    saleDiscount: input.discount,
  });
  const paid = (input.payments ?? []).reduce((sum, p) => sum + toCents(p.amount), 0n);
  return {
    pricesIncludeTax: c.pricesIncludeTax,
    subtotal: toAmount(priced.subtotal),
    discountTotal: toAmount(priced.discountTotal),
    taxTotal: toAmount(priced.taxTotal),
    total: toAmount(priced.total),
    taxes: priced.taxes.map((t) => ({ ...t, taxable: toAmount(t.taxable), tax: toAmount(t.tax) })),
    items: input.items.map((item, i) => ({
      productId: item.productId,
      quantity: item.quantity,
      listPrice: toAmount(lines[i]!.listPrice),
      unitPrice: toAmount(lines[i]!.unitPrice),
      discount: toAmount(priced.lines[i]!.discount),
      taxName: lines[i]!.tax?.name ?? null,
      taxRateBps: lines[i]!.tax?.rateBps ?? null,
      tax: toAmount(priced.lines[i]!.tax),
      lineTotal: toAmount(priced.lines[i]!.total),
    })),
    paid: toAmount(paid),
    change: input.payments ? toAmount(paid - priced.total) : 0,
  };
}
