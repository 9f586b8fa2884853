import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody, ResponseData } from '@/lib/api/types';
import { storeDataKeys } from '@/lib/query-keys';
import { forecastingKeys } from './forecasting-keys';

export type PlanToListInput = RequestBody<'createShoppingListFromPlan'>;
export type PlanToListResult = ResponseData<'createShoppingListFromPlan'>;

/** The plan as a shopping list (and its purchase orders); the key makes a second click safe. */
export function planToList(storeId: string, input: PlanToListInput, idempotencyKey: string) {
  return apiClient.post('/stores/{storeId}/shopping-lists/from-plan', {
    path: { storeId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function usePlanToList(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: PlanToListInput; idempotencyKey: string }) =>
      planToList(storeId, input, idempotencyKey),
    // New lists and orders; what is on order changes every product's outlook.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: storeDataKeys.shoppingLists(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.purchaseOrders(storeId) }),
        queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) }),
        queryClient.invalidateQueries({ queryKey: forecastingKeys.all(storeId) }),
      ]),
  });
}
