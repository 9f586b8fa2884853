import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { purchaseOrderKeys } from './purchase-order-keys';
import type { OrderListParams, PurchaseOrder } from './types';

export function getPurchaseOrders(
  storeId: string,
  params: OrderListParams,
): Promise<Paged<PurchaseOrder>> {
  return apiClient.list('/stores/{storeId}/purchase-orders', { path: { storeId }, query: params });
}

export function purchaseOrdersQueryOptions(storeId: string, params: OrderListParams) {
  return queryOptions({
    queryKey: purchaseOrderKeys.list(storeId, params),
    queryFn: () => getPurchaseOrders(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function usePurchaseOrders(storeId: string, params: OrderListParams) {
  return useQuery(purchaseOrdersQueryOptions(storeId, params));
}
