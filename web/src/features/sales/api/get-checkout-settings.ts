import { useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from './sale-keys';
import type { Schemas } from '@/lib/api/types';

export type CheckoutSettings = Schemas['CheckoutSettings'];

/** The store's checkout settings: its address on receipts, whether prices include tax. */
export function useCheckoutSettings(storeId: string) {
  return useQuery({
    queryKey: [...storeDataKeys.sales(storeId), 'checkout-settings'],
    queryFn: (): Promise<CheckoutSettings> =>
      apiClient.get('/stores/{storeId}/checkout-settings', { path: { storeId } }),
  });
}
