import type { Db } from '../../db/pool';
import { named } from '../../core/ids';
import { one, type Row } from '../../db/rows';
import { ConflictError } from '../../core/errors';
import { isUniqueViolation } from '../../db/pool';
import {
  REFUND_JSON,
  toRefund,
  type Refund,
  type RefundJson,
  type SaleLabels,
} from './refunds.repo';
import {
  checkoutColumns,
  ITEM_CHECKOUT_JSON,
  toCheckout,
  toCheckoutItem,
  type CheckoutItemJson,
  type CheckoutRow,
} from './checkout/sale-checkout-view';
import type { CheckoutLine, CheckoutTotals } from './checkout/sale-checkout';

export type SaleStatus = 'completed' | 'voided';

export type SaleLine = {
  id: string;
  productId: string;
  productName: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  refundedQuantity: number;
} & ReturnType<typeof toCheckoutItem>;

export type Sale = ReturnType<typeof toCheckout> & {
  id: string;
  number: number;
  status: SaleStatus;
  soldAt: string;
  note: string | null;
  /** The till's or web shop's own id for the sale (unique in the store), if it sent one. */
  externalReference: string | null;
  /** The receipt number an offline till printed before the sale reached the server (OFF-…). */
  provisionalNumber: string | null;
  total: number;
  itemCount: number;
  refundedTotal: number;
  /** What the sale still brings in: nothing once voided, else its total less its refunds. */
  netTotal: number;
  user: { id: string; name: string } | null;
  voidedAt: string | null;
  voidedBy: { id: string; name: string } | null;
  voidReason: string | null;
  items: SaleLine[];
  refunds: Refund[];
  createdAt: string;
};

export type SaleRow = Row<
  'sales',
  | 'id'
  | 'number'
  | 'sold_at'
  | 'note'
  | 'external_reference'
  | 'provisional_number'
  | 'total'
  | 'item_count'
  | 'user_id'
  | 'voided_at'
  | 'voided_by'
  | 'void_reason'
  | 'created_at'
> &
  CheckoutRow & {
    status: SaleStatus;
    /** JSON: a numeric is a number. */
    items: Array<
      CheckoutItemJson & {
        id: string;
        product_id: string;
        quantity: number;
        unit_price: number;
        line_total: number;
        refunded_quantity: number;
      }
    >;
    refunds: RefundJson[];
    sold_key: string;
  };

const cents = (amount: number) => Math.round(amount * 100);

/** The sale with its products' and people's names (sale-views.ts reads them from their owners). */
export function toSale(r: Omit<SaleRow, 'sold_key'>, labels: SaleLabels): Sale {
  const refunds = r.refunds.map((x) => toRefund(x, labels));
  const refunded = refunds.reduce((sum, x) => sum + cents(x.total), 0);
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    soldAt: r.sold_at.toISOString(),
    note: r.note,
    externalReference: r.external_reference,
    provisionalNumber: r.provisional_number,
    total: Number(r.total),
    itemCount: r.item_count,
    refundedTotal: refunded / 100,
    netTotal: r.status === 'voided' ? 0 : (cents(Number(r.total)) - refunded) / 100,
    user: named(r.user_id, labels.users),
    voidedAt: r.voided_at?.toISOString() ?? null,
    voidedBy: named(r.voided_by, labels.users),
    voidReason: r.void_reason,
    // A sold product cannot be deleted (the foreign key).
    items: r.items.flatMap((i) => {
      const product = labels.products.get(i.product_id);
      if (!product) return [];
      return {
        id: i.id,
        productId: i.product_id,
        productName: product.name,
        sku: product.sku,
        quantity: i.quantity,
        unitPrice: Number(i.unit_price),
        lineTotal: Number(i.line_total),
        refundedQuantity: Number(i.refunded_quantity),
        ...toCheckoutItem(i, Number(i.unit_price)),
      };
    }),
    refunds,
    createdAt: r.created_at.toISOString(),
    ...toCheckout(r, r.total),
  };
}

