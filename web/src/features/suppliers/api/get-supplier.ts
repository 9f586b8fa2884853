import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { supplierKeys } from './supplier-keys';
import type { Supplier } from './types';

export function getSupplier(storeId: string, id: string): Promise<Supplier> {
  return apiClient.get('/stores/{storeId}/suppliers/{id}', { path: { storeId, id } });
}

export function supplierQueryOptions(storeId: string, id: string) {
  return queryOptions({
    queryKey: supplierKeys.detail(storeId, id),
    queryFn: () => getSupplier(storeId, id),
  });
}

export function useSupplier(storeId: string, id: string) {
  return useQuery(supplierQueryOptions(storeId, id));
}
