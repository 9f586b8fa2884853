import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SuccessEnvelope } from '../../../lib/api-types';
import { saleKeys, salesPath } from './sale-keys';
import type { Sale } from './types';

export async function getSale(storeId: string, id: string): Promise<Sale> {
  const res = await api.get<SuccessEnvelope<Sale>>(salesPath(storeId, id));
  return res.data.data;
}

export function saleQueryOptions(storeId: string, id: string) {
  return queryOptions({
    queryKey: saleKeys.detail(storeId, id),
    queryFn: () => getSale(storeId, id),
  });
}

export function useSale(storeId: string, id: string) {
  return useQuery(saleQueryOptions(storeId, id));
}
