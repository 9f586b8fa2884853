import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from '@/lib/query-keys';

/**
 * How many deliveries are due by `date` (the store's today) and not yet received: orders sent
 * to the supplier or shipped, expected on or before it. Under the purchase orders' keys, so an
 * order's change refreshes it.
 */
export function useDueDeliveryCount(storeId: string, date: string) {
  return useQuery({
    queryKey: [...storeDataKeys.purchaseOrders(storeId), 'due', date] as const,
    queryFn: async () => {
      const page = await apiClient.list('/stores/{storeId}/purchase-orders', {
        path: { storeId },
        query: { status: ['processing', 'shipped'], expectedBy: date, limit: 1 },
      });
      return 'total' in page.pagination ? page.pagination.total : page.items.length;
    },
    enabled: date !== '',
  });
}
