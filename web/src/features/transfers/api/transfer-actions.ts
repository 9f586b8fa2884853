import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { storeDataKeys } from '@/lib/query-keys';
import type { ReceiveTransferInput, Transfer } from './types';

export type TransferAction =
  | { action: 'send'; idempotencyKey: string }
  | { action: 'cancel'; idempotencyKey: string }
  | { action: 'receive'; idempotencyKey: string; input: ReceiveTransferInput };

/** Send, cancel (the sending store) or receive (the receiving store): each moves stock once per key. */
export function actOnTransfer(storeId: string, id: string, a: TransferAction): Promise<Transfer> {
  const headers = { 'Idempotency-Key': a.idempotencyKey };
  const path = { storeId, id };
  if (a.action === 'receive')
    return apiClient.post('/stores/{storeId}/transfers/{id}/receive', {
      path,
      body: a.input,
      headers,
    });
  if (a.action === 'send')
    return apiClient.post('/stores/{storeId}/transfers/{id}/send', { path, body: {}, headers });
  return apiClient.post('/stores/{storeId}/transfers/{id}/cancel', { path, body: {}, headers });
}

export function useTransferAction(storeId: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (a: TransferAction) => actOnTransfer(storeId, id, a),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: storeDataKeys.transfers(storeId) });
      await queryClient.invalidateQueries({ queryKey: storeDataKeys.products(storeId) });
      await queryClient.invalidateQueries({ queryKey: storeDataKeys.dashboard(storeId) });
    },
  });
}
