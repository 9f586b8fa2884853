import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { listChanged } from './mutations';
import type { GenerateInput, ShoppingList } from './types';

export interface GenerateVariables {
  input: GenerateInput;
  /** A retry after a lost answer makes one list, not two. */
  idempotencyKey: string;
}

export function generateShoppingList(
  storeId: string,
  { input, idempotencyKey }: GenerateVariables,
): Promise<ShoppingList> {
  return apiClient.post('/stores/{storeId}/shopping-lists/generate', {
    path: { storeId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useGenerateShoppingList(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: GenerateVariables) => generateShoppingList(storeId, variables),
    onSuccess: (list) => listChanged(queryClient, storeId, list),
  });
}
