import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { supplierKeys } from './supplier-keys';
import type { SupplierProduct, SupplierProductParams } from './types';

/** Its products and those ordered from it, with the last cost and order date. */
export function getSupplierProducts(
  storeId: string,
  id: string,
  params: SupplierProductParams,
): Promise<Paged<SupplierProduct>> {
  return apiClient.list('/stores/{storeId}/suppliers/{id}/products', {
    path: { storeId, id },
    query: params,
  });
}

export function supplierProductsQueryOptions(
  storeId: string,
  id: string,
  params: SupplierProductParams,
) {
  return queryOptions({
    queryKey: supplierKeys.products(storeId, id, params),
    queryFn: () => getSupplierProducts(storeId, id, params),
    placeholderData: keepPreviousData,
  });
}

export function useSupplierProducts(storeId: string, id: string, params: SupplierProductParams) {
  return useQuery(supplierProductsQueryOptions(storeId, id, params));
}
