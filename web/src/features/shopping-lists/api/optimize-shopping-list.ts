import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { listChanged } from './mutations';
import type { OptimizeResult } from './types';

export function optimizeShoppingList(storeId: string, listId: string): Promise<OptimizeResult> {
  return apiClient.post('/stores/{storeId}/shopping-lists/{id}/optimize', {
    path: { storeId, id: listId },
    body: {},
  });
}

export function useOptimizeShoppingList(storeId: string, listId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => optimizeShoppingList(storeId, listId),
    onSuccess: ({ changes: _, ...list }) => listChanged(queryClient, storeId, list),
  });
}
