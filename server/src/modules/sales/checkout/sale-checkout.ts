import { ValidationError, type ErrorDetail } from '../../../core/errors';
import type { Role } from '../../../core/access';
import { formatMoney, TOTAL_MAX_CENTS, toCents } from '../../../core/limits';
import type { CheckoutRules } from './checkout.repo';
import { DiscountTooLarge, price, type Priced, type TaxBand } from './pricing';
import type { RecordSaleInput } from '../sales.schemas';
import type { PaymentInput } from './sale-checkout.schemas';

/** What a sale's pricing needs of each of its products (read with their stock lock). */
export interface PricedProduct {
  price: string;
  categoryId: string | null;
}

/** A line as the sale's INSERT writes it (money as numeric text). */
export interface CheckoutLine {
  productId: string;
  quantity: number;
  unitPrice: string;
  listPrice: string;
  discount: string;
  overrideReason: string | null;
  taxName: string | null;
  taxRateBps: number | null;
  tax: string;
  lineTotal: string;
}

/** The sale's own checkout columns. */
export interface CheckoutTotals {
  pricesIncludeTax: boolean;
  subtotal: string;
  discountTotal: string;
  discountReason: string | null;
  taxTotal: string;
  taxes: Array<Omit<TaxBand, 'taxable' | 'tax'> & { taxable: number; tax: number }>;
  payments: Array<{ method: PaymentInput['method']; amount: number; reference: string | null }>;
  change: string;
  customerName: string | null;
  customerEmail: string | null;
}

const text = (cents: bigint) => formatMoney(cents).replaceAll(',', '');
const num = (cents: bigint) => Number(cents) / 100;

/**
 * Prices a sale (pricing.ts) and checks what the person ringing it up may do: every
 * refusal at once, as 400s naming the fields. `role`: an employee's discounts and lower
 * prices (with a reason or not) may take off at most the store's limit of the list prices
 * without a manager's approval; `overLimit` says by how much more (the caller asks for the
 * approval: sales/approvals). Admins and managers are not limited. Payments, when sent, must
 * cover the total; only cash gives change.
 */
