import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import { transferKeys } from './transfer-keys';
import type { Transfer, TransferInput } from './types';

export interface CreateTransferVariables {
  input: TransferInput;
  idempotencyKey: string;
}

export function createTransfer(
  storeId: string,
  { input, idempotencyKey }: CreateTransferVariables,
): Promise<Transfer> {
  return apiClient.post('/stores/{storeId}/transfers', {
    path: { storeId },
    body: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function useCreateTransfer(storeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (variables: CreateTransferVariables) => createTransfer(storeId, variables),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: transferKeys.all(storeId) }),
  });
}
