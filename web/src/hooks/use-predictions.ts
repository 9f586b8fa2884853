import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Schemas } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';

export type Prediction = Schemas['Prediction'];

/** The stored predictions of these products; a product never computed is absent. */
export function getPredictions(
  storeId: string,
  productIds: readonly string[],
): Promise<Prediction[]> {
  return apiClient.get('/stores/{storeId}/predictions', {
    path: { storeId },
    query: { productIds: productIds.join(',') },
  });
}

export function predictionsQueryOptions(storeId: string, productIds: readonly string[]) {
  return queryOptions({
    queryKey: storeDataKeys.predictions(storeId, productIds),
    queryFn: () => getPredictions(storeId, productIds),
    enabled: productIds.length > 0,
    select: (rows) => new Map(rows.map((row) => [row.productId, row])),
  });
}

/** Keyed by product id, for the rows of one page of the product list. */
export function usePredictions(storeId: string, productIds: readonly string[]) {
  return useQuery(predictionsQueryOptions(storeId, productIds));
}
