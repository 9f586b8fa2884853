import type { NamedRef } from '../../../lib/api-types';

export interface SaleItem {
  id: string;
  productId: string;
  productName: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

export interface Sale {
  id: string;
  soldAt: string;
  note: string | null;
  total: number;
  itemCount: number;
  user: NamedRef | null;
  items: SaleItem[];
  createdAt: string;
}

export interface SaleInput {
  items: Array<{ productId: string; quantity: number; unitPrice?: number }>;
  soldAt?: string;
  note?: string;
}

export interface SaleListParams {
  page?: number;
  limit?: number;
  dateFrom?: string;
  dateTo?: string;
  sort?: 'soldAt' | 'total';
  order?: 'asc' | 'desc';
}

/** What the till needs to know about a scanned product. */
export interface ScannedProduct {
  id: string;
  name: string;
  sku: string;
  barcode: string | null;
  price: number;
  quantity: number;
}