export const SELECT = `SELECT s.id, s.number, s.status, s.sold_at, s.note, s.external_reference, s.provisional_number, s.total, s.item_count, s.user_id,
  s.voided_at, s.voided_by, s.void_reason, s.created_at, ${checkoutColumns('s.')},
  to_char(s.sold_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS sold_key,
  (SELECT coalesce(json_agg(json_build_object('id', i.id, 'product_id', i.product_id,
      'quantity', i.quantity, 'unit_price', i.unit_price, 'line_total', i.line_total,
      'refunded_quantity', (SELECT coalesce(sum(ri.quantity), 0) FROM sale_refund_items ri WHERE ri.sale_item_id = i.id),
      ${ITEM_CHECKOUT_JSON})
      ORDER BY i.line_no, i.id), '[]')
   FROM sale_items i WHERE i.sale_id = s.id) AS items,
  (SELECT coalesce(json_agg(${REFUND_JSON} ORDER BY r.created_at, r.id), '[]')
   FROM sale_refunds r WHERE r.sale_id = s.id) AS refunds
  FROM sales s`;

/**
 * Inserts the sale and its lines with the store's next sale number, and answers the sale's row
 * as `find` reads it, from the same statement (nothing to read back; the names it shows come
 * from their owners, sale-views.ts). The number comes from the
 * store's counter row, which stays locked until the transaction ends: call this as the last
 * write of a sale, so concurrent sales in a store wait on each other only for the commit.
 */
export async function insertSale(
  db: Db,
  storeId: string,
  sale: {
    id?: string;
    userId: string;
    soldAt: Date;
    note: string | null;
    externalReference?: string | null;
    provisionalNumber?: string | null;
    /** Tax, discounts, payments, customer: worked out by checkout/sale-checkout.ts. */
    totals: CheckoutTotals;
    /** `unitCost`: the cost of goods its ledger movement recorded (unknown: null). */
    lines: Array<CheckoutLine & { unitCost?: number | null }>;
  },
): Promise<Omit<SaleRow, 'sold_key'>> {
  const { rows } = await db
    .query<Omit<SaleRow, 'sold_key'>>({
      // Prepared once per connection: planning this statement cost more than running it.
      name: 'sales.insert-sale',
      text: `WITH lines AS (
       SELECT l.*, l.n AS line_no
       FROM ROWS FROM (jsonb_to_recordset($5::jsonb)
           AS (product_id uuid, quantity int, unit_price numeric, unit_cost numeric,
             list_price numeric, discount numeric, override_reason text, tax_name text,
             tax_rate_bps int, tax_amount numeric, line_total numeric))
         WITH ORDINALITY AS l(product_id, quantity, unit_price, unit_cost, list_price, discount,
           override_reason, tax_name, tax_rate_bps, tax_amount, line_total, n)
     ), counter AS (
       INSERT INTO sale_counters (store_id, last_number) VALUES ($1, 1)
       ON CONFLICT (store_id) DO UPDATE SET last_number = sale_counters.last_number + 1
       RETURNING last_number
     ), sale AS (
       INSERT INTO sales (id, store_id, user_id, sold_at, note, total, item_count, number,
         external_reference, provisional_number, ${checkoutColumns('')})
       SELECT coalesce($6::uuid, gen_random_uuid()), $1, $2, $3, $4,
         coalesce(sum(line_total), 0), coalesce(sum(quantity), 0),
         (SELECT last_number FROM counter), $7, $9,
         c.subtotal, c.discount_total, c.discount_reason, c.tax_total, c.prices_include_tax,
         c.tax_breakdown, c.payments, c.change_given, c.customer_name, c.customer_email
       FROM lines, jsonb_to_record($8::jsonb) AS c(subtotal numeric, discount_total numeric,
         discount_reason text, tax_total numeric, prices_include_tax boolean, tax_breakdown jsonb,
         payments jsonb, change_given numeric, customer_name text, customer_email text)
       GROUP BY c.subtotal, c.discount_total, c.discount_reason, c.tax_total, c.prices_include_tax,
         c.tax_breakdown, c.payments, c.change_given, c.customer_name, c.customer_email
       RETURNING id, number, status, sold_at, note, external_reference, provisional_number, total, item_count, user_id,
         voided_at, voided_by, void_reason, created_at, ${checkoutColumns('')}
     ), items AS (
       INSERT INTO sale_items (sale_id, store_id, product_id, quantity, unit_price, line_total, sold_at, line_no,
         unit_cost, list_price, discount, override_reason, tax_name, tax_rate_bps, tax_amount)
       SELECT sale.id, $1, l.product_id, l.quantity, l.unit_price, l.line_total, $3, l.line_no,
         l.unit_cost, l.list_price, l.discount, l.override_reason, l.tax_name, l.tax_rate_bps, l.tax_amount
       FROM sale, lines l
       RETURNING *
     )
     SELECT sale.*,
       (SELECT coalesce(json_agg(json_build_object('id', i.id, 'product_id', i.product_id,
           'quantity', i.quantity, 'unit_price', i.unit_price, 'line_total', i.line_total,
           'refunded_quantity', 0, ${ITEM_CHECKOUT_JSON}) ORDER BY i.line_no, i.id), '[]')
        FROM items i) AS items,
       '[]'::json AS refunds
     FROM sale`,
      values: [
        storeId,
        sale.userId,
        sale.soldAt,
        sale.note,
        JSON.stringify(
          sale.lines.map((l) => ({
            product_id: l.productId,
            quantity: l.quantity,
            unit_price: l.unitPrice,
            unit_cost: l.unitCost ?? null,
            list_price: l.listPrice,
            discount: l.discount,
            override_reason: l.overrideReason,
            tax_name: l.taxName,
            tax_rate_bps: l.taxRateBps,
            tax_amount: l.tax,
            line_total: l.lineTotal,
          })),
        ),
        sale.id ?? null,
        sale.externalReference ?? null,
        JSON.stringify({
          subtotal: sale.totals.subtotal,
          discount_total: sale.totals.discountTotal,
          discount_reason: sale.totals.discountReason,
          tax_total: sale.totals.taxTotal,
          prices_include_tax: sale.totals.pricesIncludeTax,
          tax_breakdown: sale.totals.taxes,
          payments: sale.totals.payments,
          change_given: sale.totals.change,
          customer_name: sale.totals.customerName,
          customer_email: sale.totals.customerEmail,
        }),
        sale.provisionalNumber ?? null,
      ],
    })
    .catch((err: unknown) => {
      // The service serialises posts of one reference (sale-references.repo.ts): a guard.
      if (isUniqueViolation(err, 'sales_store_external_reference_key'))
        throw new ConflictError('This store already has a sale with this external reference');
      throw err;
    });
  return one(rows);
}

