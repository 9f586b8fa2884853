import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { purchaseOrderKeys, purchaseOrdersPath } from './purchase-order-keys';
import type { Receipt } from './types';

export function getReceipts(storeId: string, orderId: string): Promise<Receipt[]> {
  return apiClient.get<Receipt[]>(purchaseOrdersPath(storeId, orderId, 'receipts'));
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
