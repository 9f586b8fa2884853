import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from '@/lib/query-keys';

/** How many reorder lists wait as drafts: one row is asked for, the count is the total. */
export function useDraftListCount(storeId: string) {
  return useQuery({
    queryKey: [...storeDataKeys.dashboard(storeId), 'draft-lists'] as const,
    queryFn: async () => {
      const page = await apiClient.list('/stores/{storeId}/shopping-lists', {
        path: { storeId },
        query: { status: 'draft', limit: 1 },
      });
      return 'total' in page.pagination ? page.pagination.total : page.items.length;
    },
  });
}
