import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys, supplierKeys } from './supplier-keys';
import type { Supplier, SupplierChanges } from './types';

export function updateSupplier(
  storeId: string,
  id: string,
  changes: SupplierChanges,
): Promise<Supplier> {
  return apiClient.patch('/stores/{storeId}/suppliers/{id}', {
    path: { storeId, id },
    body: changes,
  });
}

export function useUpdateSupplier(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: SupplierChanges }) =>
      updateSupplier(storeId, id, input),
    // Products show their supplier's name.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supplierKeys.all(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
      ]),
  });
}
