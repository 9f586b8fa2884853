/**
 * The checkout parts of a sale's row (tax, discounts, payments, customer): the columns
 * sales.repo reads and returns, and how the API shows them. A sale made before checkout had
 * them reads with no tax, no discount, no payments and no customer.
 */

/** The sale row's checkout columns, as `s.` (a read) or bare (a RETURNING). */
export const checkoutColumns = (p: string) =>
  `${p}subtotal, ${p}discount_total, ${p}discount_reason, ${p}tax_total, ${p}prices_include_tax,
  ${p}tax_breakdown, ${p}payments, ${p}change_given, ${p}customer_name, ${p}customer_email`;

/** A sale item's checkout fields in its JSON (`i.` is the item). */
export const ITEM_CHECKOUT_JSON = `'list_price', i.list_price, 'discount', i.discount,
  'override_reason', i.override_reason, 'tax_name', i.tax_name, 'tax_rate_bps', i.tax_rate_bps,
  'tax_amount', i.tax_amount`;

export interface CheckoutRow {
  subtotal: string | null;
  discount_total: string;
  discount_reason: string | null;
  tax_total: string;
  prices_include_tax: boolean | null;
  tax_breakdown: Array<{
    taxRateId: string;
    name: string;
    rateBps: number;
    taxable: number;
    tax: number;
  }>;
  payments: Array<{ method: 'cash' | 'card' | 'other'; amount: number; reference: string | null }>;
  change_given: string;
  customer_name: string | null;
  customer_email: string | null;
}

export interface CheckoutItemJson {
  list_price: number | null;
  discount: number;
  override_reason: string | null;
  tax_name: string | null;
  tax_rate_bps: number | null;
  tax_amount: number;
}

const cents = (n: number | string) => Math.round(Number(n) * 100);

export function toCheckout(r: CheckoutRow, total: string) {
  const paid = r.payments.reduce((sum, p) => sum + cents(p.amount), 0);
  return {
    pricesIncludeTax: r.prices_include_tax,
    subtotal: Number(r.subtotal ?? total),
    discountTotal: Number(r.discount_total),
    discountReason: r.discount_reason,
    taxTotal: Number(r.tax_total),
    taxes: r.tax_breakdown,
    payments: r.payments,
    paidTotal: paid / 100,
    change: Number(r.change_given),
    customer:
      r.customer_name === null && r.customer_email === null
        ? null
        : { name: r.customer_name, email: r.customer_email },
  };
}

export function toCheckoutItem(i: CheckoutItemJson, unitPrice: number) {
  return {
    listPrice: i.list_price === null ? unitPrice : Number(i.list_price),
    discount: Number(i.discount),
    priceOverrideReason: i.override_reason,
    taxName: i.tax_name,
    taxRateBps: i.tax_rate_bps,
    tax: Number(i.tax_amount),
  };
}
