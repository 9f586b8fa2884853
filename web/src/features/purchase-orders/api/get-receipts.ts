import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { purchaseOrderKeys } from './purchase-order-keys';
import type { Receipt } from './types';

export function getReceipts(storeId: string, orderId: string): Promise<Receipt[]> {
  return apiClient.get('/stores/{storeId}/purchase-orders/{id}/receipts', {
    path: { storeId, id: orderId },
  });
}

export function receiptsQueryOptions(storeId: string, orderId: string) {
  return queryOptions({
    queryKey: purchaseOrderKeys.receipts(storeId, orderId),
    queryFn: () => getReceipts(storeId, orderId),
  });
}

export function useReceipts(storeId: string, orderId: string) {
  return useQuery(receiptsQueryOptions(storeId, orderId));
}