export async function find(db: Db, storeId: string, id: string): Promise<SaleRow | undefined> {
  const { rows } = await db.query<SaleRow>(`${SELECT} WHERE s.store_id = $1 AND s.id = $2`, [
    storeId,
    id,
  ]);
  return rows[0];
}

export interface LockedSale {
  id: string;
  number: number;
  status: SaleStatus;
  soldAt: Date;
  total: number;
  /** The sale's calendar day in the store's time zone, `YYYY-MM-DD`. */
  day: string;
  /** Whether that day is today there. */
  today: boolean;
  timezone: string;
}

/**
 * Locks the sale row for a void or refund: they serialise per sale, so two refunds cannot
 * both take the last refundable unit. Whatever the caller reads after this sees the other's
 * committed refund (a new statement, a new snapshot), which is why nothing else is read here.
 * `timezone`: the store's, its days are the sale's.
 */
export async function lockSale(
  db: Db,
  storeId: string,
  id: string,
  timezone: string,
): Promise<LockedSale | undefined> {
  const { rows } = await db.query<
    Row<'sales', 'id' | 'number' | 'sold_at' | 'total'> & {
      status: SaleStatus;
      timezone: string;
      day: string;
      today: boolean;
    }
  >(
    `SELECT s.id, s.number, s.status, s.sold_at, s.total, $3::text AS timezone,
       to_char((s.sold_at AT TIME ZONE $3)::date, 'YYYY-MM-DD') AS day,
       (s.sold_at AT TIME ZONE $3)::date = (now() AT TIME ZONE $3)::date AS today
     FROM sales s
     WHERE s.store_id = $1 AND s.id = $2
     FOR UPDATE`,
    [storeId, id, timezone],
  );
  const r = rows[0];
  return (
    r && {
      id: r.id,
      number: r.number,
      status: r.status,
      soldAt: r.sold_at,
      total: Number(r.total),
      day: r.day,
      today: r.today,
      timezone: r.timezone,
    }
  );
}
