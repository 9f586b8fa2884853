import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { saleKeys } from './sale-keys';
import type { SaleInput, SaleQuote } from './types';

/** What the sale would come to (tax, discounts), recording nothing: the pay step's figures. */
export function quoteSale(storeId: string, input: SaleInput): Promise<SaleQuote> {
  return apiClient.post('/stores/{storeId}/sales/quote', { path: { storeId }, body: input });
}

export function useSaleQuote(storeId: string, input: SaleInput, enabled: boolean) {
  return useQuery({
    queryKey: [...saleKeys.all(storeId), 'quote', input],
    queryFn: () => quoteSale(storeId, input),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
