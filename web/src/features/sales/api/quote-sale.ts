import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { isAxiosError } from 'axios';
import { apiClient } from '@/lib/api-client';
import { readCatalogue } from '@/lib/offline-catalogue';
import { quoteOffline } from '../offline/offline-quote';
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

/** The server's quote; with no answer from it, the same worked out from the offline catalogue. */
export async function quoteSaleOrOffline(
  storeId: string,
  input: SaleInput,
  approval?: string,
): Promise<SaleQuote & { offline?: true }> {
  try {
    return await quoteSale(storeId, input, approval);
  } catch (error) {
    if (!isAxiosError(error) || error.response || error.code === 'ERR_CANCELED') throw error;
    const catalogue = await readCatalogue(storeId).catch(() => undefined);
    const quote = catalogue && quoteOffline(catalogue, input);
    if (!quote) throw error;
    return { ...quote, offline: true };
  }
}

export function useSaleQuote(
  storeId: string,
  input: SaleInput,
  enabled: boolean,
  approval?: string,
) {
  return useQuery({
    queryKey: [...saleKeys.all(storeId), 'quote', input, approval ?? null],
    queryFn: () => quoteSaleOrOffline(storeId, input, approval),
    enabled,
    placeholderData: keepPreviousData,
    retry: false,
    networkMode: 'always',
  });
}
