import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { saleKeys } from './sale-keys';
import type { Sale, SaleListParams } from './types';

export function getSales(storeId: string, params: SaleListParams): Promise<Paged<Sale>> {
  return apiClient.list('/stores/{storeId}/sales', { path: { storeId }, query: params });
}

export function salesQueryOptions(storeId: string, params: SaleListParams) {
  return queryOptions({
    queryKey: saleKeys.list(storeId, params),
    queryFn: () => getSales(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useSales(storeId: string, params: SaleListParams, { enabled = true } = {}) {
  return useQuery({ ...salesQueryOptions(storeId, params), enabled });
}
