import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { storeDataKeys, supplierKeys, suppliersPath } from './supplier-keys';
import type { Supplier, SupplierInput } from './types';

export async function updateSupplier(
  storeId: string,
  id: string,
  input: Partial<SupplierInput>,
): Promise<Supplier> {
  const res = await api.patch<SuccessEnvelope<Supplier>>(suppliersPath(storeId, id), input);
  return res.data.data;
}

export function useUpdateSupplier(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<SupplierInput> }) =>
      updateSupplier(storeId, id, input),
    // Products show their supplier's name.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: supplierKeys.all(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
      ]),
  });
}
