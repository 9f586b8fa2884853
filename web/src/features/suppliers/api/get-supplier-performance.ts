import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { supplierKeys } from './supplier-keys';
import type { SupplierPerformance } from './types';

export function getSupplierPerformance(
  storeId: string,
  id: string,
  months: number,
): Promise<SupplierPerformance> {
  return apiClient.get('/stores/{storeId}/suppliers/{id}/performance', {
    path: { storeId, id },
    query: { months },
  });
}

export function supplierPerformanceQueryOptions(storeId: string, id: string, months: number) {
  return queryOptions({
    queryKey: supplierKeys.performance(storeId, id, months),
    queryFn: () => getSupplierPerformance(storeId, id, months),
  });
}

export function useSupplierPerformance(storeId: string, id: string, months = 12) {
  return useQuery(supplierPerformanceQueryOptions(storeId, id, months));
}
