import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { saleKeys, salesPath, storeDataKeys } from './sale-keys';
import type { Sale, SaleInput } from './types';

export interface CreateSaleVariables {
  input: SaleInput;
  idempotencyKey: string;
}

/** All lines or none: a short line fails the whole sale with INSUFFICIENT_STOCK. */
export function createSale(
  storeId: string,
  { input, idempotencyKey }: CreateSaleVariables,
): Promise<Sale> {
  return apiClient.post<Sale>(salesPath(storeId), input, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useCreateSale(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CreateSaleVariables) => createSale(storeId, variables),
    onSuccess: (sale) => {
      queryClient.setQueryData(saleKeys.detail(storeId, sale.id), sale);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: saleKeys.all(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
      ]);
    },
  });
}
