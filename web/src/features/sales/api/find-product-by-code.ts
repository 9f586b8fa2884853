import { queryOptions, useQueryClient } from '@tanstack/react-query';
import { isAxiosError } from 'axios';
import { apiClient } from '@/lib/api-client';
import type { Schemas } from '@/lib/api/types';
import { storePath } from '@/lib/query-keys';
import { saleKeys } from './sale-keys';
import type { ScannedProduct } from './types';

type Product = Schemas['Product'];

function slim(p: Product): ScannedProduct {
  return {
    id: p.id,
    name: p.name,
    sku: p.sku,
    barcode: p.barcode,
    price: p.price,
    quantity: p.quantity,
  };
}

/**
 * What a scanned or typed code names: the product with that barcode, else the product
 * whose SKU is exactly the code; null when neither exists.
 */
export async function findProductByCode(
  storeId: string,
  code: string,
): Promise<ScannedProduct | null> {
  try {
    return slim(
      await apiClient.get<Product>(storePath(storeId, 'products/lookup'), { barcode: code }),
    );
  } catch (error) {
    // 404: no such barcode; 400: not a valid barcode at all. Either way it may be a SKU.
    const status = isAxiosError(error) ? error.response?.status : undefined;
    if (status !== 404 && status !== 400) throw error;
  }
  const { items } = await apiClient.list<Product>(storePath(storeId, 'products'), {
    search: code,
    limit: 20,
  });
  const wanted = code.toLowerCase();
  const match = items.find((p) => p.sku.toLowerCase() === wanted);
  return match ? slim(match) : null;
}

export function productByCodeQueryOptions(storeId: string, code: string) {
  return queryOptions({
    queryKey: saleKeys.code(storeId, code),
    queryFn: () => findProductByCode(storeId, code),
    // A scanner repeats the same code quickly: one lookup serves a burst of scans.
    staleTime: 15_000,
  });
}

/** Resolves codes on demand (scans are events, not something the page renders from). */
export function useFindProductByCode(storeId: string) {
  const queryClient = useQueryClient();
  return (code: string) => queryClient.fetchQuery(productByCodeQueryOptions(storeId, code));
}
