import type { RecordSaleInput } from '../sales.schemas';
import type { checkout } from './sale-checkout';

/** A priced, unrecorded sale as `POST …/sales/quote` answers it. */
export function quoteOf(input: RecordSaleInput, c: ReturnType<typeof checkout>) {
  const { totals } = c;
  return {
    pricesIncludeTax: totals.pricesIncludeTax,
    subtotal: Number(totals.subtotal),
    discountTotal: Number(totals.discountTotal),
    taxTotal: Number(totals.taxTotal),
    total: Number(c.priced.total) / 100,
    taxes: totals.taxes,
    items: c.lines.map((l) => ({
      productId: l.productId,
      quantity: l.quantity,
      listPrice: Number(l.listPrice),
      unitPrice: Number(l.unitPrice),
      discount: Number(l.discount),
      taxName: l.taxName,
      taxRateBps: l.taxRateBps,
      tax: Number(l.tax),
      lineTotal: Number(l.lineTotal),
    })),
    paid: (input.payments ?? []).reduce((sum, p) => sum + Math.round(p.amount * 100), 0) / 100,
    change: Number(totals.change),
  };
}
