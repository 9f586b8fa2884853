import type { NamedRef } from '../../../lib/api-types';

export interface ProductLocation {
  aisle: string | null;
  row: string | null;
  bin: string | null;
}

export interface Product {
  id: string;
  sku: string;
  barcode: string | null;
  name: string;
  description: string | null;
  category: NamedRef | null;
  supplier: NamedRef | null;
  brand: string | null;
  department: string | null;
  unit: string | null;
  packSize: number | null;
  price: number;
  cost: number | null;
  reorderPoint: number;
  reorderQuantity: number | null;
  location: ProductLocation | null;
  /** A calendar day, `YYYY-MM-DD`. */
  expiresAt: string | null;
  active: boolean;
  quantity: number;
  lowStock: boolean;
  outOfStock: boolean;
  lastSoldAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The create body; PATCH takes the same fields (null clears one) except initialQuantity. */
export interface ProductInput {
  sku?: string;
  barcode?: string | null;
  name: string;
  description?: string | null;
  categoryId?: string | null;
  supplierId?: string | null;
  brand?: string | null;
  department?: string | null;
  unit?: string | null;
  packSize?: number | null;
  price: number;
  cost?: number | null;
  reorderPoint?: number;
  reorderQuantity?: number | null;
  location?: Partial<ProductLocation> | null;
  expiresAt?: string | null;
  active?: boolean;
  initialQuantity?: number;
}

export type ProductSort =
  'name' | 'sku' | 'price' | 'cost' | 'quantity' | 'createdAt' | 'updatedAt' | 'expiresAt';

export type StockStatus = 'in_stock' | 'low_stock' | 'out_of_stock';

export interface ProductListParams {
  page?: number;
  limit?: number;
  search?: string;
  category?: string;
  supplier?: string;
  status?: StockStatus | '';
  expiringWithinDays?: string;
  active?: 'true' | 'false' | '';
  sort?: ProductSort;
  order?: 'asc' | 'desc';
}
