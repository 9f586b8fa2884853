import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { approvalHeader } from './create-approval';
import { saleKeys } from './sale-keys';
import type { SaleInput, SaleQuote } from './types';

/** What the sale would come to (tax, discounts), recording nothing: the pay step's figures. */
export function quoteSale(
  storeId: string,
  input: SaleInput,
  approval?: string,
): Promise<SaleQuote> {
  return apiClient.post('/stores/{storeId}/sales/quote', {
    path: { storeId },
    body: input,
    headers: approvalHeader(approval),
  });
}

export function useSaleQuote(
  storeId: string,
  input: SaleInput,
  enabled: boolean,
  approval?: string,
) {
  return useQuery({
    queryKey: [...saleKeys.all(storeId), 'quote', input, approval ?? null],
    queryFn: () => quoteSale(storeId, input, approval),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
  });
}
