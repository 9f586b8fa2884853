import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { saleKeys } from './sale-keys';
import type { Sale } from './types';

export function getSale(storeId: string, id: string): Promise<Sale> {
  return apiClient.get('/stores/{storeId}/sales/{id}', { path: { storeId, id } });
}

export function saleQueryOptions(storeId: string, id: string) {
  return queryOptions({
    queryKey: saleKeys.detail(storeId, id),
    queryFn: () => getSale(storeId, id),
  });
}

export function useSale(storeId: string, id: string) {
  return useQuery(saleQueryOptions(storeId, id));
}
