import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { productKeys, storeDataKeys } from './product-keys';
import type { AdjustmentInput, StockResult } from './types';

export interface AdjustStockVariables {
  input: AdjustmentInput;
  idempotencyKey: string;
}

export function adjustStock(
  storeId: string,
  productId: string,
  { input, idempotencyKey }: AdjustStockVariables,
): Promise<StockResult> {
  return apiClient.post('/stores/{storeId}/products/{id}/adjustments', {
    path: { storeId, id: productId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useAdjustStock(storeId: string, productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: AdjustStockVariables) => adjustStock(storeId, productId, variables),
    onSuccess: (result) => stockChanged(queryClient, storeId, result),
  });
}

/** After any stock movement: the product, its movements, every list and the dashboard. */
export async function stockChanged(
  queryClient: ReturnType<typeof useQueryClient>,
  storeId: string,
  result: StockResult,
): Promise<void> {
  queryClient.setQueryData(productKeys.detail(storeId, result.product.id), result.product);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: productKeys.all(storeId) }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
  ]);
}
