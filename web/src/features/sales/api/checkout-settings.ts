import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody, Schemas } from '@/lib/api/types';
import { storeDataKeys } from './sale-keys';

export type TaxRate = Schemas['TaxRate'];
type SettingsInput = RequestBody<'updateCheckoutSettings'>;
type TaxRateInput = RequestBody<'createTaxRate'>;

const keys = {
  settings: (storeId: string) => [...storeDataKeys.sales(storeId), 'checkout-settings'] as const,
  rates: (storeId: string) => [...storeDataKeys.sales(storeId), 'tax-rates'] as const,
};

export function useTaxRates(storeId: string) {
  return useQuery({
    queryKey: keys.rates(storeId),
    queryFn: (): Promise<TaxRate[]> =>
      apiClient.get('/stores/{storeId}/tax-rates', { path: { storeId } }),
  });
}

/** The store's categories by name, for giving a rate to them. */
export function useCategoryChoices(storeId: string) {
  return useQuery({
    queryKey: [...storeDataKeys.sales(storeId), 'tax-categories'],
    queryFn: () =>
      apiClient.get('/stores/{storeId}/categories', {
        path: { storeId },
        query: { limit: 100, sort: 'name', order: 'asc' },
      }),
  });
}

/** Changes to checkout settings and tax rates refresh both (a deleted default rate goes). */
function useCheckoutMutation<V>(storeId: string, fn: (v: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: keys.settings(storeId) }),
        queryClient.invalidateQueries({ queryKey: keys.rates(storeId) }),
      ]),
  });
}

export const useUpdateCheckoutSettings = (storeId: string) =>
  useCheckoutMutation(storeId, (body: SettingsInput) =>
    apiClient.patch('/stores/{storeId}/checkout-settings', { path: { storeId }, body }),
  );

export const useCreateTaxRate = (storeId: string) =>
  useCheckoutMutation(storeId, (body: TaxRateInput) =>
    apiClient.post('/stores/{storeId}/tax-rates', { path: { storeId }, body }),
  );

export const useDeleteTaxRate = (storeId: string) =>
  useCheckoutMutation(storeId, (id: string) =>
    apiClient.delete('/stores/{storeId}/tax-rates/{id}', { path: { storeId, id } }),
  );
