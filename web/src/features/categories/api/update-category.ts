import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { categoriesPath, categoryKeys, storeDataKeys } from './category-keys';
import type { Category, CategoryInput } from './types';

export async function updateCategory(
  storeId: string,
  id: string,
  input: Partial<CategoryInput>,
): Promise<Category> {
  const res = await api.patch<SuccessEnvelope<Category>>(categoriesPath(storeId, id), input);
  return res.data.data;
}

export function useUpdateCategory(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: Partial<CategoryInput> }) =>
      updateCategory(storeId, id, input),
    // Products show their category's name.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: categoryKeys.all(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
      ]),
  });
}
