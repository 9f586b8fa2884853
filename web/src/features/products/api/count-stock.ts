import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { stockChanged } from './adjust-stock';
import { productPath } from './product-keys';
import type { CountInput, StockResult } from './stock-types';

export interface CountStockVariables {
  input: CountInput;
  idempotencyKey: string;
}

/** Records the counted quantity; the server books the difference as a `count` movement. */
export async function countStock(
  storeId: string,
  productId: string,
  { input, idempotencyKey }: CountStockVariables,
): Promise<StockResult> {
  const res = await api.post<SuccessEnvelope<StockResult>>(
    productPath(storeId, productId, 'counts'),
    input,
    { headers: { 'Idempotency-Key': idempotencyKey } },
  );
  return res.data.data;
}

export function useCountStock(storeId: string, productId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CountStockVariables) => countStock(storeId, productId, variables),
    onSuccess: (result) => stockChanged(queryClient, storeId, result),
  });
}
