import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { categoriesPath, categoryKeys } from './category-keys';
import type { Category, CategoryInput } from './types';

export async function createCategory(storeId: string, input: CategoryInput): Promise<Category> {
  const res = await api.post<SuccessEnvelope<Category>>(categoriesPath(storeId), input);
  return res.data.data;
}

export function useCreateCategory(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CategoryInput) => createCategory(storeId, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: categoryKeys.all(storeId) }),
  });
}
