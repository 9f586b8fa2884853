import type { QueryParams, RequestBody, Schemas } from '@/lib/api/types';

export type Sale = Schemas['Sale'];
export type SaleInput = RequestBody<'recordSale'>;
export type SaleListParams = QueryParams<'listSales'>;

/** What the till keeps of a scanned product. */
export type ScannedProduct = Pick<
  Schemas['Product'],
  'id' | 'name' | 'sku' | 'barcode' | 'price' | 'quantity'
>;
