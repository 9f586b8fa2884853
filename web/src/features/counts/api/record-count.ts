import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody } from '@/lib/api/types';
import { countKeys, type CountSession } from './keys';

export type RecordCountInput = RequestBody<'recordCountLine'>;

export function recordCount(storeId: string, id: string, input: RecordCountInput) {
  return apiClient.post('/stores/{storeId}/count-sessions/{id}/counts', {
    path: { storeId, id },
    body: input,
  });
}

/** Records a line; the session in the cache takes the line as answered, without a refetch. */
export function useRecordCount(storeId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordCountInput) => recordCount(storeId, id, input),
    onSuccess: async (line) => {
      queryClient.setQueryData<CountSession>(
        countKeys.detail(storeId, id),
        (s) =>
          s && {
            ...s,
            countedCount: s.lines.filter((l) => l.countedAt || l.productId === line.productId)
              .length,
            lines: s.lines.map((l) => (l.productId === line.productId ? line : l)),
          },
      );
      await queryClient.invalidateQueries({ queryKey: countKeys.review(storeId, id) });
    },
  });
}
