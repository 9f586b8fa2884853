import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged, QueryParams, Schemas } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';

type Supplier = Schemas['Supplier'];
type SupplierListParams = QueryParams<'listSuppliers'>;

export function getSuppliers(
  storeId: string,
  params: SupplierListParams,
): Promise<Paged<Supplier>> {
  return apiClient.list('/stores/{storeId}/suppliers', { path: { storeId }, query: params });
}

export function suppliersQueryOptions(storeId: string, params: SupplierListParams) {
  return queryOptions({
    queryKey: storeDataKeys.supplierList(storeId, params),
    queryFn: () => getSuppliers(storeId, params),
    placeholderData: keepPreviousData,
  });
}

/** A page of the store's suppliers (the suppliers screen, and the filters of orders and lists). */
export function useSuppliers(storeId: string, params: SupplierListParams) {
  return useQuery(suppliersQueryOptions(storeId, params));
}
