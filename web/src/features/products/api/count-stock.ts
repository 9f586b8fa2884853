import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { stockChanged } from './adjust-stock';
import type { CountInput, StockResult } from './types';

export interface CountStockVariables {
  input: CountInput;
  idempotencyKey: string;
}

/** Records the counted quantity; the server books the difference as a `count` movement. */
export function countStock(
  storeId: string,
  productId: string,
  { input, idempotencyKey }: CountStockVariables,
): Promise<StockResult> {
  return apiClient.post('/stores/{storeId}/products/{id}/counts', {
    path: { storeId, id: productId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useCountStock(storeId: string, productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CountStockVariables) => countStock(storeId, productId, variables),
    onSuccess: (result) => stockChanged(queryClient, storeId, result),
  });
}
