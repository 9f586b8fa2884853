import type { QueryParams, RequestBody, Schemas } from '@/lib/api/types';

export type Sale = Schemas['Sale'];
export type SaleLine = Sale['items'][number];
export type Refund = Schemas['Refund'];
export type SaleQuote = Schemas['SaleQuote'];
export type PaymentMethod = Schemas['PaymentMethod'];
export type SaleExtras = Pick<SaleInput, 'discount' | 'discountReason' | 'payments' | 'customer'>;
export type SaleInput = RequestBody<'recordSale'>;
export type VoidInput = RequestBody<'voidSale'>;
export type RefundInput = RequestBody<'refundSale'>;
export type SaleListParams = QueryParams<'listSales'>;
export type TopSeller = Schemas['TopSeller'];
export type TopSellerParams = QueryParams<'listTopSellers'>;

/** What the till keeps of a scanned or picked product. */
export type ScannedProduct = Schemas['ProductPick'];

/** What the cashier changed on a line: a discount (percent or amount off) or a new unit price. */
export type LineAdjustment =
  | { kind: 'percent'; value: number }
  | { kind: 'amount'; value: number }
  | { kind: 'price'; value: number; reason: string };

/** A line of the sale being rung up. */
export interface TillLine {
  product: ScannedProduct;
  quantity: number;
  adjustment?: LineAdjustment;
}

/** A till line as the sale and its quote send it. */
export function saleItem({
  product,
  quantity,
  adjustment: a,
}: TillLine): SaleInput['items'][number] {
  const item = { productId: product.id, quantity };
  if (!a) return item;
  if (a.kind === 'price') return { ...item, unitPrice: a.value, priceOverrideReason: a.reason };
  return { ...item, discount: a.kind === 'percent' ? { percent: a.value } : { amount: a.value } };
}

/** A sale kept on this device until the server has it (see sale-outbox.ts). */
export interface QueuedSale {
  /** Sent with every attempt, so the server records the sale once however often it is sent. */
  idempotencyKey: string;
  storeId: string;
  userId: string;
  input: SaleInput;
  /** What the till showed, to list the sale and to put it back in the till if refused. */
  lines: TillLine[];
  total: number;
  units: number;
  queuedAt: number;
  /** Its receipt's number until the server gives it its own (OFF-AB12-3). */
  provisionalNumber?: string;
  /** Why the server refused it (not enough stock, ...): it is not sent again as it is. */
  refusal?: string;
}

/** How people see a sale's number: S-000123. */
export function saleLabel(sale: Pick<Sale, 'number'>): string {
  return `S-${String(sale.number).padStart(6, '0')}`;
}
