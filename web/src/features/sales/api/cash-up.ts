import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { RequestBody, Schemas } from '@/lib/api/types';
import { saleKeys } from './sale-keys';

export type CashUp = Schemas['CashUp'];
export type CashCount = Schemas['CashCount'];
export type CountCashInput = RequestBody<'countCash'>;

const cashUpKey = (storeId: string, date: string) =>
  [...saleKeys.all(storeId), 'cash-up', date] as const;

/** One store day's cash-up (`date`: the store's calendar date). */
export function useCashUp(storeId: string, date: string | undefined) {
  return useQuery({
    queryKey: cashUpKey(storeId, date ?? ''),
    queryFn: () =>
      apiClient.get('/stores/{storeId}/cash-up', { path: { storeId }, query: { date: date! } }),
    enabled: !!date,
  });
}

/** Records the drawer's counted cash for the day; the cash-up then shows it. */
export function useCountCash(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, idempotencyKey }: { input: CountCashInput; idempotencyKey: string }) =>
      apiClient.post('/stores/{storeId}/cash-up', {
        path: { storeId },
        body: input,
        headers: { 'Idempotency-Key': idempotencyKey },
      }),
    onSuccess: (_count, { input }) =>
      queryClient.invalidateQueries({ queryKey: cashUpKey(storeId, input.date) }),
  });
}
