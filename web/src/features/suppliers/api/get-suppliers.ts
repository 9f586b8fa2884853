import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { supplierKeys, suppliersPath } from './supplier-keys';
import type { Supplier, SupplierListParams } from './types';

export function getSuppliers(
  storeId: string,
  params: SupplierListParams,
): Promise<Paged<Supplier>> {
  return apiClient.list<Supplier>(suppliersPath(storeId), params);
}

export function suppliersQueryOptions(storeId: string, params: SupplierListParams) {
  return queryOptions({
    queryKey: supplierKeys.list(storeId, params),
    queryFn: () => getSuppliers(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useSuppliers(storeId: string, params: SupplierListParams) {
  return useQuery(suppliersQueryOptions(storeId, params));
}
