import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { categoryKeys } from './category-keys';
import type { Category, CategoryInput } from './types';

export function createCategory(storeId: string, input: CategoryInput): Promise<Category> {
  return apiClient.post('/stores/{storeId}/categories', { path: { storeId }, body: input });
}

export function useCreateCategory(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CategoryInput) => createCategory(storeId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoryKeys.all(storeId) }),
  });
}
