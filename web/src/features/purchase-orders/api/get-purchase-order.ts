import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { purchaseOrderKeys } from './purchase-order-keys';
import type { PurchaseOrder } from './types';

export function getPurchaseOrder(storeId: string, id: string): Promise<PurchaseOrder> {
  return apiClient.get('/stores/{storeId}/purchase-orders/{id}', { path: { storeId, id } });
}

export function purchaseOrderQueryOptions(storeId: string, id: string) {
  return queryOptions({
    queryKey: purchaseOrderKeys.detail(storeId, id),
    queryFn: () => getPurchaseOrder(storeId, id),
  });
}

export function usePurchaseOrder(storeId: string, id: string) {
  return useQuery(purchaseOrderQueryOptions(storeId, id));
}
