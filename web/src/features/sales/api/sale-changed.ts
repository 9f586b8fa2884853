import type { QueryClient } from '@tanstack/react-query';
import { storeDataKeys } from './sale-keys';

/** A void or refund changes the sale, its products' stock and the dashboard's revenue. */
export function saleChanged(queryClient: QueryClient, storeId: string): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: storeDataKeys.sales(storeId) }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
    queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) }),
  ]);
}
