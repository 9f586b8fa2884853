import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Paged } from '@/lib/api/types';
import { transferKeys } from './transfer-keys';
import type { TransferListParams, TransferSummary } from './types';

export function getTransfers(
  storeId: string,
  params: TransferListParams,
): Promise<Paged<TransferSummary>> {
  return apiClient.list('/stores/{storeId}/transfers', { path: { storeId }, query: params });
}

export function useTransfers(storeId: string, params: TransferListParams) {
  return useQuery(
    queryOptions({
      queryKey: transferKeys.list(storeId, params),
      queryFn: () => getTransfers(storeId, params),
      placeholderData: keepPreviousData,
    }),
  );
}