export function checkout(
  input: RecordSaleInput,
  products: ReadonlyMap<string, PricedProduct>,
  rules: CheckoutRules,
  role: Role,
): {
  lines: CheckoutLine[];
  totals: CheckoutTotals;
  priced: Priced;
  overLimit: ErrorDetail[] | null;
  /** What an employee's sale takes off its list prices (an approval must cover it). */
  takenOff: number;
} {
  const { settings } = rules;
  const details: ErrorDetail[] = [];
  let overLimit: ErrorDetail[] | null = null;
  let takenOff = 0n;
  const lines = input.items.map((item) => {
    const product = products.get(item.productId)!;
    const listPrice = toCents(product.price);
    return {
      quantity: item.quantity,
      listPrice,
      unitPrice: item.unitPrice === undefined ? listPrice : toCents(item.unitPrice),
      discount: item.discount,
      tax: rules.taxOf(item.productId, product.categoryId),
    };
  });
  let priced: Priced;
  try {
    priced = price(lines, {
      pricesIncludeTax: settings.pricesIncludeTax,
      saleDiscount: input.discount,
    });
  } catch (err) {
    if (!(err instanceof DiscountTooLarge)) throw err;
    throw new ValidationError([
      {
        field: err.line < 0 ? 'discount' : `items.${err.line}.discount`,
        message: `is ${formatMoney(err.discount)}, more than the ${formatMoney(err.of)} it comes off`,
        code: 'too_big',
      },
    ]);
  }
  input.items.forEach((item, i) => {
    const total = priced.lines[i]!.total;
    if (total > TOTAL_MAX_CENTS)
      details.push({
        field: `items.${i}.quantity`,
        message: `makes a line total of ${formatMoney(total)}; a line totals at most ${formatMoney(TOTAL_MAX_CENTS)}`,
        code: 'too_big',
      });
  });
  if (!details.length && priced.total > TOTAL_MAX_CENTS)
    details.push({
      field: 'items',
      message: `add up to ${formatMoney(priced.total)}; a sale totals at most ${formatMoney(TOTAL_MAX_CENTS)}`,
      code: 'too_big',
    });

  if (role === 'employee') {
    // What the employee took off: discounts, and every price below the list price (with a
    // reason or without one: a lower unitPrice is a discount whatever it is called).
    const overrides = input.items.reduce((sum, item, i) => {
      const l = lines[i]!;
      return l.unitPrice < l.listPrice
        ? sum + BigInt(item.quantity) * (l.listPrice - l.unitPrice)
        : sum;
    }, 0n);
    const taken = overrides + priced.discountTotal;
    takenOff = taken;
    const list = lines.reduce((sum, l) => sum + BigInt(l.quantity) * l.listPrice, 0n);
    const limitBps = BigInt(Math.round(settings.employeeDiscountLimitPercent * 100));
    if (taken > 0n && taken * 10000n > list * limitBps) {
      overLimit = [
        {
          field: input.discount ? 'discount' : 'items',
          message: limitBps
            ? `take ${formatMoney(taken)} off; an employee may take off at most ${settings.employeeDiscountLimitPercent}% of the list prices (${formatMoney((list * limitBps) / 10000n)}) in this store without a manager’s approval`
            : 'give a discount or a lower price, which employees may not do in this store without a manager’s approval (its employee discount limit is 0%)',
          code: 'discount_limit',
        },
      ];
    }
  }

  const paid = (input.payments ?? []).reduce((sum, p) => sum + toCents(p.amount), 0n);
  const cash = (input.payments ?? [])
    .filter((p) => p.method === 'cash')
    .reduce((sum, p) => sum + toCents(p.amount), 0n);
  const change = input.payments ? paid - priced.total : 0n;
  if (input.payments && change < 0n) {
    details.push({
      field: 'payments',
      message: `come to ${formatMoney(paid)}; the sale totals ${formatMoney(priced.total)} (${formatMoney(-change)} still to pay)`,
      code: 'not_covered',
    });
  } else if (change > cash) {
    details.push({
      field: 'payments',
      message: `come to ${formatMoney(paid)}, ${formatMoney(change)} more than the total; only cash gives change, so card and other payments may not pay more than is left`,
      code: 'overpaid',
    });
  }
  if (details.length) throw new ValidationError(details);

  return {
    priced,
    overLimit,
    takenOff: Number(takenOff) / 100,
    lines: input.items.map((item, i) => {
      const p = priced.lines[i]!;
      const l = lines[i]!;
      return {
        productId: item.productId,
        quantity: item.quantity,
        unitPrice: text(l.unitPrice),
        listPrice: text(l.listPrice),
        discount: text(p.discount),
        overrideReason: item.priceOverrideReason ?? null,
        taxName: l.tax?.name ?? null,
        taxRateBps: l.tax?.rateBps ?? null,
        tax: text(p.tax),
        lineTotal: text(p.total),
      };
    }),
    totals: {
      pricesIncludeTax: settings.pricesIncludeTax,
      subtotal: text(priced.subtotal),
      discountTotal: text(priced.discountTotal),
      discountReason: input.discountReason ?? null,
      taxTotal: text(priced.taxTotal),
      taxes: priced.taxes.map((t) => ({ ...t, taxable: num(t.taxable), tax: num(t.tax) })),
      payments: (input.payments ?? []).map((p) => ({
        method: p.method,
        amount: p.amount,
        reference: p.reference ?? null,
      })),
      change: text(change),
      customerName: input.customer?.name ?? null,
      customerEmail: input.customer?.email ?? null,
    },
  };
}

/** Lines at their given prices with no tax, discount, payment or customer (benchmarks). */
export function plainCheckout(
  items: ReadonlyArray<{ productId: string; quantity: number; unitPrice: string }>,
): { lines: CheckoutLine[]; totals: CheckoutTotals } {
  const totals = items.map((i) => BigInt(i.quantity) * toCents(i.unitPrice));
  const subtotal = text(totals.reduce((a, b) => a + b, 0n));
  return {
    lines: items.map((i, n) => ({
      ...i,
      listPrice: i.unitPrice,
      discount: '0.00',
      overrideReason: null,
      taxName: null,
      taxRateBps: null,
      tax: '0.00',
      lineTotal: text(totals[n]!),
    })),
    totals: {
      pricesIncludeTax: false,
      subtotal,
      discountTotal: '0.00',
      discountReason: null,
      taxTotal: '0.00',
      taxes: [],
      payments: [],
      change: '0.00',
      customerName: null,
      customerEmail: null,
    },
  };
}
