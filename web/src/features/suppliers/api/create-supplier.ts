import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { supplierKeys } from './supplier-keys';
import type { Supplier, SupplierInput } from './types';

export function createSupplier(storeId: string, input: SupplierInput): Promise<Supplier> {
  return apiClient.post('/stores/{storeId}/suppliers', { path: { storeId }, body: input });
}

export function useCreateSupplier(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SupplierInput) => createSupplier(storeId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supplierKeys.all(storeId) }),
  });
}
