import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { supplierKeys, suppliersPath } from './supplier-keys';
import type { Supplier, SupplierInput } from './types';

export async function createSupplier(storeId: string, input: SupplierInput): Promise<Supplier> {
  const res = await api.post<SuccessEnvelope<Supplier>>(suppliersPath(storeId), input);
  return res.data.data;
}

export function useCreateSupplier(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SupplierInput) => createSupplier(storeId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: supplierKeys.all(storeId) }),
  });
}
