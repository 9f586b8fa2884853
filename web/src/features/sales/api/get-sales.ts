import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Paged, SuccessEnvelope } from '../../../lib/api-types';
import { cleanParams, toPaged } from '../../../lib/paged';
import { saleKeys, salesPath } from './sale-keys';
import type { Sale, SaleListParams } from './types';

export async function getSales(storeId: string, params: SaleListParams): Promise<Paged<Sale>> {
  const res = await api.get<SuccessEnvelope<Sale[]>>(salesPath(storeId), {
    params: cleanParams({ ...params }),
  });
  return toPaged(res);
}

export function salesQueryOptions(storeId: string, params: SaleListParams) {
  return queryOptions({
    queryKey: saleKeys.list(storeId, params),
    queryFn: () => getSales(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useSales(storeId: string, params: SaleListParams, { enabled = true } = {}) {
  return useQuery({ ...salesQueryOptions(storeId, params), enabled });
}
