import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { saleKeys } from './sale-keys';
import type { Refund } from './types';

export function getRefund(storeId: string, id: string): Promise<Refund> {
  return apiClient.get('/stores/{storeId}/refunds/{id}', { path: { storeId, id } });
}

export function refundQueryOptions(storeId: string, id: string) {
  return queryOptions({
    queryKey: saleKeys.refund(storeId, id),
    queryFn: () => getRefund(storeId, id),
  });
}

export function useRefund(storeId: string, id: string) {
  return useQuery(refundQueryOptions(storeId, id));
}
