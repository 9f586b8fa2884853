import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { Paged, SuccessEnvelope } from '../../../lib/api-types';
import { cleanParams, toPaged } from '../../../lib/paged';
import { supplierKeys, suppliersPath } from './supplier-keys';
import type { Supplier, SupplierListParams } from './types';

export async function getSuppliers(
  storeId: string,
  params: SupplierListParams,
): Promise<Paged<Supplier>> {
  const res = await api.get<SuccessEnvelope<Supplier[]>>(suppliersPath(storeId), {
    params: cleanParams({ ...params }),
  });
  return toPaged(res);
}

export function suppliersQueryOptions(storeId: string, params: SupplierListParams) {
  return queryOptions({
    queryKey: supplierKeys.list(storeId, params),
    queryFn: () => getSuppliers(storeId, params),
    placeholderData: keepPreviousData,
  });
}

export function useSuppliers(storeId: string, params: SupplierListParams) {
  return useQuery(suppliersQueryOptions(storeId, params));
}
