import type { QueryClient } from '@tanstack/react-query';
import { storeDataKeys } from './purchase-order-keys';

/**
 * An order changed: the orders, and what they feed: its supplier's open orders and record,
 * and, after a delivery, the products' stock and the dashboard.
 */
export function purchaseOrderChanged(
  queryClient: QueryClient,
  storeId: string,
  { stock = false } = {},
): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: storeDataKeys.purchaseOrders(storeId) }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.suppliers(storeId) }),
    ...(stock
      ? [
          queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
          queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
        ]
      : []),
  ]);
}
