import type { QueryParams, RequestBody, Schemas } from '@/lib/api/types';

export type Sale = Schemas['Sale'];
export type SaleLine = Sale['items'][number];
export type Refund = Schemas['Refund'];
export type SaleInput = RequestBody<'recordSale'>;
export type VoidInput = RequestBody<'voidSale'>;
export type RefundInput = RequestBody<'refundSale'>;
export type SaleListParams = QueryParams<'listSales'>;

/** What the till keeps of a scanned product. */
export type ScannedProduct = Pick<
  Schemas['Product'],
  'id' | 'name' | 'sku' | 'barcode' | 'price' | 'quantity'
>;

/** How people see a sale's number: S-000123. */
export function saleLabel(sale: Pick<Sale, 'number'>): string {
  return `S-${String(sale.number).padStart(6, '0')}`;
}
